import { z } from "zod";
import { locales, workshopStatuses, workshopTypes } from "@/db/schema/values";
import { idList } from "@/lib/id-list";
import { pageInput } from "@/lib/use-case";
import { endDateRule, endNotBeforeStart } from "@/lib/validation";
import { blankToNull, emptyToUndefined } from "@/lib/zod-fields";
import { maxWorkshopDays, workshopDays } from "./days";

const workshopFields = z.object({
  projectId: z.uuid(),
  missionId: z.preprocess(blankToNull, z.uuid().nullable().default(null)),
  title: z.string().trim().min(1).max(200),
  type: z.enum(workshopTypes),
  city: z.string().trim().max(100).default(""),
  venue: z.string().trim().max(200).default(""),
  startDate: z.iso.date(),
  endDate: z.iso.date(),
  language: z.enum(locales),
  facilitators: z.string().trim().max(500).default(""),
  expectedParticipants: z.preprocess(blankToNull, z.coerce.number().int().min(1).max(10000).nullable().default(null)),
  status: z.enum(workshopStatuses).default("planned"),
  minutes: z.string().trim().max(20000).default(""),
  invitedInstitutionIds: idList(200).default([]),
  outputIds: idList(50).default([]),
  agenda: z
    .array(z.object({ day: z.iso.date(), agenda: z.string().trim().max(5000) }))
    .max(maxWorkshopDays)
    .default([]),
});

type Period = { startDate: string; endDate: string };
const notTooLong = (v: Period) => workshopDays(v.startDate, v.endDate).length <= maxWorkshopDays;
const agendaWithinDates = (v: Period & { agenda: { day: string }[] }) => v.agenda.every((a) => a.day >= v.startDate && a.day <= v.endDate);

const withRules = <T extends z.ZodType<Period & { agenda: { day: string }[] }>>(schema: T) =>
  schema
    .refine(endNotBeforeStart, endDateRule)
    .refine(notTooLong, { message: "workshopTooLong", path: ["endDate"] })
    .refine(agendaWithinDates, { message: "dayOutsideWorkshop", path: ["agenda"] });

export const createWorkshopInput = withRules(workshopFields);
export type CreateWorkshopInput = z.input<typeof createWorkshopInput>;

export const updateWorkshopInput = withRules(workshopFields.extend({ workshopId: z.uuid(), version: z.coerce.number().int().min(1) }));
export type UpdateWorkshopInput = z.input<typeof updateWorkshopInput>;

export const workshopIdInput = z.object({ projectId: z.uuid(), workshopId: z.uuid() });

export const workshopSorts = ["startDate", "title", "city"] as const;

export const listWorkshopsInput = z.object({
  projectId: z.uuid(),
  q: z.string().trim().max(100).optional(),
  missionId: z.preprocess(emptyToUndefined, z.uuid().optional()),
  type: z.preprocess(emptyToUndefined, z.enum(workshopTypes).optional()),
  status: z.preprocess(emptyToUndefined, z.enum(workshopStatuses).optional()),
  city: z.preprocess(emptyToUndefined, z.string().trim().max(100).optional()),
  from: z.preprocess(emptyToUndefined, z.iso.date().optional()),
  to: z.preprocess(emptyToUndefined, z.iso.date().optional()),
  sort: z.enum(workshopSorts).default("startDate"),
  dir: z.enum(["asc", "desc"]).default("desc"),
  ...pageInput,
});
export type ListWorkshopsInput = z.input<typeof listWorkshopsInput>;
