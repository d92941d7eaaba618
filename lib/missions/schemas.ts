import { z } from "zod";
import { missionStatuses } from "@/db/schema/values";
import { idList } from "@/lib/id-list";
import { pageInput } from "@/lib/use-case";
import { endDateRule, endNotBeforeStart } from "@/lib/validation";
import { countryField, emptyToUndefined, narrativeInput } from "@/lib/zod-fields";

// Forms send a comma-separated line; the API may send a list.
const cityList = z.preprocess(
  (v) => (typeof v === "string" ? v.split(",") : v),
  z
    .array(z.string().trim().max(100))
    .max(20)
    .transform((cities) => [...new Set(cities.filter(Boolean))]),
);

const missionFields = z.object({
  projectId: z.uuid(),
  title: narrativeInput(200),
  purpose: z.string().trim().max(2000).default(""),
  country: countryField,
  cities: cityList.default([]),
  startDate: z.iso.date(),
  endDate: z.iso.date(),
  status: z.enum(missionStatuses).default("planned"),
  objectives: z.string().trim().max(5000).default(""),
  notes: z.string().trim().max(5000).default(""),
  teamUserIds: idList(50).default([]),
  outputIds: idList(50).default([]),
});

export const createMissionInput = missionFields.refine(endNotBeforeStart, endDateRule);
export type CreateMissionInput = z.input<typeof createMissionInput>;

export const updateMissionInput = missionFields.extend({ missionId: z.uuid(), version: z.coerce.number().int().min(1) }).refine(endNotBeforeStart, endDateRule);
export type UpdateMissionInput = z.input<typeof updateMissionInput>;

export const missionIdInput = z.object({ projectId: z.uuid(), missionId: z.uuid() });

export const addMissionNoteInput = missionIdInput.extend({ body: z.string().trim().min(1).max(5000) });

export const listMissionsInput = z.object({
  projectId: z.uuid(),
  q: z.string().trim().max(100).optional(),
  status: z.preprocess(emptyToUndefined, z.enum(missionStatuses).optional()),
  // Upcoming first (the default), or past ones, most recent first.
  when: z.enum(["upcoming", "past", "all"]).default("upcoming"),
  ...pageInput,
});
export type ListMissionsInput = z.input<typeof listMissionsInput>;

export const missionMonthInput = z.object({ projectId: z.uuid(), month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/) });
