import { z } from "zod";
import { institutionSectors, locales, participantSexes, workshopStatuses, workshopTypes } from "@/db/schema/values";
import { fileTypes } from "@/lib/http/declaration";

/** What each use case of this domain answers (its `http.response`): the API document shows it, the authorization matrix checks it. */

const recordCheckInShape = z.object({
  id: z.string(),
  outcome: z.enum(["checked_in", "already_present", "undone", "not_present", "refused"]),
  reason: z.enum(["dayOutsideWorkshop", "workshopCancelled", "unknownParticipant", "idTaken"]).optional(),
  replayed: z.boolean(),
});

export const recordCheckInsOutput = z.array(recordCheckInShape);

export const getOfflineRosterOutput = z.object({
  workshop: z.object({
    id: z.string(),
    projectId: z.string(),
    title: z.string(),
    status: z.enum(workshopStatuses),
    startDate: z.string(),
    endDate: z.string(),
  }),
  days: z.array(z.string()),
  people: z.array(
    z.object({
      givenNames: z.string(),
      familyNames: z.string(),
      sex: z.enum(participantSexes),
      institutionName: z.string().nullable(),
      sector: z.enum(institutionSectors).nullable(),
      id: z.string(),
      invited: z.boolean(),
    }),
  ),
  present: z.array(
    z.object({
      givenNames: z.string(),
      familyNames: z.string(),
      sex: z.enum(participantSexes),
      institutionName: z.string().nullable(),
      sector: z.enum(institutionSectors).nullable(),
      participantId: z.string(),
      day: z.string(),
    }),
  ),
  institutions: z.array(z.object({ id: z.string(), name: z.string(), acronym: z.string(), sector: z.enum(institutionSectors) })),
  preparedAt: z.string(),
});

export const getWorkshopReportOutput = z.object({
  absentInstitutions: z.array(z.object({ id: z.string(), name: z.string(), acronym: z.string() })),
  attendees: z
    .array(
      z.object({
        participantId: z.string(),
        givenNames: z.string(),
        familyNames: z.string(),
        isErased: z.boolean(),
        institutionName: z.string().nullable(),
        days: z.array(z.string()),
      }),
    )
    .nullable(),
  days: z.array(
    z.object({
      day: z.string(),
      attendances: z.number(),
      participants: z.number(),
      bySex: z.array(z.object({ key: z.string(), label: z.string(), count: z.number() })),
      bySector: z.array(z.object({ key: z.string(), label: z.string(), count: z.number() })),
      byKind: z.array(z.object({ key: z.string(), label: z.string(), count: z.number() })),
      byInstitution: z.array(z.object({ key: z.string(), label: z.string(), count: z.number() })),
      byBody: z.array(z.object({ key: z.string(), label: z.string(), count: z.number() })),
    }),
  ),
  overall: z.object({
    attendances: z.number(),
    participants: z.number(),
    bySex: z.array(z.object({ key: z.string(), label: z.string(), count: z.number() })),
    bySector: z.array(z.object({ key: z.string(), label: z.string(), count: z.number() })),
    byKind: z.array(z.object({ key: z.string(), label: z.string(), count: z.number() })),
    byInstitution: z.array(z.object({ key: z.string(), label: z.string(), count: z.number() })),
    byBody: z.array(z.object({ key: z.string(), label: z.string(), count: z.number() })),
    everyDay: z.number(),
    someDays: z.number(),
  }),
  workshop: z.object({
    id: z.string(),
    title: z.string(),
    type: z.enum(workshopTypes),
    city: z.string(),
    startDate: z.string(),
    endDate: z.string(),
    language: z.enum(locales),
  }),
});

export const getAttendanceDayOutput = z.object({
  present: z.array(
    z.object({
      participantId: z.string(),
      givenNames: z.string(),
      familyNames: z.string(),
      sex: z.enum(participantSexes),
      institutionName: z.string().nullable(),
      recordedAt: z.date(),
    }),
  ),
  counts: z.object({
    present: z.number(),
    women: z.number(),
    men: z.number(),
    otherSex: z.number(),
    state: z.number(),
    civilSociety: z.number(),
    otherSector: z.number(),
  }),
});

export const searchCheckInOutput = z.array(
  z.object({
    id: z.string(),
    givenNames: z.string(),
    familyNames: z.string(),
    sex: z.enum(participantSexes),
    institutionName: z.string().nullable(),
    sector: z.enum(institutionSectors).nullable(),
    group: z.enum(["directory", "invited", "earlierDay"]),
    present: z.boolean(),
  }),
);

export const syncOutboxOutput = z.array(
  z.union([
    recordCheckInShape,
    z.object({
      id: z.string(),
      outcome: z.enum(["refused", "created", "already_created"]),
      reason: z.literal("invalid").optional(),
      fieldErrors: z
        .record(z.string(), z.object({ key: z.string(), values: z.record(z.string(), z.union([z.string(), z.number()])).optional() }))
        .optional(),
    }),
    z.object({ id: z.string(), outcome: z.literal("refused"), reason: z.literal("otherUser") }),
  ]),
);

export const getProjectAttendanceTotalsOutput = z.object({
  workshopsHeld: z.number(),
  attendances: z.number(),
  participants: z.number(),
  women: z.number(),
  men: z.number(),
  institutions: z.number(),
});

export const getWorkshopReportFileOutput = { file: [fileTypes.xlsx, fileTypes.pdf] } as const;

export const getSignInSheetOutput = { file: [fileTypes.pdf] } as const;
