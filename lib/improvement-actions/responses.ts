import { z } from "zod";
import { actionStatuses, findingStatuses, findingThemes, locales } from "@/db/schema/values";

/** What each use case of this domain answers (its `http.response`): the API document shows it, the authorization matrix checks it. */

export const addActionUpdateOutput = z.object({
  id: z.string(),
  projectId: z.string(),
  title: z.string(),
  description: z.string(),
  ownerId: z.string().nullable(),
  startDate: z.string().nullable(),
  dueDate: z.string().nullable(),
  status: z.enum(actionStatuses),
  progress: z.number(),
  target: z.string(),
  version: z.number(),
  createdAt: z.date(),
  updatedAt: z.date(),
});

export const createActionOutput = z.object({
  target: z.string(),
  id: z.string(),
  startDate: z.string().nullable(),
  description: z.string(),
  status: z.enum(actionStatuses),
  version: z.number(),
  createdAt: z.date(),
  updatedAt: z.date(),
  projectId: z.string(),
  title: z.string(),
  ownerId: z.string().nullable(),
  dueDate: z.string().nullable(),
  progress: z.number(),
});

export const getActionOutput = z.object({
  action: z.object({
    target: z.string(),
    id: z.string(),
    startDate: z.string().nullable(),
    description: z.string(),
    status: z.enum(actionStatuses),
    version: z.number(),
    createdAt: z.date(),
    updatedAt: z.date(),
    projectId: z.string(),
    title: z.string(),
    ownerId: z.string().nullable(),
    dueDate: z.string().nullable(),
    progress: z.number(),
  }),
  ownerName: z.string().nullable(),
  overdue: z.boolean(),
  findings: z.array(
    z.object({
      id: z.string(),
      studyId: z.string(),
      title: z.object({ original: z.enum(locales), fr: z.string().optional(), es: z.string().optional(), en: z.string().optional() }),
      theme: z.enum(findingThemes).nullable(),
      status: z.enum(findingStatuses),
    }),
  ),
  institutions: z.array(z.object({ id: z.string(), name: z.string() })),
  updates: z.array(
    z.object({
      id: z.string(),
      note: z.string(),
      changes: z.record(z.string(), z.object({ before: z.unknown(), after: z.unknown() })),
      createdAt: z.date(),
      authorName: z.string().nullable(),
    }),
  ),
  canEdit: z.boolean(),
  canUpdate: z.boolean(),
});

export const listActionsOutput = z.array(
  z.object({
    id: z.string(),
    title: z.string(),
    status: z.enum(actionStatuses),
    progress: z.number(),
    startDate: z.string().nullable(),
    dueDate: z.string().nullable(),
    ownerId: z.string().nullable(),
    ownerName: z.string().nullable(),
    // Computed in SQL: null, not false, for an action without a due date.
    overdue: z.boolean().nullable(),
    findings: z.number(),
    institutions: z.array(z.object({ id: z.string(), name: z.string() })),
  }),
);

export const updateActionOutput = addActionUpdateOutput;
