import { z } from "zod";
import { actionStatuses, findingThemes } from "@/db/schema/values";
import { idList } from "@/lib/id-list";
import { blankToNull, blankToUndefined, nullableDate } from "@/lib/zod-fields";

const percent = z.coerce.number().int().min(0).max(100);

const actionFields = z.object({
  projectId: z.uuid(),
  title: z.string().trim().min(1).max(300),
  description: z.string().trim().max(20000).default(""),
  findingIds: idList(100).default([]),
  institutionIds: idList(100).default([]),
  outputIds: idList(50).default([]),
  ownerId: z.preprocess(blankToNull, z.uuid().nullable().default(null)),
  startDate: nullableDate,
  dueDate: nullableDate,
  status: z.enum(actionStatuses).default("proposed"),
  progress: percent.default(0),
  target: z.string().trim().max(2000).default(""),
});

const dueAfterStart = {
  check: (v: { startDate: string | null; dueDate: string | null }) => !v.startDate || !v.dueDate || v.dueDate >= v.startDate,
  issue: { message: "endBeforeStart", path: ["dueDate"] },
};

export const createActionInput = actionFields.refine(dueAfterStart.check, dueAfterStart.issue);
export type CreateActionInput = z.input<typeof createActionInput>;

export const updateActionInput = actionFields.extend({ actionId: z.uuid(), version: z.coerce.number().int().min(1) }).refine(dueAfterStart.check, dueAfterStart.issue);
export type UpdateActionInput = z.input<typeof updateActionInput>;

export const actionIdInput = z.object({ projectId: z.uuid(), actionId: z.uuid() });

/** A progress update: a note, and the new status or progress when they changed. */
export const addActionUpdateInput = actionIdInput.extend({
  note: z.string().trim().max(5000).default(""),
  status: z.preprocess(blankToUndefined, z.enum(actionStatuses).optional()),
  progress: z.preprocess(blankToUndefined, percent.optional()),
});
export type AddActionUpdateInput = z.input<typeof addActionUpdateInput>;

export const listActionsInput = z.object({
  projectId: z.uuid(),
  q: z.string().trim().max(100).optional(),
  theme: z.preprocess(blankToUndefined, z.enum(findingThemes).optional()),
  institutionId: z.preprocess(blankToUndefined, z.uuid().optional()),
  ownerId: z.preprocess(blankToUndefined, z.uuid().optional()),
  status: z.preprocess(blankToUndefined, z.enum(actionStatuses).optional()),
  overdue: z.preprocess((v) => v === "1" || v === "true" || v === true, z.boolean()).default(false),
  findingId: z.preprocess(blankToUndefined, z.uuid().optional()),
});
export type ListActionsInput = z.input<typeof listActionsInput>;
