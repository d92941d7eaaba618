import { localizedText } from "@/lib/narrative";
import { z } from "zod";
import { projectStatuses } from "@/db/schema/values";
import { pageOf } from "@/lib/http/declaration";

/** What each use case of this domain answers (its `http.response`): the API document shows it, the authorization matrix checks it. */

/** A project as stored. */
export const projectRow = z.object({
  id: z.string(),
  name: localizedText,
  code: z.string(),
  country: z.string(),
  startDate: z.string(),
  endDate: z.string(),
  funder: z.string(),
  description: localizedText.nullable(),
  status: z.enum(projectStatuses),
  retentionYears: z.number(),
  legalHold: z.boolean(),
  version: z.number(),
  createdAt: z.date(),
  updatedAt: z.date(),
});

export const createProjectOutput = projectRow;

export const getProjectOutput = z.object({
  project: projectRow,
  access: z.enum(["admin", "manager", "field", "partner"]).nullable(),
  canEdit: z.boolean(),
});

export const listProjectsOutput = pageOf(projectRow.omit({ description: true, retentionYears: true, legalHold: true, version: true, createdAt: true, updatedAt: true }));

export const updateProjectOutput = projectRow;
