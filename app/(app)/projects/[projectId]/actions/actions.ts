"use server";

import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { runFormAction } from "@/lib/form-action";
import type { FormState } from "@/lib/forms";
import { addActionUpdate, createAction, updateAction } from "@/lib/improvement-actions/use-cases";
import { actionConflict } from "./_components/action-conflict";

export async function createActionAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const state = await runFormAction(formData, createAction);
  if (state.status === "success") redirect(`/projects/${formData.get("projectId")}/actions/${state.data.id}`);
  return state;
}

export async function updateActionAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const state = await runFormAction(formData, updateAction);
  const ids = { projectId: String(formData.get("projectId")), actionId: String(formData.get("actionId")) };
  if (state.status === "success") redirect(`/projects/${ids.projectId}/actions/${ids.actionId}`);
  if (state.error === "stale") return { ...state, message: (await getTranslations("errors"))("staleShown"), conflict: await actionConflict(ids) };
  return state;
}

export async function addActionUpdateAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runFormAction(formData, addActionUpdate, "improvementActions.updateAdded");
}
