import { z } from "zod";
import { institutionKinds, institutionLevels, institutionSectors } from "@/db/schema/values";
import { pageInput } from "@/lib/use-case";
import { countryField, emptyToNull, emptyToUndefined } from "@/lib/zod-fields";

/** The fields an institution's form edits, each recorded in the audit entry when it changes. */
export const editableFields = ["name", "acronym", "country", "sector", "kind", "level", "parentId", "city", "website", "notes"] as const;

const optionalUuid = z.preprocess(emptyToUndefined, z.uuid().optional());

const institutionFields = z.object({
  name: z.string().trim().min(1).max(300),
  acronym: z.string().trim().max(40).default(""),
  country: countryField,
  sector: z.enum(institutionSectors),
  kind: z.enum(institutionKinds),
  level: z.enum(institutionLevels),
  parentId: z.preprocess(emptyToNull, z.uuid().nullable().default(null)),
  city: z.string().trim().max(120).default(""),
  website: z
    .preprocess(
      emptyToUndefined,
      z
        .url({ protocol: /^https?$/ })
        .max(300)
        .optional(),
    )
    .transform((v) => v ?? ""),
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

export const mergeInstitutionsInput = z.object({ sourceId: z.uuid(), targetId: z.uuid() }).refine((v) => v.sourceId !== v.targetId, { message: "mergeSame", path: ["targetId"] });
export type MergeInstitutionsInput = z.input<typeof mergeInstitutionsInput>;

export const institutionSorts = ["name", "acronym", "country", "kind"] as const;

export const listInstitutionsInput = z.object({
  q: z.preprocess(emptyToUndefined, z.string().trim().max(100).optional()),
  country: z.preprocess(emptyToUndefined, countryField.optional()),
  sector: z.preprocess(emptyToUndefined, z.enum(institutionSectors).optional()),
  kind: z.preprocess(emptyToUndefined, z.enum(institutionKinds).optional()),
  level: z.preprocess(emptyToUndefined, z.enum(institutionLevels).optional()),
  bodyId: optionalUuid,
  status: z.preprocess(emptyToUndefined, z.enum(["active", "archived", "all"]).default("active")),
  sort: z.preprocess(emptyToUndefined, z.enum(institutionSorts).default("name")),
  dir: z.preprocess(emptyToUndefined, z.enum(["asc", "desc"]).default("asc")),
  ...pageInput,
});
export type ListInstitutionsInput = z.input<typeof listInstitutionsInput>;

export const exportInstitutionsInput = listInstitutionsInput.extend({ format: z.enum(["csv", "xlsx"]).default("xlsx") });
