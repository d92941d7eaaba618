"use server";

import { redirect } from "next/navigation";
import { runFormAction } from "@/lib/form-action";
import type { FormState } from "@/lib/forms";
import { addMissionNote, createMission, updateMission } from "@/lib/missions/use-cases";

const hrefOf = (mission: { id: string; projectId: string }) => `/projects/${mission.projectId}/missions/${mission.id}`;

export async function createMissionAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const state = await runFormAction(formData, createMission);
  if (state.status === "success") redirect(hrefOf(state.data));
  return state;
}

export async function updateMissionAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const state = await runFormAction(formData, updateMission);
  if (state.status === "success") redirect(hrefOf(state.data));
  return state;
}

export async function addMissionNoteAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runFormAction(formData, addMissionNote, "missions.noteAdded");
}
