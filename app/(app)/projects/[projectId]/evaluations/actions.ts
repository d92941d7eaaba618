"use server";

import { redirect } from "next/navigation";
import { addResponse, createEvaluation, pinStatement, translateEvaluation } from "@/lib/evaluations/use-cases";
import { runFormAction } from "@/lib/form-action";
import type { FormState } from "@/lib/forms";
import type { Ctx } from "@/lib/session-user";
import { evaluationFromForm } from "./_components/evaluation-from-form";
import { textsFromForm } from "./_components/texts-from-form";

/** "none", "all" or a group's id, as the dashboard should show the statement. */
export async function pinAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runFormAction(
    formData,
    (ctx: Ctx, values) => pinStatement(ctx, { ...values, pinned: values.show !== "none", groupId: values.show === "none" || values.show === "all" ? null : values.show }),
    "evaluations.pinned",
  );
}

export async function createEvaluationAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const state = await runFormAction(formData, (ctx: Ctx, values) => createEvaluation(ctx, evaluationFromForm(values)));
  if (state.status === "success") redirect(`/projects/${formData.get("projectId")}/evaluations/${state.data.id}`);
  return state;
}

/** One respondent typed in from a paper form: the group, then a level (or nothing) per statement. */
export async function addResponseAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runFormAction(
    formData,
    (ctx: Ctx, values) => {
      const answers = Object.fromEntries(
        Object.entries(values)
          .filter(([key, level]) => key.startsWith("answer:") && level)
          .map(([key, level]) => [key.slice(7), level]),
      );
      return addResponse(ctx, { projectId: values.projectId, evaluationId: values.evaluationId, group: values.group, answers });
    },
    "evaluations.entered",
  );
}

/** The groups' names and the statements in each language; back to the results once saved. */
export async function translateEvaluationAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const state = await runFormAction(formData, (ctx: Ctx, values) => translateEvaluation(ctx, textsFromForm(values)));
  if (state.status === "success") redirect(`/projects/${formData.get("projectId")}/evaluations/${formData.get("evaluationId")}`);
  return state;
}
