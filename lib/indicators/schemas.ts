import { z } from "zod";
import { disaggregations, indicatorFrequencies, indicatorUnits, type Disaggregation, type IndicatorUnit } from "@/db/schema/values";
import { idList } from "@/lib/id-list";
import { endDateRule, endNotBeforeStart } from "@/lib/validation";
import { calculationInput, calculationOf } from "./calculations/catalogue";
import { isGroupOf } from "./groups";
import { blankToNull, narrativeInput, nullableDate, optionalNarrativeInput } from "@/lib/zod-fields";

const figure = z.preprocess(blankToNull, z.coerce.number().min(0).max(1_000_000_000).nullable().default(null));
const shortText = (max: number) => z.string().trim().max(max).default("");
// Forms send a comma-separated line of choices; the API may send a list.
const disaggregationList = z.preprocess((v) => (typeof v === "string" ? v.split(",").filter(Boolean) : v), z.array(z.enum(disaggregations)).max(disaggregations.length));

const indicatorFields = z.object({
  projectId: z.uuid(),
  resultId: z.uuid(),
  code: z
    .string()
    .trim()
    .min(1)
    .max(20)
    .regex(/^[A-Za-z0-9][A-Za-z0-9.-]*$/),
  statement: narrativeInput(500),
  definition: optionalNarrativeInput(5000),
  unit: z.enum(indicatorUnits),
  disaggregations: disaggregationList.default([]),
  dataSources: shortText(2000),
  collectionMethods: shortText(2000),
  frequency: z.enum(indicatorFrequencies).default("annual"),
  responsibility: shortText(500),
  dataQualityNotes: shortText(5000),
  baselineValue: figure,
  baselineDate: nullableDate,
  baselineNote: shortText(2000),
  endTarget: figure,
  /** How actuals are computed from the records; none when they are reported. */
  calculation: z.preprocess((v) => (v === "" || v === undefined ? null : v), calculationInput.nullable()).default(null),
  /** Per reporting period of the project, a target for everyone and optionally one per group (`sex:woman`); a period left out has none. */
  targets: z
    .array(z.object({ periodId: z.uuid(), group: z.string().trim().max(60).default(""), value: z.coerce.number().min(0).max(1_000_000_000) }))
    .max(500)
    .default([]),
  evidence: z
    .object({ findingIds: idList(50).default([]), workshopIds: idList(50).default([]), sourceIds: idList(50).default([]) })
    .default({ findingIds: [], workshopIds: [], sourceIds: [] }),
});

/** The largest figure a unit allows: a percentage is at most 100, yes or no is 1 or 0. */
const ceiling: Partial<Record<IndicatorUnit, number>> = { percentage: 100, yes_no: 1 };

type Figures = {
  unit: IndicatorUnit;
  calculation: z.output<typeof calculationInput> | null;
  disaggregations: Disaggregation[];
  baselineValue: number | null;
  endTarget: number | null;
  targets: { periodId: string; group: string; value: number }[];
};

/** Where a target's refusal shows: beside the box of its period, and of its group when it has one. */
const targetPath = (t: { periodId: string; group: string }) => ["targets", t.group ? `${t.periodId}.${t.group}` : t.periodId];

/** Refuses, beside each field, a figure its unit does not allow, a group the indicator is not broken down by, a target given twice. */
function checkFigures(v: Figures, ctx: z.RefinementCtx) {
  const max = ceiling[v.unit];
  const allowed = (n: number) => (max === undefined || n <= max) && (v.unit !== "yes_no" || Number.isInteger(n));
  const key = v.unit === "yes_no" ? "yesNoFigure" : "percentAbove100";
  if (v.baselineValue !== null && !allowed(v.baselineValue)) ctx.addIssue({ code: "custom", message: key, path: ["baselineValue"] });
  if (v.endTarget !== null && !allowed(v.endTarget)) ctx.addIssue({ code: "custom", message: key, path: ["endTarget"] });
  for (const t of v.targets) {
    if (!allowed(t.value)) ctx.addIssue({ code: "custom", message: key, path: targetPath(t) });
    if (!isGroupOf(t.group, v.disaggregations)) ctx.addIssue({ code: "custom", message: "notDisaggregated", path: targetPath(t) });
  }
  const computedUnit = v.calculation && calculationOf(v.calculation).unitOf(v.calculation);
  if (computedUnit && computedUnit !== v.unit) {
    ctx.addIssue({ code: "custom", message: computedUnit === "percentage" ? "calculationGivesPercentage" : "calculationGivesNumber", path: ["unit"] });
  }
  if (new Set(v.targets.map((t) => `${t.periodId}|${t.group}`)).size !== v.targets.length) ctx.addIssue({ code: "custom", message: "invalid", path: ["targets"] });
}

export const createIndicatorInput = indicatorFields.superRefine(checkFigures);
export type CreateIndicatorInput = z.input<typeof createIndicatorInput>;

export const updateIndicatorInput = indicatorFields.extend({ indicatorId: z.uuid(), version: z.coerce.number().int().min(1) }).superRefine(checkFigures);
export type UpdateIndicatorInput = z.input<typeof updateIndicatorInput>;

export const indicatorIdInput = z.object({ projectId: z.uuid(), indicatorId: z.uuid() });

export const listIndicatorsInput = z.object({ projectId: z.uuid(), resultId: z.preprocess(blankToNull, z.uuid().nullable().default(null)) });

export const createPeriodInput = z
  .object({ projectId: z.uuid(), name: z.string().trim().min(1).max(100), startDate: z.iso.date(), endDate: z.iso.date() })
  .refine(endNotBeforeStart, endDateRule);
export type CreatePeriodInput = z.input<typeof createPeriodInput>;

export const periodIdInput = z.object({ projectId: z.uuid(), periodId: z.uuid() });
