import { localizedText } from "@/lib/narrative";
import { z } from "zod";
import { consentForms, locales, participantSexes } from "@/db/schema/values";
import { fileTypes, pageOf } from "@/lib/http/declaration";

/** What each use case of this domain answers (its `http.response`): the API document shows it, the authorization matrix checks it. */

/** A participant as stored. */
const participantRow = z.object({
  id: z.string(),
  version: z.number(),
  createdAt: z.date(),
  updatedAt: z.date(),
  email: z.string().nullable(),
  givenNames: z.string(),
  familyNames: z.string(),
  sex: z.enum(participantSexes),
  searchText: z.string(),
  institutionId: z.string().nullable(),
  position: z.string(),
  phone: z.string().nullable(),
  phoneKey: z.string().nullable(),
  preferredLanguage: z.enum(locales).nullable(),
  consentDate: z.string().nullable(),
  consentForm: z.enum(consentForms).nullable(),
  consentRecordedById: z.string().nullable(),
  isErased: z.boolean(),
  erasedAt: z.date().nullable(),
});

const duplicateReasons = z.array(z.enum(["sameEmail", "samePhone", "similarName", "sameInstitution", "differentSex"]));

/** One side of a likely duplicate pair. */
const pairSide = z.object({ id: z.string(), givenNames: z.string(), familyNames: z.string(), institutionName: z.string().nullable() });

export const findDuplicatesOutput = z.array(
  z.object({
    id: z.string(),
    givenNames: z.string(),
    familyNames: z.string(),
    institutionId: z.string().nullable(),
    score: z.number(),
    reasons: duplicateReasons,
  }),
);

export const listDuplicatePairsOutput = pageOf(
  z.object({
    first: pairSide,
    second: pairSide,
    score: z.number(),
    reasons: duplicateReasons,
  }),
);

export const markDistinctOutput = z.object({ changed: z.boolean() });

export const mergeParticipantsOutput = participantRow;

export const eraseParticipantOutput = markDistinctOutput;

export const exportParticipantDataOutput = z.object({
  exportedAt: z.string(),
  person: z.object({
    id: z.string(),
    givenNames: z.string(),
    familyNames: z.string(),
    sex: z.enum(participantSexes),
    email: z.string().nullable(),
    phone: z.string().nullable(),
    preferredLanguage: z.enum(locales).nullable(),
    position: z.string(),
    institution: z.string().nullable(),
    consent: z.object({ date: z.string().nullable(), form: z.enum(consentForms).nullable() }),
    createdAt: z.date(),
    updatedAt: z.date(),
  }),
  affiliations: z.array(z.object({ institution: z.string().nullable(), position: z.string(), from: z.string(), to: z.string().nullable() })),
  projects: z.array(z.object({ code: z.string(), name: localizedText })),
  alsoKnownToAnotherProject: z.boolean(),
  attendance: z.array(z.object({ workshop: z.string(), day: z.string(), institution: z.string().nullable() })),
  excused: z.array(z.object({ workshop: z.string(), day: z.string(), reason: z.string() })),
  history: z.array(z.object({ at: z.date(), action: z.string(), changes: z.record(z.string(), z.object({ before: z.unknown(), after: z.unknown() })) })),
});

export const createParticipantOutput = participantRow;

export const getParticipantOutput = z.object({
  participant: participantRow,
  institution: z.object({ id: z.string(), name: z.string() }).nullable(),
  affiliations: z.array(
    z.object({
      id: z.string(),
      institutionId: z.string().nullable(),
      institutionName: z.string().nullable(),
      position: z.string(),
      startDate: z.string(),
      endDate: z.string().nullable(),
    }),
  ),
  projects: z.array(z.object({ id: z.string(), code: z.string(), name: localizedText })),
  alsoKnownElsewhere: z.boolean(),
  attended: z.array(z.object({ workshopId: z.string(), projectId: z.string(), title: z.string(), day: z.string(), institutionName: z.string().nullable() })),
  canCurate: z.boolean(),
});

export const listParticipantsOutput = pageOf(
  z.object({
    id: z.string(),
    givenNames: z.string(),
    familyNames: z.string(),
    sex: z.enum(participantSexes),
    position: z.string(),
    isErased: z.boolean(),
    institutionId: z.string().nullable(),
    institutionName: z.string().nullable(),
  }),
);

export const updateParticipantOutput = mergeParticipantsOutput;

export const exportParticipantsOutput = { file: [fileTypes.csv, fileTypes.xlsx] } as const;
