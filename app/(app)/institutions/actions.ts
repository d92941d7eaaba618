"use server";

import { redirect } from "next/navigation";
import { runFormAction } from "@/lib/form-action";
import type { FormState } from "@/lib/forms";
import { createInstitution, mergeInstitutions, setInstitutionActive, updateInstitution } from "@/lib/institutions/use-cases";

export async function createInstitutionAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const state = await runFormAction(formData, createInstitution);
  if (state.status === "success") redirect(`/institutions/${state.data.id}`);
  return state;
}

export async function updateInstitutionAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const state = await runFormAction(formData, updateInstitution);
  if (state.status === "success") redirect(`/institutions/${state.data.id}`);
  return state;
}

export async function setInstitutionActiveAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const isActive = formData.get("isActive") === "true";
  return runFormAction(formData, setInstitutionActive, isActive ? "institutions.restored" : "institutions.archived");
}

export async function mergeInstitutionsAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const state = await runFormAction(formData, mergeInstitutions);
  if (state.status === "success") redirect(`/institutions/${state.data.institution.id}?merged=1`);
  return state;
}
