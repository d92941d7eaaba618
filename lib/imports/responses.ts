import { z } from "zod";
import { validationKeys } from "@/lib/i18n/messages";

/** What each use case of this domain answers (its `http.response`): the API document shows it, the authorization matrix checks it. */

/** The errors of a row or form, by field: a key of the validation messages and its values. Other domains import it. */
export const fieldErrors = z.record(z.string(), z.object({ key: z.enum(validationKeys), values: z.record(z.string(), z.union([z.string(), z.number()])).optional() }));

/** A record of the directory that an imported row may be. */
const candidate = z.object({ id: z.string(), label: z.string(), score: z.number() });

const rowShape = z.object({
  row: z.number(),
  status: z.enum(["error", "new", "existing"]),
  label: z.string(),
  errors: fieldErrors,
  match: candidate.optional(),
});

/** The preview of a file of rows that are each new or already known. */
const importPreview = z.object({
  rows: z.array(rowShape),
  counts: z.object({ error: z.number(), new: z.number(), existing: z.number() }),
});

/** The column a field was guessed in, if any. */
const guess = z.number().nullable().optional();

/** The fields of a person that a participants or attendance file may hold, after the email (and day). */
const personGuesses = z.object({
  givenNames: guess,
  familyNames: guess,
  sex: guess,
  position: guess,
  phone: guess,
  consentDate: guess,
  consentForm: guess,
  institution: guess,
});

export const commitAttendanceImportOutput = z.object({ created: z.number(), recorded: z.number(), alreadyPresent: z.number() });

export const previewAttendanceImportOutput = z.object({
  rows: z.array(
    rowShape.pick({ match: true, errors: true, row: true, label: true }).extend({
      status: z.enum(["error", "new", "matched", "uncertain"]),
      day: z.string().nullable(),
      candidates: z.array(candidate),
      decision: z.string().optional(),
      sameAsRow: z.number().optional(),
    }),
  ),
  counts: z.object({ error: z.number(), new: z.number(), matched: z.number(), uncertain: z.number() }),
});

export const commitInstitutionImportOutput = z.object({ created: z.number(), existing: z.number() });

export const previewInstitutionImportOutput = importPreview;

export const commitParticipantImportOutput = commitInstitutionImportOutput;

export const previewParticipantImportOutput = importPreview;

export const commitResponseImportOutput = z.object({ added: z.number(), skipped: z.number() });

export const previewResponseImportOutput = importPreview;

export const readImportFileOutput = z.object({
  guesses: z.object({
    participants: z.object({ email: guess }).extend(personGuesses.shape),
    institutions: z.object({
      name: guess,
      country: guess,
      notes: guess,
      city: guess,
      acronym: guess,
      sector: guess,
      kind: guess,
      level: guess,
      website: guess,
    }),
    attendance: z.object({ email: guess, day: guess }).extend(personGuesses.shape),
  }),
  headers: z.array(z.string()),
  rows: z.array(z.array(z.string())),
});

export const previewPmfImportOutput = importPreview;

export const commitPmfImportOutput = z.object({ results: z.number(), indicators: z.number(), existing: z.number() });
