"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { SelectField, TextAreaField, TextField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { actionStatuses } from "@/db/schema/values";
import { idleForm } from "@/lib/forms";
import { addActionUpdateAction } from "../actions";

/** A dated progress update: what happened, and the new status or progress if they moved. */
export function UpdateForm({ projectId, actionId }: { projectId: string; actionId: string }) {
  const t = useTranslations("improvementActions");
  const [state, formAction] = useActionState(addActionUpdateAction, idleForm);
  return (
    <form action={formAction} className="flex flex-col gap-3 rounded-md border border-slate-200 p-3" aria-label={t("addUpdate")} noValidate>
      <h3 className="font-medium">{t("addUpdate")}</h3>
      <FormMessage state={state} />
      <input type="hidden" name="projectId" value={projectId} />
      <input type="hidden" name="actionId" value={actionId} />
      <TextAreaField name="note" label={t("note")} rows={2} error={state.fieldErrors?.note} />
      <div className="grid gap-3 sm:grid-cols-2">
        <SelectField
          name="status"
          label={t("newStatus")}
          defaultValue=""
          options={[{ value: "", label: t("unchanged") }, ...actionStatuses.map((s) => ({ value: s, label: t(`statuses.${s}`) }))]}
        />
        <TextField name="progress" type="number" min={0} max={100} step={5} label={t("newProgress")} error={state.fieldErrors?.progress} />
      </div>
      <SubmitButton className="self-start">{t("addUpdate")}</SubmitButton>
    </form>
  );
}
