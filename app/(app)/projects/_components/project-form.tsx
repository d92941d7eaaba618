"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { DateField } from "@/components/ui/date-field";
import { CheckboxField, SelectField, TextField, type Option } from "@/components/ui/field";
import { FormActions } from "@/components/ui/form-actions";
import { FormMessage } from "@/components/ui/form-message";
import { TranslatedFields } from "@/components/translated-fields";
import type { Project } from "@/db/schema";
import { projectStatuses } from "@/db/schema/values";
import { idleForm, type FormState } from "@/lib/forms";

type Props = {
  action: (prev: FormState, formData: FormData) => Promise<FormState>;
  project?: Project;
  countries: Option[];
  cancelHref: string;
};

export function ProjectForm({ action, project, countries, cancelHref }: Props) {
  const t = useTranslations("projects");
  const [state, formAction] = useActionState(action, idleForm);
  const value = (field: keyof Project) => state.values?.[field] ?? (project ? String(project[field] ?? "") : "");
  const error = (field: string) => state.fieldErrors?.[field];
  return (
    <form action={formAction} className="flex max-w-2xl flex-col gap-4" noValidate>
      <FormMessage state={state} />
      {project && (
        <>
          <input type="hidden" name="projectId" value={project.id} />
          <input type="hidden" name="version" value={project.version} />
        </>
      )}
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField name="code" label={t("code")} hint={t("codeHint")} required defaultValue={value("code")} error={error("code")} />
        <SelectField
          name="status"
          label={t("status")}
          defaultValue={value("status") || "planned"}
          error={error("status")}
          options={projectStatuses.map((s) => ({ value: s, label: t(`statuses.${s}`) }))}
        />
      </div>
      <TranslatedFields
        fields={[
          { name: "name", label: t("name") },
          { name: "description", label: t("description"), multiline: true },
        ]}
        stored={project && { name: project.name, description: project.description }}
        typed={state.values}
        errors={state.fieldErrors}
      />
      <div className="grid gap-4 sm:grid-cols-3">
        <SelectField name="country" label={t("country")} defaultValue={value("country") || "HN"} error={error("country")} options={countries} />
        <DateField name="startDate" label={t("startDate")} required defaultValue={value("startDate")} error={error("startDate")} />
        <DateField name="endDate" label={t("endDate")} required defaultValue={value("endDate")} error={error("endDate")} />
      </div>
      <TextField name="funder" label={t("funder")} defaultValue={value("funder")} error={error("funder")} />
      <fieldset className="flex flex-col gap-3 rounded border border-slate-300 p-4">
        <legend className="px-1 font-medium">{t("personalData")}</legend>
        <TextField
          name="retentionYears"
          type="number"
          min={1}
          max={50}
          inputMode="numeric"
          label={t("retentionYears")}
          hint={t("retentionYearsHint")}
          required
          defaultValue={value("retentionYears") || "5"}
          error={error("retentionYears")}
        />
        <CheckboxField
          name="legalHold"
          label={t("legalHold")}
          defaultChecked={state.values ? ["on", "true"].includes(state.values.legalHold ?? "") : project?.legalHold === true}
        />
      </fieldset>
      <FormActions cancelHref={cancelHref} />
    </form>
  );
}
