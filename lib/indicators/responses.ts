import { z } from "zod";
import { disaggregations, indicatorFrequencies, indicatorUnits, reportedValueStatuses } from "@/db/schema/values";
import { fileTypes } from "@/lib/http/declaration";
import { sourceFileTypes } from "@/lib/studies/schemas";
import { localizedText } from "@/lib/narrative";
import { linkedResultRow } from "@/lib/result-links/responses";

/** What each use case of this domain answers (its `http.response`): the API document shows it, the authorization matrix checks it. */

export const indicatorRow = z.object({
  id: z.string(),
  projectId: z.string(),
  resultId: z.string(),
  code: z.string(),
  statement: localizedText,
  definition: localizedText.nullable(),
  unit: z.enum(indicatorUnits),
  disaggregations: z.array(z.enum(disaggregations)),
  dataSources: z.string(),
  collectionMethods: z.string(),
  frequency: z.enum(indicatorFrequencies),
  responsibility: z.string(),
  dataQualityNotes: z.string(),
  baselineValue: z.number().nullable(),
  baselineDate: z.string().nullable(),
  baselineNote: z.string(),
  endTarget: z.number().nullable(),
  calculation: z.looseObject({ kind: z.string() }).nullable(),
  version: z.number(),
  createdAt: z.date(),
  updatedAt: z.date(),
});

const clause = z.object({ key: z.string(), values: z.record(z.string(), z.union([z.string(), z.number()])) });

/** A computed figure: the value (null: nothing yet, or withheld), the n behind it, the part of a share, the figure per group. */
export const actualRow = z.object({
  value: z.number().nullable(),
  n: z.number(),
  part: z.number().optional(),
  groups: z.record(z.string(), z.number()),
  withheld: z.enum(["tooFew", "protectsSmallGroup"]).optional(),
});

export const periodRow = z.object({ id: z.string(), projectId: z.string(), name: z.string(), startDate: z.string(), endDate: z.string(), createdAt: z.date() });

export const listIndicatorsOutput = z.object({
  items: z.array(indicatorRow.pick({ id: true, resultId: true, code: true, statement: true, unit: true, baselineValue: true, endTarget: true }).extend({ resultCode: z.string() })),
  canEdit: z.boolean(),
});

/** A reported value, as the staff read it (a partner reads approved figures only). */
export const reportedValueRow = z.object({
  id: z.string(),
  indicatorId: z.string(),
  periodId: z.string(),
  value: z.number(),
  groups: z.record(z.string(), z.number()),
  comment: z.string(),
  evidenceUrl: z.string().nullable(),
  fileName: z.string().nullable(),
  fileType: z.string().nullable(),
  fileSize: z.number().nullable(),
  status: z.enum(reportedValueStatuses),
  submittedById: z.string().nullable(),
  submittedAt: z.date(),
  reviewedById: z.string().nullable(),
  reviewedAt: z.date().nullable(),
  reviewComment: z.string(),
  version: z.number(),
});

export const getIndicatorOutput = z.object({
  indicator: indicatorRow,
  result: linkedResultRow,
  targets: z.array(
    z.object({
      periodId: z.string(),
      name: z.string(),
      startDate: z.string(),
      endDate: z.string(),
      value: z.number().nullable(),
      groups: z.array(z.object({ group: z.string(), value: z.number() })),
    }),
  ),
  evidence: z.object({
    findings: z.array(z.object({ id: z.string(), studyId: z.string(), title: localizedText })),
    workshops: z.array(z.object({ id: z.string(), title: z.string(), startDate: z.string() })),
    sources: z.array(z.object({ id: z.string(), studyId: z.string(), title: z.string() })),
  }),
  computed: z
    .object({
      wording: clause.extend({ filters: z.array(clause) }),
      periods: z.array(z.object({ periodId: z.string(), actual: actualRow })),
      project: actualRow,
    })
    .nullable(),
  reported: z.array(reportedValueRow.extend({ submittedByName: z.string().nullable(), reviewedByName: z.string().nullable() })),
  history: z.array(
    z.object({
      id: z.string(),
      at: z.date(),
      action: z.string(),
      changes: z.record(z.string(), z.object({ before: z.unknown(), after: z.unknown() })),
      actorName: z.string().nullable(),
    }),
  ),
  canEdit: z.boolean(),
  canSubmit: z.boolean(),
  canApprove: z.boolean(),
});

export const submitValueOutput = reportedValueRow;
export const reviewValueOutput = reportedValueRow;
export const getValueFileOutput = { file: sourceFileTypes } as const;

export const createIndicatorOutput = indicatorRow;
export const updateIndicatorOutput = indicatorRow;
export const deleteIndicatorOutput = z.object({ deleted: z.boolean() });
export const listPeriodsOutput = z.object({ items: z.array(periodRow), canEdit: z.boolean() });
export const createPeriodOutput = periodRow;
export const deletePeriodOutput = z.object({ deleted: z.boolean() });

const progress = { percent: z.number().nullable(), status: z.enum(["on_track", "behind", "no_data"]) };

export const getPmfOutput = z.object({
  project: z.object({ code: z.string(), name: localizedText }),
  /** The results shown, in the logic model's order, those without an indicator included. */
  results: z.array(linkedResultRow),
  periods: z.array(periodRow.pick({ id: true, name: true, startDate: true, endDate: true })),
  rows: z.array(
    z.object({
      result: linkedResultRow,
      indicator: indicatorRow
        .pick({
          id: true,
          code: true,
          statement: true,
          unit: true,
          disaggregations: true,
          baselineValue: true,
          baselineDate: true,
          dataSources: true,
          collectionMethods: true,
          frequency: true,
          responsibility: true,
        })
        .extend({ computed: z.boolean() }),
      cells: z.array(
        z.object({
          periodId: z.string(),
          target: z.number().nullable(),
          actual: z.number().nullable(),
          source: z.enum(["computed", "reported"]).nullable(),
          n: z.number().nullable(),
          withheld: z.enum(["tooFew", "protectsSmallGroup"]).nullable(),
          ...progress,
        }),
      ),
      /** At the end of the project: the computed figure over the whole project, or the latest approved value, with its groups. */
      project: z.object({ target: z.number().nullable(), actual: z.number().nullable(), n: z.number().nullable(), groups: z.record(z.string(), z.number()), ...progress }),
    }),
  ),
});

export const exportPmfOutput = { file: [fileTypes.xlsx, fileTypes.docx] } as const;
