import { z } from "zod";
import {
  actionStatuses,
  findingStatuses,
  findingThemes,
  institutionKinds,
  institutionSectors,
  locales,
  projectStatuses,
  workshopTypes,
} from "@/db/schema/values";
import { fileTypes, pageOf } from "@/lib/http/declaration";

/** What each use case of this domain answers (its `http.response`): the API document shows it, the authorization matrix checks it. */

const pinnedShape = z.object({
  evaluationId: z.string(),
  evaluationTitle: z.string(),
  statement: z.object({ original: z.enum(locales), fr: z.string().optional(), es: z.string().optional(), en: z.string().optional() }),
  group: z
    .object({ original: z.enum(locales), fr: z.string().optional(), es: z.string().optional(), en: z.string().optional() })
    .nullable(),
  figure: z.union([
    z.object({ shown: z.literal(true), n: z.number(), agree: z.number(), percent: z.number() }),
    z.object({ shown: z.literal(false), reason: z.enum(["tooFew", "protectsSmallGroup"]) }),
  ]),
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
      projectTheme: z
        .object({ original: z.enum(locales), fr: z.string().optional(), es: z.string().optional(), en: z.string().optional() })
        .nullable(),
      status: z.enum(findingStatuses),
      count: z.number(),
    }),
  ),
  actions: z.array(z.object({ status: z.enum(actionStatuses), count: z.number(), overdue: z.number() })),
  overdueActions: z.number(),
  pinned: z.array(pinnedShape),
});

export const getPortfolioOutput = z.array(
  z.object({
    workshopsHeld: z.number(),
    participants: z.number(),
    women: z.number(),
    institutions: z.number(),
    findings: z.number(),
    actions: z.number(),
    overdueActions: z.number(),
    pinned: z.array(pinnedShape),
    id: z.string(),
    code: z.string(),
    name: z.string(),
    country: z.string(),
    status: z.enum(projectStatuses),
  }),
);

export const createProjectOutput = z.object({
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

export const getProjectOutput = z.object({
  project: z.object({
    id: z.string(),
    code: z.string(),
    name: z.string(),
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
  }),
  access: z.enum(["admin", "manager", "field", "partner"]).nullable(),
  canEdit: z.boolean(),
});

export const listProjectsOutput = pageOf(
  z.object({
    id: z.string(),
    name: z.string(),
    code: z.string(),
    country: z.string(),
    startDate: z.string(),
    endDate: z.string(),
    funder: z.string(),
    status: z.enum(projectStatuses),
  }),
);

export const updateProjectOutput = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
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

export const getClosingReportOutput = { file: [fileTypes.docx, fileTypes.pdf] } as const;
