"use server";

import { redirect } from "next/navigation";
import { runFormAction } from "@/lib/form-action";
import type { FormState } from "@/lib/forms";
import { createIndicator, deleteIndicator, updateIndicator } from "@/lib/indicators/use-cases";
import type { Ctx } from "@/lib/session-user";
import { reviewValue, submitValue } from "@/lib/indicators/reported-values";
import { indicatorFromForm } from "./_components/indicator-from-form";
import { valueFromForm } from "./_components/value-from-form";

const hrefOf = (indicator: { id: string; projectId: string }) => `/projects/${indicator.projectId}/indicators/${indicator.id}`;

export async function createIndicatorAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const state = await runFormAction(formData, (ctx: Ctx, values) => createIndicator(ctx, indicatorFromForm(values)));
  if (state.status === "success") redirect(hrefOf(state.data));
  return state;
}

export async function updateIndicatorAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const state = await runFormAction(formData, (ctx: Ctx, values) => updateIndicator(ctx, indicatorFromForm(values)));
  if (state.status === "success") redirect(hrefOf(state.data));
  return state;
}

export async function deleteIndicatorAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const state = await runFormAction(formData, deleteIndicator);
  if (state.status === "success") redirect(`/projects/${formData.get("projectId")}/logic-model/${formData.get("resultId")}`);
  return state;
}

/** The evidence file travels as bytes; every other field as the form's text. */
export async function submitValueAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const upload = formData.get("file");
  const file = upload instanceof File && upload.size > 0 ? { name: upload.name, type: upload.type, data: new Uint8Array(await upload.arrayBuffer()) } : null;
  return runFormAction(formData, (ctx: Ctx, values) => submitValue(ctx, valueFromForm(values, file)), "indicators.valueSubmitted");
}

export async function reviewValueAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const decision = formData.get("decision");
  return runFormAction(formData, reviewValue, decision === "approve" ? "indicators.valueApproved" : "indicators.valueSentBack");
}
