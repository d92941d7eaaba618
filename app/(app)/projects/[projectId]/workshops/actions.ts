"use server";

import { redirect } from "next/navigation";
import { runFormAction } from "@/lib/form-action";
import type { FormState } from "@/lib/forms";
import type { Ctx } from "@/lib/session-user";
import { createWorkshop, updateWorkshop } from "@/lib/workshops/use-cases";

/** The form sends one `agenda.<day>` box per day; the service takes a list of days. */
function withAgenda(values: Record<string, string>) {
  const agenda = Object.entries(values)
    .filter(([key]) => key.startsWith("agenda."))
    .map(([key, text]) => ({ day: key.slice("agenda.".length), agenda: text }));
  return { ...values, agenda };
}

const hrefOf = (workshop: { id: string; projectId: string }) => `/projects/${workshop.projectId}/workshops/${workshop.id}`;

export async function createWorkshopAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const state = await runFormAction(formData, (ctx: Ctx, values) => createWorkshop(ctx, withAgenda(values)));
  if (state.status === "success") redirect(hrefOf(state.data));
  return state;
}

export async function updateWorkshopAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const state = await runFormAction(formData, (ctx: Ctx, values) => updateWorkshop(ctx, withAgenda(values)));
  if (state.status === "success") redirect(hrefOf(state.data));
  return state;
}
