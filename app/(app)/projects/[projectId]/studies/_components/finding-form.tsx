"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { InstitutionMultiPicker } from "@/components/institutions/institution-multi-picker";
import { CheckboxField, SelectField, TextAreaField, TextField, type Option } from "@/components/ui/field";
import { FormActions } from "@/components/ui/form-actions";
import { FormMessage } from "@/components/ui/form-message";
import type { Finding } from "@/db/schema";
import { findingPriorities, findingStatuses, findingThemes, locales, type Locale } from "@/db/schema/values";
import { idleForm, type FormState } from "@/lib/forms";

type Chosen = { id: string; name: string };
export type FindingEvidence = { workshops: string[]; sourceIds: string[]; reportedBy: Chosen[]; concerned: Chosen[] };
type WorkshopOption = { id: string; title: string; days: Option[] };

type Props = {
  action: (prev: FormState, formData: FormData) => Promise<FormState>;
  projectId: string;
  studyId: string;
  finding?: Finding;
  evidence: FindingEvidence;
  ownThemes: Option[];
  workshops: WorkshopOption[];
  sources: Option[];
  /** The outcomes of the project's logic model, and the one the finding informs. */
  outcomes: Option[];
  outcomeId?: string;
  locale: Locale;
  cancelHref: string;
};

/** A finding: its text in one to three languages, theme, priority, status and evidence. */
export function FindingForm({ action, projectId, studyId, finding, evidence, ownThemes, workshops, sources, outcomes, outcomeId = "", locale, cancelHref }: Props) {
  const t = useTranslations("findings");
  const tModel = useTranslations("logicModel");
  const [state, formAction] = useActionState(action, idleForm);
  const error = (field: string) => state.fieldErrors?.[field];
  const typed = (field: string, fallback: string) => state.values?.[field] ?? fallback;
  const chosen = (field: string, fallback: string[]) => (state.values ? (state.values[field] ?? "").split(",") : fallback);
  const theme = finding ? (finding.projectThemeId ? `own:${finding.projectThemeId}` : (finding.theme ?? "")) : "";
  const original = typed("original", finding?.title.original ?? locale);
  return (
    <form action={formAction} className="flex max-w-3xl flex-col gap-4" noValidate>
      <FormMessage state={state} />
      <input type="hidden" name="projectId" value={projectId} />
      <input type="hidden" name="studyId" value={studyId} />
      {finding && (
        <>
          <input type="hidden" name="findingId" value={finding.id} />
          <input type="hidden" name="version" value={state.conflict?.version ?? finding.version} />
        </>
      )}
      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField
          name="theme"
          label={t("theme")}
          defaultValue={typed("theme", theme)}
          error={error("theme")}
          options={[{ value: "", label: "—" }, ...findingThemes.map((v) => ({ value: v, label: t(`themes.${v}`) })), ...ownThemes]}
        />
        <SelectField name="original" label={t("original")} defaultValue={original} options={locales.map((l) => ({ value: l, label: t(`languages.${l}`) }))} />
        <SelectField
          name="priority"
          label={t("priority")}
          defaultValue={typed("priority", finding?.priority ?? "medium")}
          options={findingPriorities.map((v) => ({ value: v, label: t(`priorities.${v}`) }))}
        />
        <SelectField
          name="status"
          label={t("status")}
          defaultValue={typed("status", finding?.status ?? "draft")}
          options={findingStatuses.map((v) => ({ value: v, label: t(`statuses.${v}`) }))}
        />
        <SelectField
          name="outcomeId"
          label={tModel("outcome")}
          defaultValue={typed("outcomeId", outcomeId)}
          error={error("outcomeId")}
          options={[{ value: "", label: tModel("noOutcome") }, ...outcomes]}
          className="sm:col-span-2"
        />
      </div>
      {locales.map((l) => (
        <fieldset key={l} className="flex flex-col gap-3 rounded-md border border-slate-200 p-3">
          <legend className="px-1 text-sm font-medium text-slate-800">{t("textIn", { language: t(`languages.${l}`) })}</legend>
          <TextField name={`title.${l}`} label={t("findingTitle")} lang={l} defaultValue={typed(`title.${l}`, finding?.title[l] ?? "")} error={error(`title.${l}`)} />
          <TextAreaField
            name={`description.${l}`}
            label={t("description")}
            lang={l}
            rows={5}
            hint={t("descriptionHint")}
            defaultValue={typed(`description.${l}`, finding?.description[l] ?? "")}
            error={error(`description.${l}`)}
          />
        </fieldset>
      ))}
      <fieldset className="flex flex-col gap-2">
        <legend className="text-sm font-medium text-slate-800">{t("workshops")}</legend>
        {workshops.length === 0 && <p className="text-sm text-slate-700">{t("noEvidence")}</p>}
        {workshops.map((w) => (
          <div key={w.id} className="flex flex-wrap gap-x-4 gap-y-1">
            <CheckboxField
              id={`w-${w.id}`}
              name="workshops"
              value={w.id}
              label={`${w.title} (${t("wholeWorkshop")})`}
              defaultChecked={chosen("workshops", evidence.workshops).includes(w.id)}
            />
            {w.days.map((d) => (
              <CheckboxField
                key={d.value}
                id={`w-${w.id}-${d.value}`}
                name="workshops"
                value={`${w.id}@${d.value}`}
                label={d.label}
                defaultChecked={chosen("workshops", evidence.workshops).includes(`${w.id}@${d.value}`)}
              />
            ))}
          </div>
        ))}
        {error("workshops") && <p className="text-sm text-red-800">{error("workshops")}</p>}
      </fieldset>
      {sources.length > 0 && (
        <fieldset className="flex flex-col gap-2">
          <legend className="text-sm font-medium text-slate-800">{t("sources")}</legend>
          {sources.map((s) => (
            <CheckboxField
              key={s.value}
              id={`s-${s.value}`}
              name="sourceIds"
              value={s.value}
              label={s.label}
              defaultChecked={chosen("sourceIds", evidence.sourceIds).includes(s.value)}
            />
          ))}
          {error("sourceIds") && <p className="text-sm text-red-800">{error("sourceIds")}</p>}
        </fieldset>
      )}
      {(["reportedBy", "concerned"] as const).map((role) => (
        <InstitutionMultiPicker
          key={role}
          name={role}
          label={role === "reportedBy" ? t("reportedBy") : t("concerns")}
          searchLabel={t("searchInstitution")}
          removeLabel={(name) => t("removeInstitution", { name })}
          emptyLabel={t("noInstitution")}
          initial={evidence[role]}
          error={error("institutions")}
        />
      ))}
      <FormActions cancelHref={cancelHref} />
    </form>
  );
}
