import { localizedText } from "@/lib/narrative";
import { z } from "zod";
import { linkedResultRow } from "@/lib/result-links/responses";
import { missionStatuses, workshopStatuses, workshopTypes } from "@/db/schema/values";
import { pageOf } from "@/lib/http/declaration";

/** What each use case of this domain answers (its `http.response`): the API document shows it, the authorization matrix checks it. */

/** A mission as stored. */
const missionRow = z.object({
  id: z.string(),
  country: z.string(),
  startDate: z.string(),
  endDate: z.string(),
  status: z.enum(missionStatuses),
  version: z.number(),
  createdAt: z.date(),
  updatedAt: z.date(),
  projectId: z.string(),
  title: localizedText,
  purpose: z.string(),
  cities: z.array(z.string()),
  objectives: z.string(),
  notes: z.string(),
});

const missionMonthShape = missionRow.pick({
  id: true,
  country: true,
  startDate: true,
  endDate: true,
  status: true,
  title: true,
  cities: true,
});

export const addMissionNoteOutput = z.object({
  id: z.string(),
  createdAt: z.date(),
  missionId: z.string(),
  authorId: z.string().nullable(),
  body: z.string(),
});

export const createMissionOutput = missionRow;

export const getMissionOutput = z.object({
  mission: missionRow,
  team: z.array(z.object({ id: z.string(), name: z.string() })),
  outputs: z.array(linkedResultRow),
  notes: z.array(z.object({ id: z.string(), body: z.string(), createdAt: z.date(), authorName: z.string().nullable() })),
  // Told here rather than taken from the workshops domain, which builds on missions.
  workshops: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      type: z.enum(workshopTypes),
      city: z.string(),
      startDate: z.string(),
      endDate: z.string(),
      status: z.enum(workshopStatuses),
    }),
  ),
  canEdit: z.boolean(),
});

export const listMissionMonthOutput = z.array(missionMonthShape);

export const listMissionsOutput = pageOf(missionMonthShape);

export const updateMissionOutput = missionRow;
