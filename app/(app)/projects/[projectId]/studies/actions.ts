"use server";

import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { createFinding, createProjectTheme, updateFinding } from "@/lib/findings/use-cases";
import { runFormAction } from "@/lib/form-action";
import type { FormState } from "@/lib/forms";
import type { Ctx } from "@/lib/session-user";
import { answerFinding, closeRound, commentOnFinding, openRound } from "@/lib/reviews/use-cases";
import { addSource, createStudy, removeSource, shareSource, updateStudy } from "@/lib/studies/use-cases";
import { findingConflict } from "./_components/finding-conflict";
import { findingFromForm } from "./_components/finding-from-form";

export async function createStudyAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const state = await runFormAction(formData, createStudy);
  if (state.status === "success") redirect(`/projects/${formData.get("projectId")}/studies/${state.data.id}`);
  return state;
}

export async function updateStudyAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const state = await runFormAction(formData, updateStudy);
  if (state.status === "success") redirect(`/projects/${formData.get("projectId")}/studies/${formData.get("studyId")}`);
  return state;
}

/** The uploaded file travels as bytes; every other field as the form's text. */
export async function addSourceAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const upload = formData.get("file");
  const file = upload instanceof File && upload.size > 0 ? { name: upload.name, type: upload.type, data: new Uint8Array(await upload.arrayBuffer()) } : null;
  return runFormAction(formData, (ctx: Ctx, values) => addSource(ctx, { ...values, file }), "studies.sourceAdded");
}

export async function removeSourceAction(formData: FormData): Promise<void> {
  await runFormAction(formData, removeSource);
}

export async function shareSourceAction(formData: FormData): Promise<void> {
  await runFormAction(formData, shareSource);
}

export async function createFindingAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const state = await runFormAction(formData, (ctx: Ctx, values) => createFinding(ctx, findingFromForm(values)));
  if (state.status === "success") redirect(`/projects/${formData.get("projectId")}/studies/${formData.get("studyId")}/findings/${state.data.id}`);
  return state;
}

export async function updateFindingAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const state = await runFormAction(formData, (ctx: Ctx, values) => updateFinding(ctx, findingFromForm(values)));
  const ids = { projectId: String(formData.get("projectId")), studyId: String(formData.get("studyId")), findingId: String(formData.get("findingId")) };
  if (state.status === "success") redirect(`/projects/${ids.projectId}/studies/${ids.studyId}/findings/${ids.findingId}`);
  if (state.error === "stale") return { ...state, message: (await getTranslations("errors"))("staleShown"), conflict: await findingConflict(ids) };
  return state;
}

export async function createThemeAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runFormAction(
    formData,
    (ctx: Ctx, values) => createProjectTheme(ctx, { projectId: values.projectId, name: { original: values.language, [values.language ?? ""]: values.name } }),
    "findings.themeAdded",
  );
}

export async function openRoundAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const state = await runFormAction(formData, openRound);
  if (state.status === "success") redirect(`/projects/${formData.get("projectId")}/studies/${formData.get("studyId")}/reviews/${state.data.id}`);
  return state;
}

export async function answerAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runFormAction(formData, answerFinding, "reviews.answered");
}

export async function commentAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runFormAction(formData, commentOnFinding, "reviews.commented");
}

export async function closeRoundAction(formData: FormData): Promise<void> {
  await runFormAction(formData, closeRound);
}
