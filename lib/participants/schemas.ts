import { z } from "zod";
import { consentForms, locales, participantSexes } from "@/db/schema/values";
import { pageInput } from "@/lib/use-case";
import { blankToNull, emptyToUndefined } from "@/lib/zod-fields";

/** The fields that name or reach a person: erasure and retention blank them, also in the audit trail. */
export const personalFields = ["givenNames", "familyNames", "position", "email", "phone", "preferredLanguage"] as const;
/** The fields a person's form edits, each recorded in the audit entry when it changes. */
export const editableFields = [...personalFields, "sex", "institutionId", "consentDate", "consentForm"] as const;

const nameFields = {
  givenNames: z.string().trim().max(150).default(""),
  familyNames: z.string().trim().max(150).default(""),
};

// One-word names are common (and fine); a person needs at least one of the two.
const hasAName = (v: { givenNames: string; familyNames: string }) => Boolean(v.givenNames || v.familyNames);
const nameRule = { message: "nameRequired", path: ["familyNames"] };

const participantFields = z.object({
  ...nameFields,
  sex: z.enum(participantSexes).default("not_stated"),
  institutionId: z.preprocess(blankToNull, z.uuid().nullable().default(null)),
  position: z.string().trim().max(200).default(""),
  email: z.preprocess(blankToNull, z.string().trim().toLowerCase().pipe(z.email().max(254)).nullable().default(null)),
  phone: z.preprocess(
    blankToNull,
    z
      .string()
      .trim()
      .regex(/^[+()\d\s.-]{6,30}$/)
      .nullable()
      .default(null),
  ),
  preferredLanguage: z.preprocess(blankToNull, z.enum(locales).nullable().default(null)),
  consentDate: z.preprocess(blankToNull, z.iso.date().nullable().default(null)),
  consentForm: z.preprocess(blankToNull, z.enum(consentForms).nullable().default(null)),
});

const consentRule = {
  check: (v: { consentDate: string | null; consentForm: string | null }) => (v.consentDate === null) === (v.consentForm === null),
  issue: { message: "consentIncomplete", path: ["consentForm"] },
};

export const createParticipantInput = participantFields
  .extend({ id: z.preprocess(emptyToUndefined, z.uuid().optional()), projectId: z.uuid() })
  .refine(hasAName, nameRule)
  .refine(consentRule.check, consentRule.issue);
export type CreateParticipantInput = z.input<typeof createParticipantInput>;

export const updateParticipantInput = participantFields
  .extend({ participantId: z.uuid(), version: z.coerce.number().int().min(1) })
  .refine(hasAName, nameRule)
  .refine(consentRule.check, consentRule.issue);
export type UpdateParticipantInput = z.input<typeof updateParticipantInput>;

export const participantIdInput = z.object({ participantId: z.uuid() });

export const findDuplicatesInput = z.object({
  ...nameFields,
  email: z.preprocess(blankToNull, z.string().trim().toLowerCase().nullable().default(null)),
  phone: z.preprocess(blankToNull, z.string().trim().nullable().default(null)),
  institutionId: z.preprocess(blankToNull, z.uuid().nullable().default(null)),
  sex: z.preprocess(blankToNull, z.enum(participantSexes).nullable().default(null)),
  excludeId: z.preprocess(emptyToUndefined, z.uuid().optional()),
});
export type FindDuplicatesInput = z.input<typeof findDuplicatesInput>;

export const participantPairInput = z.object({ keepId: z.uuid(), otherId: z.uuid() }).refine((v) => v.keepId !== v.otherId, { message: "mergeSame", path: ["otherId"] });
export type ParticipantPairInput = z.input<typeof participantPairInput>;

export const participantSorts = ["familyNames", "givenNames", "createdAt"] as const;

export const listParticipantsInput = z.object({
  q: z.preprocess(emptyToUndefined, z.string().trim().max(100).optional()),
  institutionId: z.preprocess(emptyToUndefined, z.uuid().optional()),
  projectId: z.preprocess(emptyToUndefined, z.uuid().optional()),
  sex: z.preprocess(emptyToUndefined, z.enum(participantSexes).optional()),
  sort: z.preprocess(emptyToUndefined, z.enum(participantSorts).default("familyNames")),
  dir: z.preprocess(emptyToUndefined, z.enum(["asc", "desc"]).default("asc")),
  ...pageInput,
});
export type ListParticipantsInput = z.input<typeof listParticipantsInput>;

export const duplicatesQueueInput = z.object({ ...pageInput });

export const exportParticipantsInput = listParticipantsInput.extend({ format: z.enum(["csv", "xlsx"]).default("xlsx") });
