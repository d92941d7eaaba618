import { z } from "zod";
import { institutionSectors, locales, workshopStatuses, workshopTypes } from "@/db/schema/values";
import { pageOf } from "@/lib/http/declaration";

/** What each use case of this domain answers (its `http.response`): the API document shows it, the authorization matrix checks it. */

export const createWorkshopOutput = z.object({
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

export const getWorkshopOutput = z.object({
  workshop: z.object({
    missionId: z.string().nullable(),
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
    city: z.string(),
    venue: z.string(),
    language: z.enum(locales),
    facilitators: z.string(),
    expectedParticipants: z.number().nullable(),
    minutes: z.string(),
  }),
  mission: z.object({ id: z.string(), title: z.string() }).nullable(),
  days: z.array(z.string()),
  invited: z.array(z.object({ id: z.string(), name: z.string(), acronym: z.string(), sector: z.enum(institutionSectors) })),
  agenda: z.array(z.object({ day: z.string(), agenda: z.string() })),
  canEdit: z.boolean(),
  canCheckIn: z.boolean(),
});

export const listWorkshopsOutput = pageOf(
  z.object({
    type: z.enum(workshopTypes),
    id: z.string(),
    startDate: z.string(),
    endDate: z.string(),
    status: z.enum(workshopStatuses),
    title: z.string(),
    city: z.string(),
    language: z.enum(locales),
  }),
);

export const updateWorkshopOutput = z.object({
  id: z.string(),
  projectId: z.string(),
  missionId: z.string().nullable(),
  title: z.string(),
  type: z.enum(workshopTypes),
  city: z.string(),
  venue: z.string(),
  startDate: z.string(),
  endDate: z.string(),
  language: z.enum(locales),
  facilitators: z.string(),
  expectedParticipants: z.number().nullable(),
  status: z.enum(workshopStatuses),
  minutes: z.string(),
  version: z.number(),
  createdAt: z.date(),
  updatedAt: z.date(),
});
