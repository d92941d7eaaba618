"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { DateField } from "@/components/ui/date-field";
import { CheckboxField, SelectField, TextAreaField, TextField } from "@/components/ui/field";
import { FormActions } from "@/components/ui/form-actions";
import { FormMessage } from "@/components/ui/form-message";
import { locales, type Locale } from "@/db/schema/values";
import { idleForm } from "@/lib/forms";
import { createEvaluationAction } from "../actions";

/** A new evaluation: its scale, which levels count as agreeing, its groups and statements, one per line. */
export function EvaluationForm({ projectId, locale, cancelHref }: { projectId: string; locale: Locale; cancelHref: string }) {
  const t = useTranslations("evaluations");
  const tf = useTranslations("findings");
  const [state, formAction] = useActionState(createEvaluationAction, idleForm);
  const value = (field: string, fallback = "") => state.values?.[field] ?? fallback;
  // Errors on one line of a list (groups.2.key) are shown under the list.
  const error = (field: string) => Object.entries(state.fieldErrors ?? {}).find(([key]) => key === field || key.startsWith(`${field}.`))?.[1];
  const agree = state.values ? (state.values.agreeLevels ?? "").split(",") : ["4", "5"];
  return (
    <form action={formAction} className="flex max-w-3xl flex-col gap-4" noValidate>
      <FormMessage state={state} />
      <input type="hidden" name="projectId" value={projectId} />
      <TextField name="title" label={t("name")} required defaultValue={value("title")} error={error("title")} />
      <div className="grid gap-4 sm:grid-cols-3">
        <DateField name="periodStart" label={t("periodStart")} defaultValue={value("periodStart")} error={error("periodStart")} />
        <DateField name="periodEnd" label={t("periodEnd")} defaultValue={value("periodEnd")} error={error("periodEnd")} />
        <SelectField
          name="scaleSize"
          label={t("scaleSize")}
          defaultValue={value("scaleSize", "5")}
          options={[
            { value: "5", label: t("scale5") },
            { value: "4", label: t("scale4") },
          ]}
        />
      </div>
      <fieldset className="flex flex-wrap gap-4">
        <legend className="mb-1 text-sm font-medium text-slate-800">{t("agreeLevels")}</legend>
        {[1, 2, 3, 4, 5].map((level) => (
          <CheckboxField key={level} id={`agree-${level}`} name="agreeLevels" value={String(level)} label={t("level", { level })} defaultChecked={agree.includes(String(level))} />
        ))}
        {error("agreeLevels") && <p className="w-full text-sm text-red-800">{error("agreeLevels")}</p>}
      </fieldset>
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField name="minGroupSize" type="number" min={1} max={100} label={t("minGroupSize")} defaultValue={value("minGroupSize", "5")} error={error("minGroupSize")} />
        <SelectField name="language" label={t("language")} defaultValue={value("language", locale)} options={locales.map((l) => ({ value: l, label: tf(`languages.${l}`) }))} />
      </div>
      <TextAreaField name="groups" label={t("groups")} hint={t("groupsHint")} rows={3} defaultValue={value("groups")} error={error("groups")} />
      <TextAreaField name="statements" label={t("statements")} hint={t("statementsHint")} rows={6} defaultValue={value("statements")} error={error("statements")} />
      <FormActions cancelHref={cancelHref} />
    </form>
  );
}
