import { z } from "zod";
import { linkedResultRow } from "@/lib/result-links/responses";
import { evidenceRoles, findingPriorities, findingStatuses, findingThemes, sourceKinds } from "@/db/schema/values";
import { localizedText } from "@/lib/narrative";

/** What each use case of this domain answers (its `http.response`): the API document shows it, the authorization matrix checks it. */

/** A finding as stored. */
export const findingRow = z.object({
  id: z.string(),
  description: localizedText,
  status: z.enum(findingStatuses),
  version: z.number(),
  createdAt: z.date(),
  updatedAt: z.date(),
  title: localizedText,
  theme: z.enum(findingThemes).nullable(),
  studyId: z.string(),
  projectThemeId: z.string().nullable(),
  priority: z.enum(findingPriorities),
  createdById: z.string().nullable(),
});

export const createFindingOutput = findingRow;

export const createProjectThemeOutput = z.object({ id: z.string(), name: localizedText, projectId: z.string() });

export const getFindingOutput = z.object({
  finding: findingRow,
  projectThemeName: localizedText.nullable(),
  workshops: z.array(z.object({ workshopId: z.string(), day: z.string().nullable(), title: z.string(), startDate: z.string(), endDate: z.string() })),
  sources: z.array(z.object({ id: z.string(), kind: z.enum(sourceKinds), title: z.string(), date: z.string().nullable() })),
  institutions: z.array(z.object({ institutionId: z.string(), role: z.enum(evidenceRoles), name: z.string(), acronym: z.string() })),
  outcome: linkedResultRow.nullable(),
  canEdit: z.boolean(),
});

export const listFindingsOutput = z.array(
  z.object({
    id: z.string(),
    theme: z.enum(findingThemes).nullable(),
    projectThemeId: z.string().nullable(),
    projectThemeName: localizedText.nullable(),
    title: localizedText,
    priority: z.enum(findingPriorities),
    status: z.enum(findingStatuses),
    workshops: z.number(),
    institutions: z.number(),
  }),
);

export const listProjectThemesOutput = z.array(createProjectThemeOutput.omit({ projectId: true }));

export const updateFindingOutput = findingRow;
