import { z } from "zod";
import { actionStatuses, evidenceRoles, findingPriorities, findingStatuses, findingThemes, locales, sourceKinds } from "@/db/schema/values";

/** What each use case of this domain answers (its `http.response`): the API document shows it, the authorization matrix checks it. */

export const getInstitutionStudyLinksOutput = z.object({
  findings: z.array(
    z.object({
      id: z.string(),
      studyId: z.string(),
      projectId: z.string(),
      title: z.object({ original: z.enum(locales), fr: z.string().optional(), es: z.string().optional(), en: z.string().optional() }),
      status: z.enum(findingStatuses),
      role: z.enum(evidenceRoles),
    }),
  ),
  actions: z.array(
    z.object({
      overdue: z.boolean(),
      id: z.string(),
      projectId: z.string(),
      title: z.string(),
      status: z.enum(actionStatuses),
      progress: z.number(),
      dueDate: z.string().nullable(),
    }),
  ),
});

export const createFindingOutput = z.object({
  id: z.string(),
  description: z.object({ original: z.enum(locales), fr: z.string().optional(), es: z.string().optional(), en: z.string().optional() }),
  status: z.enum(findingStatuses),
  version: z.number(),
  createdAt: z.date(),
  updatedAt: z.date(),
  title: z.object({ original: z.enum(locales), fr: z.string().optional(), es: z.string().optional(), en: z.string().optional() }),
  theme: z.enum(findingThemes).nullable(),
  studyId: z.string(),
  projectThemeId: z.string().nullable(),
  priority: z.enum(findingPriorities),
  createdById: z.string().nullable(),
});

export const createProjectThemeOutput = z.object({
  id: z.string(),
  name: z.object({ original: z.enum(locales), fr: z.string().optional(), es: z.string().optional(), en: z.string().optional() }),
  projectId: z.string(),
});

export const getFindingOutput = z.object({
  finding: z.object({
    id: z.string(),
    description: z.object({ original: z.enum(locales), fr: z.string().optional(), es: z.string().optional(), en: z.string().optional() }),
    status: z.enum(findingStatuses),
    version: z.number(),
    createdAt: z.date(),
    updatedAt: z.date(),
    title: z.object({ original: z.enum(locales), fr: z.string().optional(), es: z.string().optional(), en: z.string().optional() }),
    theme: z.enum(findingThemes).nullable(),
    studyId: z.string(),
    projectThemeId: z.string().nullable(),
    priority: z.enum(findingPriorities),
    createdById: z.string().nullable(),
  }),
  projectThemeName: z
    .object({ original: z.enum(locales), fr: z.string().optional(), es: z.string().optional(), en: z.string().optional() })
    .nullable(),
  workshops: z.array(
    z.object({ workshopId: z.string(), day: z.string().nullable(), title: z.string(), startDate: z.string(), endDate: z.string() }),
  ),
  sources: z.array(z.object({ id: z.string(), kind: z.enum(sourceKinds), title: z.string(), date: z.string().nullable() })),
  institutions: z.array(z.object({ institutionId: z.string(), role: z.enum(evidenceRoles), name: z.string(), acronym: z.string() })),
  canEdit: z.boolean(),
});

export const listFindingsOutput = z.array(
  z.object({
    id: z.string(),
    theme: z.enum(findingThemes).nullable(),
    projectThemeId: z.string().nullable(),
    projectThemeName: z
      .object({ original: z.enum(locales), fr: z.string().optional(), es: z.string().optional(), en: z.string().optional() })
      .nullable(),
    title: z.object({ original: z.enum(locales), fr: z.string().optional(), es: z.string().optional(), en: z.string().optional() }),
    priority: z.enum(findingPriorities),
    status: z.enum(findingStatuses),
    workshops: z.number(),
    institutions: z.number(),
  }),
);

export const listProjectThemesOutput = z.array(
  z.object({
    id: z.string(),
    name: z.object({ original: z.enum(locales), fr: z.string().optional(), es: z.string().optional(), en: z.string().optional() }),
  }),
);

export const updateFindingOutput = z.object({
  id: z.string(),
  studyId: z.string(),
  theme: z.enum(findingThemes).nullable(),
  projectThemeId: z.string().nullable(),
  title: z.object({ original: z.enum(locales), fr: z.string().optional(), es: z.string().optional(), en: z.string().optional() }),
  description: z.object({ original: z.enum(locales), fr: z.string().optional(), es: z.string().optional(), en: z.string().optional() }),
  priority: z.enum(findingPriorities),
  status: z.enum(findingStatuses),
  version: z.number(),
  createdById: z.string().nullable(),
  createdAt: z.date(),
  updatedAt: z.date(),
});
