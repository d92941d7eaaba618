"use server";

import { redirect } from "next/navigation";
import { runFormAction } from "@/lib/form-action";
import type { FormState } from "@/lib/forms";
import { addMissionNote, createMission, updateMission } from "@/lib/missions/use-cases";
import { narrativeFromForm } from "@/lib/narrative-form";
import type { Ctx } from "@/lib/session-user";

/** The form's fields as the use cases take them: the title in each language. */
const missionFromForm = (values: Record<string, string>) => ({ ...values, title: narrativeFromForm(values, "title") });

const hrefOf = (mission: { id: string; projectId: string }) => `/projects/${mission.projectId}/missions/${mission.id}`;

export async function createMissionAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const state = await runFormAction(formData, (ctx: Ctx, values) => createMission(ctx, missionFromForm(values)));
  if (state.status === "success") redirect(hrefOf(state.data));
  return state;
}

export async function updateMissionAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const state = await runFormAction(formData, (ctx: Ctx, values) => updateMission(ctx, missionFromForm(values)));
  if (state.status === "success") redirect(hrefOf(state.data));
  return state;
}

export async function addMissionNoteAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runFormAction(formData, addMissionNote, "missions.noteAdded");
}
