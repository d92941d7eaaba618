"use server";

import { redirect } from "next/navigation";
import { runFormAction } from "@/lib/form-action";
import type { FormState } from "@/lib/forms";
import { createProject, updateProject } from "@/lib/projects/use-cases";

export async function createProjectAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const state = await runFormAction(formData, createProject);
  if (state.status === "success") redirect(`/projects/${state.data.id}`);
  return state;
}

export async function updateProjectAction(_prev: FormState, formData: FormData): Promise<FormState> {
  // An unticked box sends nothing, and the edit requires the hold to be stated either way.
  formData.set("legalHold", formData.get("legalHold") === "on" ? "true" : "false");
  const state = await runFormAction(formData, updateProject);
  if (state.status === "success") redirect(`/projects/${state.data.id}`);
  return state;
}
