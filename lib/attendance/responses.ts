import { z } from "zod";
import { attendanceStatuses, institutionSectors, participantSexes } from "@/db/schema/values";
import { fileTypes } from "@/lib/http/declaration";
import { fieldErrors } from "@/lib/imports/responses";
import { institutionRow } from "@/lib/institutions/responses";
import { workshopRow } from "@/lib/workshops/responses";

/** What each use case of this domain answers (its `http.response`): the API document shows it, the authorization matrix checks it. */

/** A person as the check-in screens show them. */
const rosterPerson = z.object({
  givenNames: z.string(),
  familyNames: z.string(),
  sex: z.enum(participantSexes),
  institutionName: z.string().nullable(),
  sector: z.enum(institutionSectors).nullable(),
});

/** The attendance of a day or of the whole workshop, broken down. */
const breakdown = z.array(z.object({ key: z.string(), label: z.string(), count: z.number() }));
const tally = z.object({
  attendances: z.number(),
  late: z.number(),
  leftEarly: z.number(),
  excused: z.number(),
  participants: z.number(),
  bySex: breakdown,
  bySector: breakdown,
  byKind: breakdown,
  byInstitution: breakdown,
  byBody: breakdown,
});

const recordCheckInShape = z.object({
  id: z.string(),
  outcome: z.enum(["checked_in", "already_present", "excused", "undone", "not_present", "refused"]),
  reason: z.enum(["dayOutsideWorkshop", "workshopCancelled", "unknownParticipant", "idTaken"]).optional(),
  replayed: z.boolean(),
});

export const recordCheckInsOutput = z.array(recordCheckInShape);

export const getOfflineRosterOutput = z.object({
  workshop: workshopRow.pick({ id: true, projectId: true, title: true, status: true, startDate: true, endDate: true }),
  days: z.array(z.string()),
  people: z.array(rosterPerson.extend({ id: z.string(), invited: z.boolean() })),
  present: z.array(rosterPerson.extend({ participantId: z.string(), day: z.string(), status: z.enum(attendanceStatuses) })),
  excused: z.array(z.object({ participantId: z.string(), day: z.string(), reason: z.string() })),
  institutions: z.array(institutionRow.pick({ id: true, name: true, acronym: true, sector: true })),
  preparedAt: z.string(),
});

export const getWorkshopReportOutput = z.object({
  absentInstitutions: z.array(institutionRow.pick({ id: true, name: true, acronym: true })),
  attendees: z
    .array(
      z.object({
        participantId: z.string(),
        givenNames: z.string(),
        familyNames: z.string(),
        isErased: z.boolean(),
        institutionName: z.string().nullable(),
        days: z.array(z.object({ day: z.string(), status: z.enum(attendanceStatuses) })),
        excused: z.array(z.object({ day: z.string(), reason: z.string() })),
        rate: z.number(),
      }),
    )
    .nullable(),
  days: z.array(z.object({ day: z.string() }).extend(tally.shape)),
  overall: tally.extend({ everyDay: z.number(), someDays: z.number() }),
  workshop: workshopRow.pick({ id: true, title: true, type: true, city: true, startDate: true, endDate: true, language: true }),
});

export const getAttendanceDayOutput = z.object({
  present: z.array(
    z.object({
      participantId: z.string(),
      givenNames: z.string(),
      familyNames: z.string(),
      sex: z.enum(participantSexes),
      institutionName: z.string().nullable(),
      status: z.enum(attendanceStatuses),
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
    noInstitution: z.number(),
  }),
});

export const searchCheckInOutput = z.array(
  z
    .object({ id: z.string() })
    .extend(rosterPerson.shape)
    .extend({ group: z.enum(["directory", "invited", "earlierDay"]), present: z.boolean() }),
);

export const syncOutboxOutput = z.array(
  z.union([
    recordCheckInShape,
    z.object({
      id: z.string(),
      outcome: z.enum(["refused", "created", "already_created"]),
      reason: z.literal("invalid").optional(),
      fieldErrors: fieldErrors.optional(),
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
