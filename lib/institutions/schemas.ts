import { z } from "zod";
import { institutionKinds, institutionLevels, institutionSectors } from "@/db/schema/values";
import { countryField } from "@/lib/projects/schemas";
import { pageInput } from "@/lib/use-case";

const emptyAsUndefined = (v: unknown) => (v === "" ? undefined : v);
const optionalUuid = z.preprocess(emptyAsUndefined, z.uuid().optional());

const institutionFields = z.object({
  name: z.string().trim().min(1).max(300),
  acronym: z.string().trim().max(40).default(""),
  country: countryField,
  sector: z.enum(institutionSectors),
  kind: z.enum(institutionKinds),
  level: z.enum(institutionLevels),
  parentId: z.preprocess((v) => (v === "" ? null : v), z.uuid().nullable().default(null)),
  city: z.string().trim().max(120).default(""),
  website: z.preprocess(emptyAsUndefined, z.url({ protocol: /^https?$/ }).max(300).optional()).transform((v) => v ?? ""),
  notes: z.string().trim().max(5000).default(""),
});

export const createInstitutionInput = institutionFields;
export type CreateInstitutionInput = z.input<typeof createInstitutionInput>;

export const updateInstitutionInput = institutionFields.extend({
  institutionId: z.uuid(),
  version: z.coerce.number().int().min(1),
});
export type UpdateInstitutionInput = z.input<typeof updateInstitutionInput>;

export const institutionIdInput = z.object({ institutionId: z.uuid() });

export const setInstitutionActiveInput = z.object({
  institutionId: z.uuid(),
  isActive: z.preprocess((v) => v === true || v === "true", z.boolean()),
});

export const mergeInstitutionsInput = z
  .object({ sourceId: z.uuid(), targetId: z.uuid() })
  .refine((v) => v.sourceId !== v.targetId, { message: "mergeSame", path: ["targetId"] });
export type MergeInstitutionsInput = z.input<typeof mergeInstitutionsInput>;

export const institutionSorts = ["name", "acronym", "country", "kind"] as const;

export const listInstitutionsInput = z.object({
  q: z.preprocess(emptyAsUndefined, z.string().trim().max(100).optional()),
  country: z.preprocess(emptyAsUndefined, z.string().trim().toUpperCase().regex(/^[A-Z]{2}$/).optional()),
  sector: z.preprocess(emptyAsUndefined, z.enum(institutionSectors).optional()),
  kind: z.preprocess(emptyAsUndefined, z.enum(institutionKinds).optional()),
  level: z.preprocess(emptyAsUndefined, z.enum(institutionLevels).optional()),
  bodyId: optionalUuid,
  status: z.preprocess(emptyAsUndefined, z.enum(["active", "archived", "all"]).default("active")),
  sort: z.preprocess(emptyAsUndefined, z.enum(institutionSorts).default("name")),
  dir: z.preprocess(emptyAsUndefined, z.enum(["asc", "desc"]).default("asc")),
  ...pageInput,
});
export type ListInstitutionsInput = z.input<typeof listInstitutionsInput>;
