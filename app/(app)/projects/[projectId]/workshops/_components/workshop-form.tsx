"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { InstitutionMultiPicker } from "@/components/institutions/institution-multi-picker";
import { OutputChoices } from "@/components/logic-model/output-choices";
import { DateField } from "@/components/ui/date-field";
import { SelectField, TextAreaField, TextField, type Option } from "@/components/ui/field";
import { FormActions } from "@/components/ui/form-actions";
import { FormMessage } from "@/components/ui/form-message";
import type { Workshop } from "@/db/schema";
import { locales, workshopStatuses, workshopTypes } from "@/db/schema/values";
import { idleForm, type FormState } from "@/lib/forms";

type Props = {
  action: (prev: FormState, formData: FormData) => Promise<FormState>;
  projectId: string;
  workshop?: Workshop;
  missions: Option[];
  invited: { id: string; name: string }[];
  /** The project's outputs, and those the workshop contributes to. */
  outputs: Option[];
  chosenOutputs: string[];
  /** On edit, one agenda box per day of the saved dates. */
  agendaDays: { day: string; label: string; agenda: string }[];
  cancelHref: string;
  /** A new workshop opened from a mission's page starts in that mission. */
  missionId?: string;
};

export function WorkshopForm({ action, projectId, workshop, missions, invited, outputs, chosenOutputs, agendaDays, cancelHref, missionId = "" }: Props) {
  const t = useTranslations("workshops");
  const tLanguage = useTranslations("language");
  const [state, formAction] = useActionState(action, idleForm);
  const value = (field: keyof Workshop) => state.values?.[field] ?? (workshop ? String(workshop[field] ?? "") : "");
  const error = (field: string) => state.fieldErrors?.[field];
  return (
    <form action={formAction} className="flex max-w-3xl flex-col gap-4" noValidate>
      <FormMessage state={state} />
      <input type="hidden" name="projectId" value={projectId} />
      {workshop && (
        <>
          <input type="hidden" name="workshopId" value={workshop.id} />
          <input type="hidden" name="version" value={workshop.version} />
        </>
      )}
      <TextField name="title" label={t("name")} required defaultValue={value("title")} error={error("title")} />
      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField
          name="type"
          label={t("type")}
          defaultValue={value("type") || "training"}
          error={error("type")}
          options={workshopTypes.map((v) => ({ value: v, label: t(`types.${v}`) }))}
        />
        <SelectField
          name="missionId"
          label={t("mission")}
          defaultValue={state.values || workshop ? value("missionId") : missionId}
          error={error("missionId")}
          options={[{ value: "", label: t("noMission") }, ...missions]}
        />
        <DateField name="startDate" label={t("startDate")} required defaultValue={value("startDate")} error={error("startDate")} />
        <DateField name="endDate" label={t("endDate")} required defaultValue={value("endDate")} error={error("endDate")} />
        <TextField name="city" label={t("city")} defaultValue={value("city")} error={error("city")} />
        <TextField name="venue" label={t("venue")} defaultValue={value("venue")} error={error("venue")} />
        <SelectField
          name="language"
          label={t("language")}
          defaultValue={value("language") || "es"}
          error={error("language")}
          options={locales.map((l) => ({ value: l, label: tLanguage(l) }))}
        />
        <TextField name="expectedParticipants" type="number" min={1} label={t("expected")} defaultValue={value("expectedParticipants")} error={error("expectedParticipants")} />
        <SelectField
          name="status"
          label={t("status")}
          defaultValue={value("status") || "planned"}
          error={error("status")}
          options={workshopStatuses.map((v) => ({ value: v, label: t(`statuses.${v}`) }))}
        />
        <TextField name="facilitators" label={t("facilitators")} defaultValue={value("facilitators")} error={error("facilitators")} />
      </div>
      <InstitutionMultiPicker
        name="invitedInstitutionIds"
        label={t("invited")}
        searchLabel={t("invitedSearch")}
        removeLabel={(name) => t("remove", { name })}
        emptyLabel={t("noInvited")}
        initial={invited}
        error={error("invitedInstitutionIds")}
      />
      <OutputChoices outputs={outputs} chosen={state.values ? (state.values.outputIds ?? "").split(",") : chosenOutputs} error={error("outputIds")} />
      <fieldset className="flex flex-col gap-3">
        <legend className="text-sm font-medium text-slate-800">{t("agenda")}</legend>
        {agendaDays.length === 0 && <p className="text-sm text-slate-700">{t("agendaHint")}</p>}
        {agendaDays.map((d) => (
          <TextAreaField key={d.day} name={`agenda.${d.day}`} label={t("agendaFor", { day: d.label })} rows={3} defaultValue={state.values?.[`agenda.${d.day}`] ?? d.agenda} />
        ))}
        {error("agenda") && <p className="text-sm text-red-800">{error("agenda")}</p>}
      </fieldset>
      <TextAreaField name="minutes" label={t("minutes")} rows={6} defaultValue={value("minutes")} error={error("minutes")} />
      <FormActions cancelHref={cancelHref} />
    </form>
  );
}
