"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { CheckboxField, TextField, type Option } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { idleForm } from "@/lib/forms";
import { openRoundAction } from "../actions";

/** Chosen findings put to chosen partners of the project. */
export function OpenRoundForm({ projectId, studyId, findings, partners }: { projectId: string; studyId: string; findings: Option[]; partners: Option[] }) {
  const t = useTranslations("reviews");
  const [state, formAction] = useActionState(openRoundAction, idleForm);
  const error = (field: string) => state.fieldErrors?.[field];
  if (partners.length === 0) return <p className="text-sm text-slate-700">{t("noPartners")}</p>;
  if (findings.length === 0) return <p className="text-sm text-slate-700">{t("noFindings")}</p>;
  return (
    <form action={formAction} className="flex flex-col gap-3 rounded-md border border-slate-200 p-3" aria-label={t("open")} noValidate>
      <h3 className="font-medium">{t("open")}</h3>
      <FormMessage state={state} />
      <input type="hidden" name="projectId" value={projectId} />
      <input type="hidden" name="studyId" value={studyId} />
      <TextField name="title" label={t("roundTitle")} required error={error("title")} />
      <fieldset className="flex flex-col gap-1">
        <legend className="text-sm font-medium text-slate-800">{t("chooseFindings")}</legend>
        {findings.map((f) => (
          <CheckboxField key={f.value} id={`rf-${f.value}`} name="findingIds" value={f.value} label={f.label} />
        ))}
        {error("findingIds") && <p className="text-sm text-red-800">{error("findingIds")}</p>}
      </fieldset>
      <fieldset className="flex flex-col gap-1">
        <legend className="text-sm font-medium text-slate-800">{t("choosePartners")}</legend>
        {partners.map((p) => (
          <CheckboxField key={p.value} id={`rp-${p.value}`} name="partnerIds" value={p.value} label={p.label} />
        ))}
        {error("partnerIds") && <p className="text-sm text-red-800">{error("partnerIds")}</p>}
      </fieldset>
      <SubmitButton className="self-start">{t("open")}</SubmitButton>
    </form>
  );
}
