"use client";

import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { InstitutionPicker } from "@/components/institutions/institution-picker";
import { DuplicateWarning } from "@/components/participants/duplicate-warning";
import { Button } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import { consentForms, institutionSectors, locales, participantSexes, type InstitutionSector, type ParticipantSex } from "@/db/schema/values";
import { apiFetch, type ApiError } from "@/lib/http/api-fetch";
import type { createInstitution as createInstitutionUseCase } from "@/lib/institutions/use-cases";
import type { PersonSummary } from "@/lib/offline/outbox";
import { fetchInSession } from "@/lib/offline/session-end";

type Institution = { id: string; name: string; acronym: string; sector: InstitutionSector };

/** A person to add: their fields for the server, and how the device shows them meanwhile. */
export type NewParticipant = { id: string; participant: Record<string, unknown>; person: PersonSummary };
type Existing = { id: string; givenNames: string; familyNames: string; sex: ParticipantSex; institutionName: string | null; sector: InstitutionSector | null };

type Props = {
  projectCountry: string;
  /** The check-in day, which is also the day consent is recorded. */
  day: string;
  initialName: string;
  /** The institutions stored with the roster: searched on the device, so the form works offline. */
  institutions: Institution[];
  /** Adding an institution on the spot needs the server. */
  online: boolean;
  onCreated: (person: NewParticipant) => void;
  onChooseExisting: (person: Existing) => void;
  onCancel: () => void;
};

/**
 * The short form for someone not yet on file: name, sex, institution (added on the spot if new and
 * online), position, consent, and contact details folded away (most people are added without them).
 * The person goes into the outbox under an id the device gives them, so a resent outbox cannot
 * create them twice; the server checks every field again on arrival. Contact details travel only
 * in the sealed change, never in the summary the device shows and keeps with the roster.
 */
export function NewParticipantForm({ projectCountry, day, initialName, institutions, online, onCreated, onChooseExisting, onCancel }: Props) {
  const t = useTranslations("checkIn");
  const to = useTranslations("offline");
  const tp = useTranslations("participants");
  const ti = useTranslations("institutions");
  const tv = useTranslations("validation");
  const tl = useTranslations("language");
  const [names, setNames] = useState({ givenNames: initialName, familyNames: "" });
  const [institution, setInstitution] = useState<Institution | null>(null);
  const [addingInstitution, setAddingInstitution] = useState(false);
  const [error, setError] = useState<Partial<ApiError> | null>(null);

  const createInstitution = async (form: HTMLFormElement) => {
    const data = new FormData(form);
    const sector = String(data.get("newInstitutionSector")) as InstitutionSector;
    const result = await apiFetch<typeof createInstitutionUseCase>("POST /institutions", {
      body: { name: String(data.get("newInstitutionName") ?? ""), country: projectCountry, sector, kind: "other", level: "national" },
      send: fetchInSession,
    });
    if (!result.ok) return setError(result.error);
    setError(null);
    setInstitution({ id: result.data.id, name: result.data.name, acronym: result.data.acronym, sector });
    setAddingInstitution(false);
  };

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (addingInstitution) return void createInstitution(event.currentTarget);
    const data = new FormData(event.currentTarget);
    const givenNames = names.givenNames.trim();
    const familyNames = names.familyNames.trim();
    if (!givenNames && !familyNames) return setError({ fieldErrors: { familyNames: tv("nameRequired") } });
    const consentForm = String(data.get("consentForm") ?? "");
    const institutionId = String(data.get("institutionId") ?? "");
    const chosen = institutionId ? (institutions.find((i) => i.id === institutionId) ?? (institution?.id === institutionId ? institution : null)) : null;
    const sex = String(data.get("sex") ?? "not_stated") as ParticipantSex;
    onCreated({
      id: crypto.randomUUID(),
      participant: {
        givenNames,
        familyNames,
        sex,
        institutionId: institutionId || null,
        position: data.get("position"),
        email: data.get("email"),
        phone: data.get("phone"),
        preferredLanguage: data.get("preferredLanguage"),
        consentForm: consentForm || null,
        consentDate: consentForm ? day : null,
      },
      person: { givenNames, familyNames, sex, institutionName: chosen?.name ?? null, sector: chosen?.sector ?? null },
    });
  };

  return (
    <form onSubmit={submit} className="flex flex-col gap-3 rounded-lg border border-slate-300 bg-white p-3" noValidate aria-labelledby="new-participant-title">
      <h2 id="new-participant-title" className="text-lg font-semibold">
        {t("addNew")}
      </h2>
      {error?.message && (
        <p role="alert" className="text-sm text-red-800">
          {error.message}
        </p>
      )}
      <div className="grid gap-3 sm:grid-cols-2">
        <TextField
          name="givenNames"
          label={tp("givenNames")}
          value={names.givenNames}
          onChange={(e) => setNames({ ...names, givenNames: e.target.value })}
          error={error?.fieldErrors?.givenNames}
          autoComplete="off"
        />
        <TextField
          name="familyNames"
          label={tp("familyNames")}
          value={names.familyNames}
          onChange={(e) => setNames({ ...names, familyNames: e.target.value })}
          error={error?.fieldErrors?.familyNames}
          autoComplete="off"
        />
      </div>
      <DuplicateWarning
        fields={names}
        candidateAction={(c) => (
          <Button
            variant="secondary"
            className="ml-2"
            onClick={() => onChooseExisting({ id: c.id, givenNames: c.givenNames, familyNames: c.familyNames, sex: "not_stated", institutionName: null, sector: null })}
          >
            {t("thisPerson")}
          </Button>
        )}
      />
      <SelectField name="sex" label={tp("sex")} defaultValue="not_stated" options={participantSexes.map((s) => ({ value: s, label: tp(`sexes.${s}`) }))} />
      <InstitutionPicker
        key={institution?.id ?? "none"}
        name="institutionId"
        label={tp("institution")}
        initial={institution}
        choices={institutions}
        allowNone
        error={error?.fieldErrors?.institutionId}
      />
      {addingInstitution ? (
        <div className="grid gap-3 rounded-md border border-slate-200 p-2 sm:grid-cols-2">
          <TextField name="newInstitutionName" label={t("newInstitutionName")} error={error?.fieldErrors?.name} />
          <SelectField name="newInstitutionSector" label={t("newInstitutionSector")} options={institutionSectors.map((s) => ({ value: s, label: ti(`sectors.${s}`) }))} />
          <div className="flex gap-2 sm:col-span-2">
            <Button type="submit" variant="secondary">
              {t("createInstitution")}
            </Button>
            <Button variant="ghost" onClick={() => setAddingInstitution(false)}>
              {t("cancel")}
            </Button>
          </div>
        </div>
      ) : online ? (
        <Button variant="ghost" className="self-start" onClick={() => setAddingInstitution(true)}>
          {t("newInstitution")}
        </Button>
      ) : (
        <p className="text-sm text-slate-700">{to("needsConnection")}</p>
      )}
      <TextField name="position" label={tp("position")} error={error?.fieldErrors?.position} />
      <details className="rounded-md border border-slate-200 p-2">
        <summary className="cursor-pointer text-sm font-medium text-slate-800">{t("contactDetails")}</summary>
        <div className="mt-2 grid gap-3 sm:grid-cols-2">
          <TextField name="email" type="email" inputMode="email" label={tp("email")} autoComplete="off" />
          <TextField name="phone" type="tel" label={tp("phone")} autoComplete="off" />
          <SelectField
            name="preferredLanguage"
            label={tp("preferredLanguage")}
            defaultValue=""
            options={[{ value: "", label: tp("notKnown") }, ...locales.map((l) => ({ value: l, label: tl(l) }))]}
          />
        </div>
      </details>
      <SelectField
        name="consentForm"
        label={t("consentToday")}
        defaultValue=""
        options={[{ value: "", label: t("noConsentYet") }, ...consentForms.map((f) => ({ value: f, label: tp(`consentForms.${f}`) }))]}
      />
      <div className="flex gap-2">
        <Button type="submit" disabled={addingInstitution}>
          {t("addAndCheckIn")}
        </Button>
        <Button variant="ghost" onClick={onCancel}>
          {t("cancel")}
        </Button>
      </div>
    </form>
  );
}
