"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { OutputChoices } from "@/components/logic-model/output-choices";
import { DateField } from "@/components/ui/date-field";
import { CheckboxField, SelectField, TextAreaField, TextField, type Option } from "@/components/ui/field";
import { FormActions } from "@/components/ui/form-actions";
import { FormMessage } from "@/components/ui/form-message";
import { TranslatedFields } from "@/components/translated-fields";
import type { Mission } from "@/db/schema";
import { missionStatuses } from "@/db/schema/values";
import { idleForm, type FormState } from "@/lib/forms";

type Props = {
  action: (prev: FormState, formData: FormData) => Promise<FormState>;
  projectId: string;
  defaultCountry: string;
  mission?: Mission;
  team: string[];
  staff: Option[];
  countries: Option[];
  /** The project's outputs, and those the mission contributes to. */
  outputs: Option[];
  chosenOutputs: string[];
  cancelHref: string;
};

export function MissionForm({ action, projectId, defaultCountry, mission, team, staff, countries, outputs, chosenOutputs, cancelHref }: Props) {
  const t = useTranslations("missions");
  const [state, formAction] = useActionState(action, idleForm);
  const value = (field: keyof Mission) => {
    if (state.values?.[field] !== undefined) return state.values[field];
    if (!mission) return "";
    const current = mission[field];
    return Array.isArray(current) ? current.join(", ") : String(current ?? "");
  };
  const error = (field: string) => state.fieldErrors?.[field];
  const chosenTeam = state.values ? (state.values.teamUserIds ?? "").split(",") : team;
  return (
    <form action={formAction} className="flex max-w-3xl flex-col gap-4" noValidate>
      <FormMessage state={state} />
      <input type="hidden" name="projectId" value={projectId} />
      {mission && (
        <>
          <input type="hidden" name="missionId" value={mission.id} />
          <input type="hidden" name="version" value={mission.version} />
        </>
      )}
      <TranslatedFields fields={[{ name: "title", label: t("name") }]} stored={mission && { title: mission.title }} typed={state.values} errors={state.fieldErrors} />
      <TextAreaField name="purpose" label={t("purpose")} rows={2} defaultValue={value("purpose")} error={error("purpose")} />
      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField name="country" label={t("country")} defaultValue={value("country") || defaultCountry} error={error("country")} options={countries} />
        <TextField name="cities" label={t("cities")} hint={t("citiesHint")} defaultValue={value("cities")} error={error("cities")} />
        <DateField name="startDate" label={t("startDate")} required defaultValue={value("startDate")} error={error("startDate")} />
        <DateField name="endDate" label={t("endDate")} required defaultValue={value("endDate")} error={error("endDate")} />
        <SelectField
          name="status"
          label={t("status")}
          defaultValue={value("status") || "planned"}
          error={error("status")}
          options={missionStatuses.map((v) => ({ value: v, label: t(`statuses.${v}`) }))}
        />
      </div>
      <fieldset className="flex flex-col gap-2">
        <legend className="text-sm font-medium text-slate-800">{t("team")}</legend>
        <p className="text-xs text-slate-600">{t("teamHint")}</p>
        {staff.map((s) => (
          <CheckboxField key={s.value} id={`team-${s.value}`} name="teamUserIds" value={s.value} label={s.label} defaultChecked={chosenTeam.includes(s.value)} />
        ))}
        {error("teamUserIds") && <p className="text-sm text-red-800">{error("teamUserIds")}</p>}
      </fieldset>
      <OutputChoices outputs={outputs} chosen={state.values ? (state.values.outputIds ?? "").split(",") : chosenOutputs} error={error("outputIds")} />
      <TextAreaField name="objectives" label={t("objectives")} defaultValue={value("objectives")} error={error("objectives")} />
      <TextAreaField name="notes" label={t("notes")} defaultValue={value("notes")} error={error("notes")} />
      <FormActions cancelHref={cancelHref} />
    </form>
  );
}
