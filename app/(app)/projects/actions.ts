"use server";

import { redirect } from "next/navigation";
import { runFormAction } from "@/lib/form-action";
import type { FormState } from "@/lib/forms";
import { narrativeFromForm } from "@/lib/narrative-form";
import { createProject, updateProject } from "@/lib/projects/use-cases";
import type { Ctx } from "@/lib/session-user";

/** The form's fields as the use cases take them: the name and description in each language. */
const projectFromForm = (values: Record<string, string>) => ({ ...values, name: narrativeFromForm(values, "name"), description: narrativeFromForm(values, "description") });

export async function createProjectAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const state = await runFormAction(formData, (ctx: Ctx, values) => createProject(ctx, projectFromForm(values)));
  if (state.status === "success") redirect(`/projects/${state.data.id}`);
  return state;
}

export async function updateProjectAction(_prev: FormState, formData: FormData): Promise<FormState> {
  // An unticked box sends nothing, and the edit requires the hold to be stated either way.
  formData.set("legalHold", formData.get("legalHold") === "on" ? "true" : "false");
  const state = await runFormAction(formData, (ctx: Ctx, values) => updateProject(ctx, projectFromForm(values)));
  if (state.status === "success") redirect(`/projects/${state.data.id}`);
  return state;
}
