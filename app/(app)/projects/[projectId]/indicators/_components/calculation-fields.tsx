"use client";

import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { CheckboxField, SelectField, TextField, type Option } from "@/components/ui/field";
import { institutionKinds, institutionLevels, institutionSectors, workshopTypes } from "@/db/schema/values";

/** What the calculation boxes offer: the project's outputs, the coordination bodies, its evaluations' statements and respondent groups. */
export type CalculationOptions = { outputs: Option[]; bodies: Option[]; statements: Option[]; groups: Option[] };

type Props = {
  /** Each calculation's parameters, by its kind (from the catalogue, on the server). */
  parameters: Record<string, string[]>;
  options: CalculationOptions;
  stored: Record<string, unknown> | null;
  typed: Record<string, string> | undefined;
  errors: Record<string, string> | undefined;
  /** Each answer of the server resets the form; the choice follows what was sent. */
  answer: unknown;
};

/** How an indicator's actuals come: reported by staff, or computed by one of the catalogue's calculations with its parameters. */
export function CalculationFields({ parameters, options, stored, typed, errors, answer }: Props) {
  const t = useTranslations("calculations");
  const tWorkshops = useTranslations("workshops");
  const tInstitutions = useTranslations("institutions");
  const sentKind = typed ? (typed["calculation.kind"] ?? "") : String(stored?.kind ?? "");
  const [kind, setKind] = useState(sentKind);
  // biome-ignore lint/correctness/useExhaustiveDependencies: only an answer of the server resets the choice.
  useEffect(() => setKind(sentKind), [answer]);
  const value = (param: string) => typed?.[`calculation.${param}`] ?? (stored && stored[param] !== null && stored[param] !== undefined ? String(stored[param]) : "");
  const any = (label: string) => ({ value: "", label });
  const select = (param: string, choices: Option[], anyLabel = t("any")) => (
    <SelectField
      key={`${kind}.${param}`}
      name={`calculation.${param}`}
      label={t(`parameters.${param as "workshopType"}`)}
      defaultValue={value(param)}
      options={[any(anyLabel), ...choices]}
      error={errors?.[`calculation.${param}`]}
    />
  );
  const checkbox = (param: "cumulative" | "fullDaysOnly") => (
    <CheckboxField
      key={`${kind}.${param}`}
      id={`calculation-${param}`}
      name={`calculation.${param}`}
      label={t(`parameters.${param}`)}
      defaultChecked={value(param) === "true" || value(param) === "on"}
    />
  );
  const fields: Record<string, () => React.ReactNode> = {
    workshopType: () =>
      select(
        "workshopType",
        workshopTypes.map((v) => ({ value: v, label: tWorkshops(`types.${v}`) })),
      ),
    outputId: () => select("outputId", options.outputs),
    sector: () =>
      select(
        "sector",
        institutionSectors.map((v) => ({ value: v, label: tInstitutions(`sectors.${v}`) })),
      ),
    institutionKind: () =>
      select(
        "institutionKind",
        institutionKinds.map((v) => ({ value: v, label: tInstitutions(`kinds.${v}`) })),
      ),
    level: () =>
      select(
        "level",
        institutionLevels.map((v) => ({ value: v, label: tInstitutions(`levels.${v}`) })),
      ),
    bodyId: () => select("bodyId", options.bodies),
    minDays: () => (
      <TextField
        key={`${kind}.minDays`}
        name="calculation.minDays"
        type="number"
        min={1}
        label={t("parameters.minDays")}
        defaultValue={value("minDays") || "1"}
        error={errors?.["calculation.minDays"]}
      />
    ),
    minScore: () => (
      <TextField
        key={`${kind}.minScore`}
        name="calculation.minScore"
        type="number"
        min={1}
        max={100}
        label={t("parameters.minScore")}
        defaultValue={value("minScore") || "70"}
        error={errors?.["calculation.minScore"]}
      />
    ),
    statementId: () => (
      <SelectField
        key={`${kind}.statementId`}
        name="calculation.statementId"
        label={t("parameters.statementId")}
        defaultValue={value("statementId")}
        options={options.statements}
        error={errors?.["calculation.statementId"]}
      />
    ),
    groupId: () => select("groupId", options.groups, t("everyone")),
    measure: () => (
      <SelectField
        key={`${kind}.measure`}
        name="calculation.measure"
        label={t("parameters.measure")}
        defaultValue={value("measure") || "done"}
        options={(["done", "done_on_time"] as const).map((v) => ({ value: v, label: t(`measures.${v}`) }))}
      />
    ),
    as: () => (
      <SelectField
        key={`${kind}.as`}
        name="calculation.as"
        label={t("parameters.as")}
        defaultValue={value("as") || "count"}
        options={(["count", "share"] as const).map((v) => ({ value: v, label: t(`as.${v}`) }))}
      />
    ),
    fullDaysOnly: () => checkbox("fullDaysOnly"),
    cumulative: () => checkbox("cumulative"),
  };
  return (
    <fieldset className="flex flex-col gap-3 rounded-md border border-slate-200 p-3">
      <legend className="px-1 text-sm font-medium text-slate-800">{t("legend")}</legend>
      <SelectField
        name="calculation.kind"
        label={t("how")}
        value={kind}
        onChange={(e) => setKind(e.target.value)}
        options={[{ value: "", label: t("reported") }, ...Object.keys(parameters).map((k) => ({ value: k, label: t(`kinds.${k as "attendances"}`) }))]}
        error={errors?.["calculation.kind"]}
      />
      {kind && <div className="grid gap-4 sm:grid-cols-2">{(parameters[kind] ?? []).map((param) => fields[param]?.())}</div>}
    </fieldset>
  );
}
