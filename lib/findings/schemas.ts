import { z } from "zod";
import { evidenceRoles, findingPriorities, findingStatuses, findingThemes } from "@/db/schema/values";
import { idList } from "@/lib/id-list";
import { blankToNull, blankToUndefined, narrativeInput } from "@/lib/zod-fields";

const evidenceWorkshop = z.object({ workshopId: z.uuid(), day: z.preprocess(blankToNull, z.iso.date().nullable().default(null)) });
const evidenceInstitution = z.object({ institutionId: z.uuid(), role: z.enum(evidenceRoles) });

const findingFields = z.object({
  projectId: z.uuid(),
  studyId: z.uuid(),
  /** A usual theme, or one the project added (`projectThemeId`). */
  theme: z.preprocess(blankToNull, z.enum(findingThemes).nullable().default(null)),
  projectThemeId: z.preprocess(blankToNull, z.uuid().nullable().default(null)),
  title: narrativeInput(300),
  description: narrativeInput(20000),
  priority: z.enum(findingPriorities).default("medium"),
  status: z.enum(findingStatuses).default("draft"),
  workshops: z.array(evidenceWorkshop).max(50).default([]),
  sourceIds: idList(100).default([]),
  institutions: z.array(evidenceInstitution).max(200).default([]),
  /** The outcome of the logic model the finding informs. */
  outcomeId: z.preprocess(blankToNull, z.uuid().nullable().default(null)),
});

const oneTheme = {
  check: (v: { theme: string | null; projectThemeId: string | null }) => (v.theme === null) !== (v.projectThemeId === null),
  issue: { message: "chooseTheme", path: ["theme"] },
};

export const createFindingInput = findingFields.refine(oneTheme.check, oneTheme.issue);
export type CreateFindingInput = z.input<typeof createFindingInput>;

export const updateFindingInput = findingFields.extend({ findingId: z.uuid(), version: z.coerce.number().int().min(1) }).refine(oneTheme.check, oneTheme.issue);
export type UpdateFindingInput = z.input<typeof updateFindingInput>;

export const findingIdInput = z.object({ projectId: z.uuid(), studyId: z.uuid(), findingId: z.uuid() });

export const listFindingsInput = z.object({
  projectId: z.uuid(),
  studyId: z.uuid(),
  q: z.string().trim().max(100).optional(),
  /** A usual theme, or the id of one of the project's own (anything else matches nothing). */
  theme: z.preprocess(blankToUndefined, z.string().max(60).optional()),
  priority: z.preprocess(blankToUndefined, z.enum(findingPriorities).optional()),
  status: z.preprocess(blankToUndefined, z.enum(findingStatuses).optional()),
  institutionId: z.preprocess(blankToUndefined, z.uuid().optional()),
});
export type ListFindingsInput = z.input<typeof listFindingsInput>;

export const createProjectThemeInput = z.object({ projectId: z.uuid(), name: narrativeInput(100) });
