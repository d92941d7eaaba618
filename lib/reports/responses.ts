import { z } from "zod";
import { projectRow } from "@/lib/projects/responses";
import { studyShape } from "@/lib/studies/responses";
import { actionStatuses, findingPriorities, findingStatuses, findingThemes, indicatorUnits, institutionKinds, institutionSectors, workshopTypes } from "@/db/schema/values";
import { localizedText } from "@/lib/narrative";
import { fileTypes } from "@/lib/http/declaration";
import { agreementFigure } from "@/lib/evaluations/responses";

/** What each report answers (its `http.response`): the API document shows it, the authorization matrix checks it. */

const pinnedShape = z.object({
  evaluationId: z.string(),
  evaluationTitle: localizedText,
  statement: localizedText,
  group: localizedText.nullable(),
  figure: agreementFigure,
});

export const getDashboardOutput = z.object({
  workshopsByType: z.array(z.object({ key: z.enum(workshopTypes), count: z.number() })),
  workshopsHeld: z.number(),
  attendance: z.object({ attendances: z.number(), participants: z.number(), women: z.number() }),
  institutionsBySector: z.array(z.object({ key: z.enum(institutionSectors), count: z.number() })),
  institutionsByKind: z.array(z.object({ key: z.enum(institutionKinds), count: z.number() })),
  institutionsReached: z.number(),
  bodies: z.array(z.object({ id: z.string(), name: z.string(), acronym: z.string(), reached: z.number(), members: z.number() })),
  findings: z.array(
    z.object({
      theme: z.enum(findingThemes).nullable(),
      projectTheme: localizedText.nullable(),
      status: z.enum(findingStatuses),
      count: z.number(),
    }),
  ),
  actions: z.array(z.object({ status: z.enum(actionStatuses), count: z.number(), overdue: z.number() })),
  overdueActions: z.number(),
  pinned: z.array(pinnedShape),
});

export const getPortfolioOutput = z.array(
  z
    .object({
      workshopsHeld: z.number(),
      participants: z.number(),
      women: z.number(),
      institutions: z.number(),
      findings: z.number(),
      actions: z.number(),
      overdueActions: z.number(),
      pinned: z.array(pinnedShape),
      indicators: z.number(),
      /** The indicators behind their target in the current period. */
      behind: z.array(z.object({ code: z.string(), statement: localizedText, unit: z.enum(indicatorUnits), period: z.string(), target: z.number(), actual: z.number() })),
    })
    .extend(projectRow.pick({ id: true, code: true, name: true, country: true, status: true }).shape),
);

export const getClosingReportOutput = { file: [fileTypes.docx, fileTypes.pdf] } as const;

export const getAnnualReportOutput = { file: [fileTypes.docx, fileTypes.pdf] } as const;

export const getStudyReportOutput = z.object({
  study: studyShape,
  findings: z.array(
    z.object({
      workshops: z.array(z.object({ findingId: z.string(), title: z.string(), day: z.string().nullable() })),
      sources: z.array(z.string()),
      reportedBy: z.array(z.string()),
      concerned: z.array(z.string()),
      review: z.object({ agree: z.number().optional(), disagree: z.number().optional(), needs_change: z.number().optional() }),
      actions: z.array(z.string()),
      id: z.string(),
      theme: z.enum(findingThemes).nullable(),
      projectThemeName: localizedText.nullable(),
      title: localizedText,
      description: localizedText,
      priority: z.enum(findingPriorities),
      status: z.enum(findingStatuses),
    }),
  ),
  actions: z.array(
    z.object({
      overdue: z.boolean(),
      findingIds: z.array(z.string()),
      institutions: z.array(z.string()),
      id: z.string(),
      title: z.string(),
      status: z.enum(actionStatuses),
      progress: z.number(),
      dueDate: z.string().nullable(),
      ownerName: z.string().nullable(),
    }),
  ),
});

export const studyExportOutput = { file: [fileTypes.docx, fileTypes.pdf, fileTypes.xlsx] } as const;
