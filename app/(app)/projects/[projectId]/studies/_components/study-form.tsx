"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { DateField } from "@/components/ui/date-field";
import { SelectField, TextAreaField, TextField } from "@/components/ui/field";
import { FormActions } from "@/components/ui/form-actions";
import { FormMessage } from "@/components/ui/form-message";
import type { Study } from "@/db/schema";
import { studyStatuses } from "@/db/schema/values";
import { idleForm, type FormState } from "@/lib/forms";

type Props = { action: (prev: FormState, formData: FormData) => Promise<FormState>; projectId: string; study?: Study; cancelHref: string };

export function StudyForm({ action, projectId, study, cancelHref }: Props) {
  const t = useTranslations("studies");
  const [state, formAction] = useActionState(action, idleForm);
  const value = (field: "title" | "periodStart" | "periodEnd" | "status" | "methodology") => state.values?.[field] ?? String(study?.[field] ?? "");
  const error = (field: string) => state.fieldErrors?.[field];
  return (
    <form action={formAction} className="flex max-w-3xl flex-col gap-4" noValidate>
      <FormMessage state={state} />
      <input type="hidden" name="projectId" value={projectId} />
      {study && (
        <>
          <input type="hidden" name="studyId" value={study.id} />
          <input type="hidden" name="version" value={study.version} />
        </>
      )}
      <TextField name="title" label={t("name")} required defaultValue={value("title")} error={error("title")} />
      <div className="grid gap-4 sm:grid-cols-3">
        <DateField name="periodStart" label={t("periodStart")} defaultValue={value("periodStart")} error={error("periodStart")} />
        <DateField name="periodEnd" label={t("periodEnd")} defaultValue={value("periodEnd")} error={error("periodEnd")} />
        <SelectField
          name="status"
          label={t("status")}
          defaultValue={value("status") || "planning"}
          error={error("status")}
          options={studyStatuses.map((s) => ({ value: s, label: t(`statuses.${s}`) }))}
        />
      </div>
      <TextAreaField name="methodology" label={t("methodology")} rows={5} defaultValue={value("methodology")} error={error("methodology")} />
      <FormActions cancelHref={cancelHref} />
    </form>
  );
}
