"use client";

import { useTranslations } from "next-intl";
import { useActionState, useState } from "react";
import { InstitutionPicker } from "@/components/institutions/institution-picker";
import { DateField } from "@/components/ui/date-field";
import { SelectField, TextField, type Option } from "@/components/ui/field";
import { FormActions } from "@/components/ui/form-actions";
import { FormMessage } from "@/components/ui/form-message";
import type { Participant } from "@/db/schema";
import { consentForms, locales, participantSexes } from "@/db/schema/values";
import { idleForm, type FormState } from "@/lib/forms";
import { DuplicateWarning } from "@/components/participants/duplicate-warning";

type Props = {
  action: (prev: FormState, formData: FormData) => Promise<FormState>;
  participant?: Participant;
  institution?: { id: string; name: string } | null;
  projects?: Option[];
  cancelHref: string;
};

const watched = ["givenNames", "familyNames", "email", "phone"] as const;

export function ParticipantForm({ action, participant, institution, projects, cancelHref }: Props) {
  const t = useTranslations("participants");
  const tLanguage = useTranslations("language");
  const [state, formAction] = useActionState(action, idleForm);
  const value = (field: keyof Participant) => state.values?.[field] ?? (participant ? String(participant[field] ?? "") : "");
  const error = (field: string) => state.fieldErrors?.[field];
  const [typed, setTyped] = useState<Record<string, string>>(() => Object.fromEntries(watched.map((f) => [f, value(f)])));
  const track = (field: (typeof watched)[number]) => (e: { target: { value: string } }) => setTyped((old) => ({ ...old, [field]: e.target.value }));
  const none = (label: string) => [{ value: "", label }];
  return (
    <form action={formAction} className="flex max-w-2xl flex-col gap-4" noValidate>
      <FormMessage state={state} />
      {participant ? (
        <>
          <input type="hidden" name="participantId" value={participant.id} />
          <input type="hidden" name="version" value={participant.version} />
        </>
      ) : (
        <SelectField name="projectId" label={t("project")} defaultValue={state.values?.projectId} options={projects ?? []} error={error("projectId")} />
      )}
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField name="givenNames" label={t("givenNames")} defaultValue={value("givenNames")} onChange={track("givenNames")} error={error("givenNames")} autoComplete="off" />
        <TextField
          name="familyNames"
          label={t("familyNames")}
          defaultValue={value("familyNames")}
          onChange={track("familyNames")}
          error={error("familyNames")}
          autoComplete="off"
        />
      </div>
      <DuplicateWarning fields={{ ...typed, ...(participant ? { excludeId: participant.id } : {}) }} />
      <SelectField
        name="sex"
        label={t("sex")}
        defaultValue={value("sex") || "not_stated"}
        error={error("sex")}
        options={participantSexes.map((s) => ({ value: s, label: t(`sexes.${s}`) }))}
      />
      <InstitutionPicker name="institutionId" label={t("institution")} initial={institution ?? null} error={error("institutionId")} allowNone />
      <TextField name="position" label={t("position")} defaultValue={value("position")} error={error("position")} />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField name="email" type="email" label={t("email")} defaultValue={value("email")} onChange={track("email")} error={error("email")} autoComplete="off" />
        <TextField name="phone" type="tel" label={t("phone")} defaultValue={value("phone")} onChange={track("phone")} error={error("phone")} autoComplete="off" />
      </div>
      <SelectField
        name="preferredLanguage"
        label={t("preferredLanguage")}
        defaultValue={value("preferredLanguage")}
        error={error("preferredLanguage")}
        options={[...none(t("notKnown")), ...locales.map((l) => ({ value: l, label: tLanguage(l) }))]}
      />
      <fieldset className="grid gap-4 rounded-md border border-slate-200 p-3 sm:grid-cols-2">
        <legend className="px-1 text-sm font-medium">{t("consent")}</legend>
        <DateField name="consentDate" label={t("consentDate")} defaultValue={value("consentDate")} error={error("consentDate")} />
        <SelectField
          name="consentForm"
          label={t("consentForm")}
          defaultValue={value("consentForm")}
          error={error("consentForm")}
          options={[...none(t("noConsent")), ...consentForms.map((f) => ({ value: f, label: t(`consentForms.${f}`) }))]}
        />
      </fieldset>
      <FormActions cancelHref={cancelHref} />
    </form>
  );
}
