"use client";

import { useTranslations } from "next-intl";
import { useActionState, useEffect, useState } from "react";
import { TranslatedFields } from "@/components/translated-fields";
import { DateField } from "@/components/ui/date-field";
import { CheckboxField, SelectField, TextAreaField, TextField, type Option } from "@/components/ui/field";
import { FormActions } from "@/components/ui/form-actions";
import { FormMessage } from "@/components/ui/form-message";
import type { Indicator } from "@/db/schema";
import { disaggregations, indicatorFrequencies, indicatorUnits, type Disaggregation } from "@/db/schema/values";
import { idleForm, type FormState } from "@/lib/forms";
import { groupOf, groupValues } from "@/lib/indicators/groups";
import { CalculationFields, type CalculationOptions } from "./calculation-fields";

type Props = {
  action: (prev: FormState, formData: FormData) => Promise<FormState>;
  projectId: string;
  /** The indicator edited; none for a new one. */
  indicator?: Indicator;
  resultId: string;
  /** The results it may measure, labelled "code — statement". */
  results: Option[];
  /** Each period with its target for everyone and, by group (`sex:woman`), those set per group. */
  periods: { id: string; name: string; target: number | null; groups: Record<string, number> }[];
  evidence: { findings: Option[]; workshops: Option[]; sources: Option[] };
  chosenEvidence: { findingIds: string[]; workshopIds: string[]; sourceIds: string[] };
  calculation: { parameters: Record<string, string[]>; options: CalculationOptions };
  cancelHref: string;
};

/** An indicator of the PMF: what it measures and how, its baseline and where it comes from, its targets. */
export function IndicatorForm({ action, projectId, indicator, resultId, results, periods, evidence, chosenEvidence, calculation, cancelHref }: Props) {
  const t = useTranslations("indicators");
  const tParticipants = useTranslations("participants");
  const tInstitutions = useTranslations("institutions");
  const [state, formAction] = useActionState(action, idleForm);
  const chosen = (field: string, fallback: string[]) => (state.values ? (state.values[field] ?? "").split(",") : fallback);
  // Ticking a disaggregation offers a target box per group of it, for each period. The boxes are
  // uncontrolled, as the form is reset after each answer: a refused form ticks again what was sent,
  // and the groups follow it.
  const ticked = chosen("disaggregations", indicator?.disaggregations ?? []);
  const [brokenDownBy, setBrokenDownBy] = useState<string[]>(ticked);
  // biome-ignore lint/correctness/useExhaustiveDependencies: only an answer of the server resets the choice.
  useEffect(() => setBrokenDownBy(ticked), [state]);
  const groupName = (d: Exclude<Disaggregation, "country">, value: string) =>
    d === "sex" ? tParticipants(`sexes.${value as "woman"}`) : d === "sector" ? tInstitutions(`sectors.${value as "state"}`) : tInstitutions(`kinds.${value as "ministry"}`);
  const groups = (Object.keys(groupValues) as Exclude<Disaggregation, "country">[])
    .filter((d) => brokenDownBy.includes(d))
    .flatMap((d) => groupValues[d].map((v) => ({ key: groupOf(d, v), label: t("groupLabel", { disaggregation: t(`disaggregationNames.${d}`), group: groupName(d, v) }) })));
  const error = (field: string) => state.fieldErrors?.[field];
  const value = (field: keyof Indicator) => state.values?.[field] ?? (indicator && indicator[field] !== null ? String(indicator[field]) : "");
  const checkboxes = (field: "findingIds" | "workshopIds" | "sourceIds", legend: string, options: Option[]) =>
    options.length > 0 && (
      <fieldset className="flex flex-col gap-1">
        <legend className="text-sm font-medium text-slate-800">{legend}</legend>
        {options.map((o) => (
          <CheckboxField
            key={o.value}
            id={`${field}-${o.value}`}
            name={field}
            value={o.value}
            label={o.label}
            defaultChecked={chosen(field, chosenEvidence[field]).includes(o.value)}
          />
        ))}
        {error(`evidence.${field}`) && <p className="text-sm text-red-800">{error(`evidence.${field}`)}</p>}
      </fieldset>
    );
  return (
    <form action={formAction} className="flex max-w-3xl flex-col gap-4" noValidate>
      <FormMessage state={state} />
      <input type="hidden" name="projectId" value={projectId} />
      {indicator && (
        <>
          <input type="hidden" name="indicatorId" value={indicator.id} />
          <input type="hidden" name="version" value={indicator.version} />
        </>
      )}
      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField name="resultId" label={t("result")} defaultValue={state.values?.resultId ?? resultId} options={results} error={error("resultId")} className="sm:col-span-2" />
        <TextField name="code" label={t("code")} hint={t("codeHint")} required defaultValue={value("code")} error={error("code")} />
        <SelectField
          name="unit"
          label={t("unit")}
          defaultValue={value("unit") || "number"}
          options={indicatorUnits.map((u) => ({ value: u, label: t(`units.${u}`) }))}
          error={error("unit")}
        />
      </div>
      <TranslatedFields
        fields={[
          { name: "statement", label: t("statement"), multiline: true },
          { name: "definition", label: t("definition"), multiline: true },
        ]}
        stored={indicator && { statement: indicator.statement, definition: indicator.definition }}
        typed={state.values}
        errors={state.fieldErrors}
      />
      <CalculationFields
        parameters={calculation.parameters}
        options={calculation.options}
        stored={indicator?.calculation ?? null}
        typed={state.values}
        errors={state.fieldErrors}
        answer={state}
      />
      <fieldset className="flex flex-col gap-1">
        <legend className="text-sm font-medium text-slate-800">{t("disaggregations")}</legend>
        {disaggregations.map((d) => (
          <CheckboxField
            key={d}
            id={`disaggregation-${d}`}
            name="disaggregations"
            value={d}
            label={t(`disaggregationNames.${d}`)}
            defaultChecked={ticked.includes(d)}
            onChange={(e) => setBrokenDownBy((now) => (e.target.checked ? [...now, d] : now.filter((x) => x !== d)))}
          />
        ))}
      </fieldset>
      <div className="grid gap-4 sm:grid-cols-2">
        <TextAreaField name="dataSources" label={t("dataSources")} rows={2} defaultValue={value("dataSources")} error={error("dataSources")} />
        <TextAreaField name="collectionMethods" label={t("collectionMethods")} rows={2} defaultValue={value("collectionMethods")} error={error("collectionMethods")} />
        <SelectField
          name="frequency"
          label={t("frequency")}
          defaultValue={value("frequency") || "annual"}
          options={indicatorFrequencies.map((f) => ({ value: f, label: t(`frequencies.${f}`) }))}
        />
        <TextField name="responsibility" label={t("responsibility")} defaultValue={value("responsibility")} error={error("responsibility")} />
      </div>
      <TextAreaField name="dataQualityNotes" label={t("dataQualityNotes")} rows={2} defaultValue={value("dataQualityNotes")} error={error("dataQualityNotes")} />

      <fieldset className="flex flex-col gap-3 rounded-md border border-slate-200 p-3">
        <legend className="px-1 text-sm font-medium text-slate-800">{t("baseline")}</legend>
        <div className="grid gap-4 sm:grid-cols-2">
          <TextField name="baselineValue" type="number" step="any" min={0} label={t("baselineValue")} defaultValue={value("baselineValue")} error={error("baselineValue")} />
          <DateField name="baselineDate" label={t("baselineDate")} defaultValue={value("baselineDate")} error={error("baselineDate")} />
        </div>
        <TextAreaField name="baselineNote" label={t("baselineNote")} rows={2} defaultValue={value("baselineNote")} error={error("baselineNote")} />
        {checkboxes("findingIds", t("evidenceFindings"), evidence.findings)}
        {checkboxes("workshopIds", t("evidenceWorkshops"), evidence.workshops)}
        {checkboxes("sourceIds", t("evidenceSources"), evidence.sources)}
      </fieldset>

      <fieldset className="flex flex-col gap-3 rounded-md border border-slate-200 p-3">
        <legend className="px-1 text-sm font-medium text-slate-800">{t("targets")}</legend>
        {periods.length === 0 && <p className="text-sm text-slate-700">{t("noPeriods")}</p>}
        <div className="grid gap-4 sm:grid-cols-2">
          {periods.flatMap((p) => [
            <TextField
              key={p.id}
              name={`target.${p.id}`}
              type="number"
              step="any"
              min={0}
              label={t("targetFor", { period: p.name })}
              defaultValue={state.values?.[`target.${p.id}`] ?? (p.target === null ? "" : String(p.target))}
              error={error(`targets.${p.id}`)}
            />,
            ...groups.map((g) => (
              <TextField
                key={`${p.id}.${g.key}`}
                name={`target.${p.id}.${g.key}`}
                type="number"
                step="any"
                min={0}
                label={t("targetForGroup", { group: g.label, period: p.name })}
                defaultValue={state.values?.[`target.${p.id}.${g.key}`] ?? (p.groups[g.key] === undefined ? "" : String(p.groups[g.key]))}
                error={error(`targets.${p.id}.${g.key}`)}
              />
            )),
          ])}
          <TextField name="endTarget" type="number" step="any" min={0} label={t("endTarget")} defaultValue={value("endTarget")} error={error("endTarget")} />
        </div>
        {error("targets") && <p className="text-sm text-red-800">{error("targets")}</p>}
      </fieldset>
      <FormActions cancelHref={cancelHref} />
    </form>
  );
}
