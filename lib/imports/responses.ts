import { z } from "zod";

/** What each use case of this domain answers (its `http.response`): the API document shows it, the authorization matrix checks it. */

const rowShape = z.object({
  row: z.number(),
  status: z.enum(["error", "new", "existing"]),
  label: z.string(),
  errors: z.record(z.string(), z.object({ key: z.string(), values: z.record(z.string(), z.union([z.string(), z.number()])).optional() })),
  match: z.object({ id: z.string(), label: z.string(), score: z.number() }).optional(),
});

export const commitAttendanceImportOutput = z.object({ created: z.number(), recorded: z.number(), alreadyPresent: z.number() });

export const previewAttendanceImportOutput = z.object({
  rows: z.array(
    z.object({
      match: z.object({ id: z.string(), label: z.string(), score: z.number() }).optional(),
      errors: z.record(
        z.string(),
        z.object({ key: z.string(), values: z.record(z.string(), z.union([z.string(), z.number()])).optional() }),
      ),
      row: z.number(),
      label: z.string(),
      status: z.enum(["error", "new", "matched", "uncertain"]),
      day: z.string().nullable(),
      candidates: z.array(z.object({ id: z.string(), label: z.string(), score: z.number() })),
      decision: z.string().optional(),
      sameAsRow: z.number().optional(),
    }),
  ),
  counts: z.object({ error: z.number(), new: z.number(), matched: z.number(), uncertain: z.number() }),
});

export const commitInstitutionImportOutput = z.object({ created: z.number(), existing: z.number() });

export const previewInstitutionImportOutput = z.object({
  rows: z.array(rowShape),
  counts: z.object({ error: z.number(), new: z.number(), existing: z.number() }),
});

export const commitParticipantImportOutput = commitInstitutionImportOutput;

export const previewParticipantImportOutput = previewInstitutionImportOutput;

export const readImportFileOutput = z.object({
  guesses: z.object({
    participants: z.object({
      email: z.number().nullable().optional(),
      givenNames: z.number().nullable().optional(),
      familyNames: z.number().nullable().optional(),
      sex: z.number().nullable().optional(),
      position: z.number().nullable().optional(),
      phone: z.number().nullable().optional(),
      consentDate: z.number().nullable().optional(),
      consentForm: z.number().nullable().optional(),
      institution: z.number().nullable().optional(),
    }),
    institutions: z.object({
      name: z.number().nullable().optional(),
      country: z.number().nullable().optional(),
      notes: z.number().nullable().optional(),
      city: z.number().nullable().optional(),
      acronym: z.number().nullable().optional(),
      sector: z.number().nullable().optional(),
      kind: z.number().nullable().optional(),
      level: z.number().nullable().optional(),
      website: z.number().nullable().optional(),
    }),
    attendance: z.object({
      email: z.number().nullable().optional(),
      day: z.number().nullable().optional(),
      givenNames: z.number().nullable().optional(),
      familyNames: z.number().nullable().optional(),
      sex: z.number().nullable().optional(),
      position: z.number().nullable().optional(),
      phone: z.number().nullable().optional(),
      consentDate: z.number().nullable().optional(),
      consentForm: z.number().nullable().optional(),
      institution: z.number().nullable().optional(),
    }),
  }),
  headers: z.array(z.string()),
  rows: z.array(z.array(z.string())),
});
