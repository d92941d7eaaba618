"use server";

import { redirect } from "next/navigation";
import { runFormAction } from "@/lib/form-action";
import type { FormState } from "@/lib/forms";
import { markDistinct, mergeParticipants } from "@/lib/participants/duplicates";
import { eraseParticipant } from "@/lib/participants/personal-data";
import { createParticipant, updateParticipant } from "@/lib/participants/use-cases";

export async function createParticipantAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const state = await runFormAction(formData, createParticipant);
  if (state.status === "success") redirect(`/participants/${state.data.id}`);
  return state;
}

export async function updateParticipantAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const state = await runFormAction(formData, updateParticipant);
  if (state.status === "success") redirect(`/participants/${state.data.id}`);
  return state;
}

export async function mergeParticipantsAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runFormAction(formData, mergeParticipants, "participants.mergedPair");
}

export async function markDistinctAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runFormAction(formData, markDistinct, "participants.markedDistinct");
}

export async function eraseParticipantAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const state = await runFormAction(formData, eraseParticipant);
  if (state.status === "success") redirect("/participants?erased=1");
  return state;
}
