"use server";

import { redirect } from "next/navigation";
import { runFormAction } from "@/lib/form-action";
import type { FormState } from "@/lib/forms";
import { addQuestionnaireResponse, copyQuestionnaire, createQuestionnaire, setQuestionnaireStatus, updateQuestionnaire } from "@/lib/questionnaires/use-cases";
import type { Ctx } from "@/lib/session-user";
import { questionnaireFromForm } from "./_components/questionnaire-from-form";

const listOf = (values: { projectId?: string; workshopId?: string }) => `/projects/${values.projectId}/workshops/${values.workshopId}/questionnaires`;

export async function createQuestionnaireAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const state = await runFormAction(formData, (ctx: Ctx, values) => createQuestionnaire(ctx, questionnaireFromForm(values)));
  if (state.status === "success") redirect(listOf(Object.fromEntries(formData) as Record<string, string>));
  return state;
}

export async function updateQuestionnaireAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const state = await runFormAction(formData, (ctx: Ctx, values) => updateQuestionnaire(ctx, questionnaireFromForm(values)));
  if (state.status === "success") redirect(listOf(Object.fromEntries(formData) as Record<string, string>));
  return state;
}

export async function copyQuestionnaireAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runFormAction(formData, copyQuestionnaire, "questionnaires.copied");
}

export async function setQuestionnaireStatusAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runFormAction(formData, setQuestionnaireStatus);
}

export async function addQuestionnaireResponseAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const answers = Object.fromEntries([...formData.entries()].filter(([key]) => key.startsWith("answer.")).map(([key, value]) => [key.slice("answer.".length), String(value)]));
  return runFormAction(formData, (ctx: Ctx, values) => addQuestionnaireResponse(ctx, { ...values, answers }), "questionnaires.responseSaved");
}
