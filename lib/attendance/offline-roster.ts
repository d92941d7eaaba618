import { asc, desc, eq } from "drizzle-orm";
import { attendance, attendanceExcuses, institutions, participants, type Workshop } from "@/db/schema";
import type { AttendanceStatus, InstitutionSector, ParticipantSex, WorkshopStatus } from "@/db/schema/values";
import { sortable } from "@/lib/search-text";
import type { UseCaseCtx } from "@/lib/use-case";
import { workshopDays } from "@/lib/workshops/days";
import { expectedPeople } from "./roster";

type Shown = { givenNames: string; familyNames: string; sex: ParticipantSex; institutionName: string | null; sector: InstitutionSector | null };
export type RosterPerson = Shown & { id: string; invited: boolean };
/** Someone present on a day, with the institution recorded with that attendance. */
export type RosterPresence = Shown & { participantId: string; day: string; status: AttendanceStatus };
/** Someone excused on a day, with the reason given. */
export type RosterExcuse = { participantId: string; day: string; reason: string };

export type OfflineRoster = {
  workshop: { id: string; projectId: string; title: string; status: WorkshopStatus; startDate: string; endDate: string };
  days: string[];
  people: RosterPerson[];
  /** Latest first, as the check-in screen lists them. */
  present: RosterPresence[];
  excused: RosterExcuse[];
  institutions: { id: string; name: string; acronym: string; sector: InstitutionSector }[];
  preparedAt: string;
};

/** The offline roster of a workshop the caller may check people in at (getOfflineRoster says what it holds). */
export async function offlineRosterOf(ctx: UseCaseCtx, workshop: Workshop): Promise<OfflineRoster> {
  const days = workshopDays(workshop.startDate, workshop.endDate);
  const [people, present, excused, directory] = await Promise.all([
    expectedPeople(ctx, workshop.id, days[0]!),
    // As the server counts a day: the institution recorded with each attendance, and erased
    // people too (their attendance stays, nameless).
    ctx.db
      .select({
        participantId: attendance.participantId,
        day: attendance.day,
        status: attendance.status,
        givenNames: participants.givenNames,
        familyNames: participants.familyNames,
        sex: participants.sex,
        institutionName: institutions.name,
        sector: institutions.sector,
      })
      .from(attendance)
      .innerJoin(participants, eq(participants.id, attendance.participantId))
      .leftJoin(institutions, eq(institutions.id, attendance.institutionId))
      .where(eq(attendance.workshopId, workshop.id))
      .orderBy(desc(attendance.recordedAt), asc(attendance.id)),
    ctx.db
      .select({ participantId: attendanceExcuses.participantId, day: attendanceExcuses.day, reason: attendanceExcuses.reason })
      .from(attendanceExcuses)
      .where(eq(attendanceExcuses.workshopId, workshop.id))
      .orderBy(desc(attendanceExcuses.recordedAt)),
    ctx.db
      .select({ id: institutions.id, name: institutions.name, acronym: institutions.acronym, sector: institutions.sector })
      .from(institutions)
      .where(eq(institutions.isActive, true))
      .orderBy(asc(sortable(institutions.name))),
  ]);
  return {
    workshop: { id: workshop.id, projectId: workshop.projectId, title: workshop.title, status: workshop.status, startDate: workshop.startDate, endDate: workshop.endDate },
    days,
    // Whether someone came on another day depends on the day chosen, so the device works it out.
    people: people.map(({ id, givenNames, familyNames, sex, institutionName, sector, group }) => ({
      id,
      givenNames,
      familyNames,
      sex,
      institutionName,
      sector,
      invited: group === "invited",
    })),
    present,
    excused,
    institutions: directory,
    preparedAt: new Date().toISOString(),
  };
}
