"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { InstitutionMultiPicker } from "@/components/institutions/institution-multi-picker";
import { OutputChoices } from "@/components/logic-model/output-choices";
import { DateField } from "@/components/ui/date-field";
import { CheckboxField, SelectField, TextAreaField, TextField, type Option } from "@/components/ui/field";
import { FormActions } from "@/components/ui/form-actions";
import { FormMessage } from "@/components/ui/form-message";
import type { ImprovementAction } from "@/db/schema";
import { actionStatuses } from "@/db/schema/values";
import { idleForm, type FormState } from "@/lib/forms";

type Props = {
  action: (prev: FormState, formData: FormData) => Promise<FormState>;
  projectId: string;
  current?: ImprovementAction;
  chosenFindings: string[];
  institutions: { id: string; name: string }[];
  findings: Option[];
  owners: Option[];
  /** The project's outputs, and those the action contributes to. */
  outputs: Option[];
  chosenOutputs: string[];
  cancelHref: string;
};

/** An improvement action: what, answering which findings, who carries it out, by when, how far. */
export function ActionForm({ action, projectId, current, chosenFindings, institutions, findings, owners, outputs, chosenOutputs, cancelHref }: Props) {
  const t = useTranslations("improvementActions");
  const [state, formAction] = useActionState(action, idleForm);
  const value = (field: "title" | "description" | "ownerId" | "startDate" | "dueDate" | "status" | "progress" | "target") =>
    state.values?.[field] ?? String(current?.[field] ?? "");
  const error = (field: string) => state.fieldErrors?.[field];
  const checked = state.values ? (state.values.findingIds ?? "").split(",") : chosenFindings;
  return (
    <form action={formAction} className="flex max-w-3xl flex-col gap-4" noValidate>
      <FormMessage state={state} />
      <input type="hidden" name="projectId" value={projectId} />
      {current && (
        <>
          <input type="hidden" name="actionId" value={current.id} />
          <input type="hidden" name="version" value={state.conflict?.version ?? current.version} />
        </>
      )}
      <TextField name="title" label={t("name")} required defaultValue={value("title")} error={error("title")} />
      <TextAreaField name="description" label={t("description")} rows={4} defaultValue={value("description")} error={error("description")} />
      <fieldset className="flex flex-col gap-1">
        <legend className="text-sm font-medium text-slate-800">{t("findings")}</legend>
        {findings.map((f) => (
          <CheckboxField key={f.value} id={`af-${f.value}`} name="findingIds" value={f.value} label={f.label} defaultChecked={checked.includes(f.value)} />
        ))}
        {error("findingIds") && <p className="text-sm text-red-800">{error("findingIds")}</p>}
      </fieldset>
      <InstitutionMultiPicker
        name="institutionIds"
        label={t("institutions")}
        searchLabel={t("searchInstitution")}
        removeLabel={(name) => t("removeInstitution", { name })}
        emptyLabel={t("noInstitution")}
        initial={institutions}
        error={error("institutionIds")}
      />
      <OutputChoices outputs={outputs} chosen={state.values ? (state.values.outputIds ?? "").split(",") : chosenOutputs} error={error("outputIds")} />
      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField name="ownerId" label={t("owner")} defaultValue={value("ownerId")} error={error("ownerId")} options={[{ value: "", label: t("noOwner") }, ...owners]} />
        <SelectField
          name="status"
          label={t("status")}
          defaultValue={value("status") || "proposed"}
          options={actionStatuses.map((s) => ({ value: s, label: t(`statuses.${s}`) }))}
        />
        <DateField name="startDate" label={t("startDate")} defaultValue={value("startDate")} error={error("startDate")} />
        <DateField name="dueDate" label={t("dueDate")} defaultValue={value("dueDate")} error={error("dueDate")} />
        <TextField name="progress" type="number" min={0} max={100} step={5} label={t("progress")} defaultValue={value("progress") || "0"} error={error("progress")} />
      </div>
      <TextField name="target" label={t("target")} defaultValue={value("target")} error={error("target")} />
      <FormActions cancelHref={cancelHref} />
    </form>
  );
}
