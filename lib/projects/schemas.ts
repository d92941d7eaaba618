import { z } from "zod";
import { projectStatuses } from "@/db/schema";
import { pageInput } from "@/lib/use-case";
import { endDateRule, endNotBeforeStart } from "@/lib/validation";
import { countryField, narrativeInput, optionalNarrativeInput } from "@/lib/zod-fields";

const projectFields = z.object({
  code: z
    .string()
    .trim()
    .toUpperCase()
    .min(2)
    .max(20)
    .regex(/^[A-Z0-9][A-Z0-9-]*$/),
  name: narrativeInput(200),
  country: countryField,
  startDate: z.iso.date(),
  endDate: z.iso.date(),
  funder: z.string().trim().max(200).default(""),
  description: optionalNarrativeInput(5000),
  status: z.enum(projectStatuses),
});

// How long participants' personal data is kept after the project closes, and a hold that stops it.
const retentionYears = z.coerce.number().int().min(1).max(50);
const legalHold = z.preprocess((v) => (v === undefined ? v : v === true || v === "on" || v === "true"), z.boolean());

export const createProjectInput = projectFields.extend({ retentionYears: retentionYears.default(5), legalHold: legalHold.default(false) }).refine(endNotBeforeStart, endDateRule);
export type CreateProjectInput = z.input<typeof createProjectInput>;

export const updateProjectInput = projectFields
  // No defaults here: an edit that leaves them out keeps them, so it never lifts a hold or shortens the period.
  .extend({ projectId: z.uuid(), version: z.coerce.number().int().min(1), retentionYears: retentionYears.optional(), legalHold: legalHold.optional() })
  .refine(endNotBeforeStart, endDateRule);
export type UpdateProjectInput = z.input<typeof updateProjectInput>;

export const projectSorts = ["name", "code", "startDate", "status"] as const;

export const listProjectsInput = z.object({
  q: z.string().trim().max(100).optional(),
  status: z.enum(projectStatuses).optional(),
  sort: z.enum(projectSorts).default("startDate"),
  dir: z.enum(["asc", "desc"]).default("desc"),
  ...pageInput,
});
export type ListProjectsInput = z.input<typeof listProjectsInput>;
