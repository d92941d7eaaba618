import { z } from "zod";
import {
  actionStatuses,
  findingStatuses,
  findingThemes,
  institutionKinds,
  institutionSectors,
  projectStatuses,
  workshopTypes,
} from "@/db/schema/values";
import { agreementFigure } from "@/lib/evaluations/responses";
import { localizedText } from "@/lib/narrative";
import { fileTypes, pageOf } from "@/lib/http/declaration";

/** What each use case of this domain answers (its `http.response`): the API document shows it, the authorization matrix checks it. */

/** A project as stored. */
const projectRow = z.object({
  id: z.string(),
  name: z.string(),
  code: z.string(),
  country: z.string(),
  startDate: z.string(),
  endDate: z.string(),
  funder: z.string(),
  description: z.string(),
  status: z.enum(projectStatuses),
  retentionYears: z.number(),
  legalHold: z.boolean(),
  version: z.number(),
  createdAt: z.date(),
  updatedAt: z.date(),
});

const pinnedShape = z.object({
  evaluationId: z.string(),
  evaluationTitle: z.string(),
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
    })
    .extend(projectRow.pick({ id: true, code: true, name: true, country: true, status: true }).shape),
);

export const createProjectOutput = projectRow;

export const getProjectOutput = z.object({
  project: projectRow,
  access: z.enum(["admin", "manager", "field", "partner"]).nullable(),
  canEdit: z.boolean(),
});

export const listProjectsOutput = pageOf(
  projectRow.omit({ description: true, retentionYears: true, legalHold: true, version: true, createdAt: true, updatedAt: true }),
);

export const updateProjectOutput = projectRow;

export const getClosingReportOutput = { file: [fileTypes.docx, fileTypes.pdf] } as const;
