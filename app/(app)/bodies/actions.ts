"use server";

import { redirect } from "next/navigation";
import { addBodyMember, createBody, endBodyMembership, removeBodyMembership, updateBody } from "@/lib/bodies/use-cases";
import { runFormAction } from "@/lib/form-action";
import type { FormState } from "@/lib/forms";

export async function createBodyAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const state = await runFormAction(formData, createBody);
  if (state.status === "success") redirect(`/bodies/${state.data.id}`);
  return state;
}

export async function updateBodyAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const state = await runFormAction(formData, updateBody);
  if (state.status === "success") redirect(`/bodies/${state.data.id}`);
  return state;
}

export async function addBodyMemberAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runFormAction(formData, addBodyMember, "bodies.memberAdded");
}

export async function endBodyMembershipAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runFormAction(formData, endBodyMembership, "bodies.membershipEnded");
}

export async function removeBodyMembershipAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runFormAction(formData, removeBodyMembership, "bodies.memberRemoved");
}
