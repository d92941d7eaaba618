import { localizedText } from "@/lib/narrative";
import { z } from "zod";
import { locales, workshopStatuses, workshopTypes } from "@/db/schema/values";
import { pageOf } from "@/lib/http/declaration";
import { institutionRow } from "@/lib/institutions/responses";
import { linkedResultRow } from "@/lib/result-links/responses";

/** What each use case of this domain answers (its `http.response`): the API document shows it, the authorization matrix checks it. */

/** A workshop as stored. Other domains import it. */
export const workshopRow = z.object({
  type: z.enum(workshopTypes),
  id: z.string(),
  startDate: z.string(),
  endDate: z.string(),
  status: z.enum(workshopStatuses),
  version: z.number(),
  createdAt: z.date(),
  updatedAt: z.date(),
  projectId: z.string(),
  title: z.string(),
  missionId: z.string().nullable(),
  city: z.string(),
  venue: z.string(),
  language: z.enum(locales),
  facilitators: z.string(),
  expectedParticipants: z.number().nullable(),
  minutes: z.string(),
});

export const createWorkshopOutput = workshopRow;

export const getWorkshopOutput = z.object({
  workshop: workshopRow,
  mission: z.object({ id: z.string(), title: localizedText }).nullable(),
  days: z.array(z.string()),
  invited: z.array(institutionRow.pick({ id: true, name: true, acronym: true, sector: true })),
  agenda: z.array(z.object({ day: z.string(), agenda: z.string() })),
  outputs: z.array(linkedResultRow),
  canEdit: z.boolean(),
  canCheckIn: z.boolean(),
  canSeeCertificates: z.boolean(),
});

export const listWorkshopsOutput = pageOf(workshopRow.pick({ type: true, id: true, startDate: true, endDate: true, status: true, title: true, city: true, language: true }));

export const updateWorkshopOutput = workshopRow;
