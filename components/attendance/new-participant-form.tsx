"use client";

import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { InstitutionPicker } from "@/components/institutions/institution-picker";
import { DuplicateWarning } from "@/components/participants/duplicate-warning";
import { Button } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import { consentForms, institutionSectors, participantSexes } from "@/db/schema/values";

type Created = { id: string; givenNames: string; familyNames: string; sex: string; institutionName: string | null };
type ApiError = { message?: string; fieldErrors?: Record<string, string> };

type Props = {
  projectId: string;
  projectCountry: string;
  /** The check-in day, which is also the day consent is recorded. */
  day: string;
  initialName: string;
  onCreated: (person: Created) => void;
  onChooseExisting: (person: Created) => void;
  onCancel: () => void;
};

async function postJson<T>(url: string, body: unknown): Promise<{ ok: true; data: T } | { ok: false; error: ApiError }> {
  const response = await fetch(url, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });
  const json = (await response.json()) as T | ApiError;
  return response.ok ? { ok: true, data: json as T } : { ok: false, error: json as ApiError };
}

/** The short form for someone not yet on file: name, sex, institution (added on the spot if new), position, consent. */
export function NewParticipantForm({ projectId, projectCountry, day, initialName, onCreated, onChooseExisting, onCancel }: Props) {
  const t = useTranslations("checkIn");
  const tp = useTranslations("participants");
  const ti = useTranslations("institutions");
  const [names, setNames] = useState({ givenNames: initialName, familyNames: "" });
  const [institution, setInstitution] = useState<{ id: string; name: string } | null>(null);
  const [addingInstitution, setAddingInstitution] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  const createInstitution = async (form: HTMLFormElement) => {
    const data = new FormData(form);
    const name = String(data.get("newInstitutionName") ?? "");
    const result = await postJson<{ id: string; name: string }>("/api/v1/institutions", {
      name,
      country: projectCountry,
      sector: data.get("newInstitutionSector"),
      kind: "other",
      level: "national",
    });
    if (!result.ok) return setError(result.error);
    setError(null);
    setInstitution({ id: result.data.id, name: result.data.name });
    setAddingInstitution(false);
  };

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (addingInstitution) return createInstitution(event.currentTarget);
    const data = new FormData(event.currentTarget);
    const consentForm = String(data.get("consentForm") ?? "");
    setBusy(true);
    const result = await postJson<{ id: string; givenNames: string; familyNames: string; sex: string }>("/api/v1/participants", {
      // The device names the person, so a retried submission cannot create them twice.
      id: crypto.randomUUID(),
      projectId,
      givenNames: names.givenNames,
      familyNames: names.familyNames,
      sex: data.get("sex"),
      institutionId: data.get("institutionId") ?? null,
      position: data.get("position"),
      consentForm: consentForm || null,
      consentDate: consentForm ? day : null,
    });
    setBusy(false);
    if (!result.ok) return setError(result.error);
    const chosen = String(data.get("institutionId") ?? "");
    onCreated({ ...result.data, institutionName: chosen && institution?.id === chosen ? institution.name : null });
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
          <Button variant="secondary" className="ml-2" onClick={() => onChooseExisting({ id: c.id, givenNames: c.givenNames, familyNames: c.familyNames, sex: "not_stated", institutionName: null })}>
            {t("thisPerson")}
          </Button>
        )}
      />
      <SelectField name="sex" label={tp("sex")} defaultValue="not_stated" options={participantSexes.map((s) => ({ value: s, label: tp(`sexes.${s}`) }))} />
      <InstitutionPicker key={institution?.id ?? "none"} name="institutionId" label={tp("institution")} initial={institution} allowNone error={error?.fieldErrors?.institutionId} />
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
      ) : (
        <Button variant="ghost" className="self-start" onClick={() => setAddingInstitution(true)}>
          {t("newInstitution")}
        </Button>
      )}
      <TextField name="position" label={tp("position")} error={error?.fieldErrors?.position} />
      <SelectField
        name="consentForm"
        label={t("consentToday")}
        defaultValue=""
        options={[{ value: "", label: t("noConsentYet") }, ...consentForms.map((f) => ({ value: f, label: tp(`consentForms.${f}`) }))]}
      />
      <div className="flex gap-2">
        <Button type="submit" disabled={busy || addingInstitution}>
          {t("addAndCheckIn")}
        </Button>
        <Button variant="ghost" onClick={onCancel}>
          {t("cancel")}
        </Button>
      </div>
    </form>
  );
}
