"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { SelectField, TextAreaField, TextField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { idleForm } from "@/lib/forms";
import { sourceFileTypes } from "@/lib/studies/schemas";
import { submitValueAction } from "../actions";

type Props = {
  projectId: string;
  indicatorId: string;
  periods: { id: string; name: string }[];
  /** The groups of the indicator's disaggregations, labelled "Sex: Women". */
  groups: { key: string; label: string }[];
};

/** Reports a period's value with its groups, a comment and evidence; a manager then approves it or sends it back. */
export function ReportValueForm({ projectId, indicatorId, periods, groups }: Props) {
  const t = useTranslations("indicators");
  const [state, formAction] = useActionState(submitValueAction, idleForm);
  const error = (field: string) => state.fieldErrors?.[field] ?? state.fieldErrors?.[`${field}.type`];
  const typed = (field: string) => state.values?.[field] ?? "";
  return (
    <form action={formAction} className="flex flex-col gap-3 rounded-md border border-slate-200 bg-white p-3" aria-label={t("reportValue")} noValidate>
      <h3 className="font-semibold">{t("reportValue")}</h3>
      <FormMessage state={state} />
      <input type="hidden" name="projectId" value={projectId} />
      <input type="hidden" name="indicatorId" value={indicatorId} />
      <div className="grid gap-3 sm:grid-cols-2">
        <SelectField
          name="periodId"
          label={t("period")}
          defaultValue={typed("periodId")}
          options={periods.map((p) => ({ value: p.id, label: p.name }))}
          error={error("periodId")}
        />
        <TextField name="value" type="number" step="any" min={0} required label={t("reportedValue")} defaultValue={typed("value")} error={error("value")} />
        {groups.map((g) => (
          <TextField key={g.key} name={`group.${g.key}`} type="number" step="any" min={0} label={g.label} defaultValue={typed(`group.${g.key}`)} error={error(`groups.${g.key}`)} />
        ))}
      </div>
      {error("groups") && <p className="text-sm text-red-800">{error("groups")}</p>}
      <TextAreaField name="comment" label={t("valueComment")} rows={2} defaultValue={typed("comment")} error={error("comment")} />
      <div className="grid gap-3 sm:grid-cols-2">
        <TextField name="evidenceUrl" type="url" label={t("evidenceUrl")} defaultValue={typed("evidenceUrl")} error={error("evidenceUrl")} />
        <TextField name="file" type="file" label={t("evidenceFile")} accept={sourceFileTypes.join(",")} error={error("file")} />
      </div>
      <SubmitButton className="self-start">{t("submitValue")}</SubmitButton>
    </form>
  );
}
