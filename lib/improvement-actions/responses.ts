import { z } from "zod";
import { linkedResultRow } from "@/lib/result-links/responses";
import { actionStatuses, evidenceRoles, findingStatuses } from "@/db/schema/values";
import { findingRow } from "@/lib/findings/responses";
import { localizedText } from "@/lib/narrative";

/** What each use case of this domain answers (its `http.response`): the API document shows it, the authorization matrix checks it. */

/** An improvement action as stored. */
const actionRow = z.object({
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

/** An institution an action concerns. */
const actionInstitution = z.object({ id: z.string(), name: z.string() });

export const addActionUpdateOutput = actionRow;

export const createActionOutput = actionRow;

export const getActionOutput = z.object({
  action: actionRow,
  ownerName: z.string().nullable(),
  overdue: z.boolean(),
  findings: z.array(findingRow.pick({ id: true, studyId: true, title: true, theme: true, status: true })),
  institutions: z.array(actionInstitution),
  outputs: z.array(linkedResultRow),
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

export const getInstitutionStudyLinksOutput = z.object({
  findings: z.array(
    z.object({
      id: z.string(),
      studyId: z.string(),
      projectId: z.string(),
      title: localizedText,
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
    institutions: z.array(actionInstitution),
  }),
);

export const updateActionOutput = addActionUpdateOutput;
