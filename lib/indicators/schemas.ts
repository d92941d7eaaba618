import { z } from "zod";
import { disaggregations, indicatorFrequencies, indicatorUnits, type Disaggregation, type IndicatorUnit } from "@/db/schema/values";
import { idList } from "@/lib/id-list";
import { maxSourceBytes, uploadedFile } from "@/lib/studies/schemas";
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

/** Why a figure does not fit its unit (a percentage above 100, a yes or no other than 1 or 0), or null when it fits. */
export function unitRefusal(unit: IndicatorUnit, n: number): "percentAbove100" | "yesNoFigure" | null {
  if (unit === "yes_no") return n === 0 || n === 1 ? null : "yesNoFigure";
  return unit === "percentage" && n > 100 ? "percentAbove100" : null;
}

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
  const refuse = (n: number | null, path: string[]) => {
    const key = n === null ? null : unitRefusal(v.unit, n);
    if (key) ctx.addIssue({ code: "custom", message: key, path });
  };
  refuse(v.baselineValue, ["baselineValue"]);
  refuse(v.endTarget, ["endTarget"]);
  for (const t of v.targets) {
    refuse(t.value, targetPath(t));
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

const amount = z.coerce.number().min(0).max(1_000_000_000);

/** A value reported for one period: the figure, per group if broken down, a comment and evidence (a link, a file or both). */
export const submitValueInput = indicatorIdInput
  .extend({
    periodId: z.uuid(),
    value: amount,
    groups: z
      .array(z.object({ group: z.string().trim().min(1).max(60), value: amount }))
      .max(100)
      .default([]),
    comment: shortText(2000),
    evidenceUrl: z.preprocess(
      blankToNull,
      z
        .url({ protocol: /^https?$/ })
        .max(2000)
        .nullable()
        .default(null),
    ),
    file: uploadedFile.nullable().default(null),
  })
  .refine((v) => !v.file || v.file.data.byteLength <= maxSourceBytes, { message: "sourceTooLarge", path: ["file"] })
  .refine((v) => !v.file || v.file.data.byteLength > 0, { message: "emptyUpload", path: ["file"] })
  .refine((v) => new Set(v.groups.map((g) => g.group)).size === v.groups.length, { message: "invalid", path: ["groups"] });
export type SubmitValueInput = z.input<typeof submitValueInput>;

export const valueIdInput = indicatorIdInput.extend({ valueId: z.uuid() });

/** A manager's decision on a reported value: approve it, or send it back saying why. */
export const reviewValueInput = valueIdInput
  .extend({ decision: z.enum(["approve", "send_back"]), comment: shortText(2000), version: z.coerce.number().int().min(1) })
  .refine((v) => v.decision === "approve" || v.comment !== "", { message: "sendBackComment", path: ["comment"] });
export type ReviewValueInput = z.input<typeof reviewValueInput>;
