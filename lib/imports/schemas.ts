import { z } from "zod";
import { maxRows } from "@/lib/spreadsheets/read";
import { institutionImportFields, participantImportFields } from "./fields";

// Generous on purpose: a file somewhat over the 5 MB limit still arrives, so the refusal can say
// "larger than 5 MB" rather than a bare length error.
export const readFileInput = z.object({
  fileName: z.string().trim().min(1).max(255),
  data: z.base64().max(20_000_000),
});

export const table = {
  headers: z.array(z.string().max(200)).min(1).max(100),
  rows: z.array(z.array(z.string().max(2000)).max(100)).max(maxRows),
};

export const mappingOf = <F extends string>(fields: readonly [F, ...F[]]) => z.partialRecord(z.enum(fields), z.number().int().min(0).max(99).nullable());

export const participantImportInput = z.object({
  projectId: z.uuid(),
  ...table,
  mapping: mappingOf(participantImportFields),
});
export type ParticipantImportInput = z.input<typeof participantImportInput>;

export const institutionImportInput = z.object({
  ...table,
  mapping: mappingOf(institutionImportFields),
});
export type InstitutionImportInput = z.input<typeof institutionImportInput>;
