"use server";

import { redirect } from "next/navigation";
import { runFormAction } from "@/lib/form-action";
import type { FormState } from "@/lib/forms";
import { createResult, deleteResult, moveResult, updateResult } from "@/lib/logic-model/use-cases";
import { narrativeFromForm } from "@/lib/narrative-form";
import type { Ctx } from "@/lib/session-user";

/** The form's fields as the use cases take them: the statement in each language. */
const resultFromForm = (values: Record<string, string>) => ({ ...values, statement: narrativeFromForm(values, "statement") });
const modelOf = (formData: FormData) => `/projects/${formData.get("projectId")}/logic-model`;

export async function createResultAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const state = await runFormAction(formData, (ctx: Ctx, values) => createResult(ctx, resultFromForm(values)));
  if (state.status === "success") redirect(modelOf(formData));
  return state;
}

export async function updateResultAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const state = await runFormAction(formData, (ctx: Ctx, values) => updateResult(ctx, resultFromForm(values)));
  if (state.status === "success") redirect(modelOf(formData));
  return state;
}

export async function moveResultAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runFormAction(formData, moveResult);
}

export async function deleteResultAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runFormAction(formData, deleteResult, "logicModel.deleted");
}
