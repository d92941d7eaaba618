"use server";

import { redirect } from "next/navigation";
import { runFormAction } from "@/lib/form-action";
import type { FormState } from "@/lib/forms";
import { addActionUpdate, createAction, updateAction } from "@/lib/improvement-actions/service";

export async function createActionAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const state = await runFormAction(formData, createAction);
  if (state.status === "success") redirect(`/projects/${formData.get("projectId")}/actions/${(state.data as { id: string }).id}`);
  return state;
}

export async function updateActionAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const state = await runFormAction(formData, updateAction);
  if (state.status === "success") redirect(`/projects/${formData.get("projectId")}/actions/${formData.get("actionId")}`);
  return state;
}

export async function addActionUpdateAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runFormAction(formData, addActionUpdate, "actions.updateAdded");
}
