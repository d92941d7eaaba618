import { and, asc, eq, sql, type SQL } from "drizzle-orm";
import { attendance, attendanceExcuses, institutions, participants, workshopInvitations } from "@/db/schema";
import type { AttendanceStatus, InstitutionSector, ParticipantSex } from "@/db/schema/values";
import { visibleParticipants } from "@/lib/participants/visibility";
import { containsPattern, sortable, toSearchText } from "@/lib/search-text";
import type { UseCaseCtx } from "@/lib/use-case";
import { countDay, type DayCounts } from "./day-counts";

export type PresentPerson = {
  participantId: string;
  givenNames: string;
  familyNames: string;
  sex: ParticipantSex;
  institutionName: string | null;
  status: AttendanceStatus;
  recordedAt: Date;
};

/** Who is present on one day of a workshop, latest first, with the day's live counters. */
export async function presentOn(ctx: UseCaseCtx, workshopId: string, day: string): Promise<{ present: PresentPerson[]; counts: DayCounts }> {
  const present = await ctx.db
    .select({
      participantId: attendance.participantId,
      givenNames: participants.givenNames,
      familyNames: participants.familyNames,
      sex: participants.sex,
      institutionName: institutions.name,
      sector: institutions.sector,
      status: attendance.status,
      recordedAt: attendance.recordedAt,
    })
    .from(attendance)
    .innerJoin(participants, eq(participants.id, attendance.participantId))
    .leftJoin(institutions, eq(institutions.id, attendance.institutionId))
    .where(and(eq(attendance.workshopId, workshopId), eq(attendance.day, day)))
    .orderBy(sql`${attendance.recordedAt} desc`, asc(attendance.id));
  return { present: present.map(({ sector: _sector, ...p }) => p), counts: countDay(present) };
}

export type CheckInCandidate = {
  id: string;
  givenNames: string;
  familyNames: string;
  sex: ParticipantSex;
  institutionName: string | null;
  sector: InstitutionSector | null;
  /** Why they are proposed first: their institution was invited, or they came on another day. */
  group: "invited" | "earlierDay" | "directory";
  present: boolean;
};

/**
 * Search-as-you-type for the check-in screen: every word typed must appear in the name, accents
 * and case aside. People of invited institutions and those who came on other days come first;
 * with nothing typed, only they are listed.
 */
export async function searchCandidates(ctx: UseCaseCtx, workshopId: string, day: string, q: string): Promise<CheckInCandidate[]> {
  const words = toSearchText(q).split(" ").filter(Boolean);
  return findCandidates(ctx, workshopId, day, words, words.length ? 20 : 60);
}

/** The people expected at a workshop (invited institutions' staff, those who came on other days), all of them. */
export async function expectedPeople(ctx: UseCaseCtx, workshopId: string, day: string): Promise<CheckInCandidate[]> {
  return findCandidates(ctx, workshopId, day, [], null);
}

async function findCandidates(ctx: UseCaseCtx, workshopId: string, day: string, words: string[], limit: number | null): Promise<CheckInCandidate[]> {
  const invited = sql`${participants.institutionId} in (select ${workshopInvitations.institutionId} from ${workshopInvitations} where ${workshopInvitations.workshopId} = ${workshopId})`;
  const earlierDay = sql`exists (select 1 from ${attendance} a where a.workshop_id = ${workshopId} and a.participant_id = ${participants.id} and a.day <> ${day})`;
  const present = sql<boolean>`exists (select 1 from ${attendance} a where a.workshop_id = ${workshopId} and a.participant_id = ${participants.id} and a.day = ${day})`;
  const group = sql<CheckInCandidate["group"]>`case when ${invited} then 'invited' when ${earlierDay} then 'earlierDay' else 'directory' end`;
  const filters: (SQL | undefined)[] = [
    eq(participants.isErased, false),
    visibleParticipants(ctx),
    ...words.map((w) => sql`${participants.searchText} like ${containsPattern(w)}`),
  ];
  // Nothing typed: start from the workshop's own people (through its indexes), not the directory.
  if (words.length === 0) {
    filters.push(sql`${participants.id} in (
      select a.participant_id from ${attendance} a where a.workshop_id = ${workshopId}
      union
      select e.participant_id from ${attendanceExcuses} e where e.workshop_id = ${workshopId}
      union
      select p.id from ${participants} p join ${workshopInvitations} i on i.institution_id = p.institution_id where i.workshop_id = ${workshopId})`);
  }
  const query = ctx.db
    .select({
      id: participants.id,
      givenNames: participants.givenNames,
      familyNames: participants.familyNames,
      sex: participants.sex,
      institutionName: institutions.name,
      sector: institutions.sector,
      group,
      present,
    })
    .from(participants)
    .leftJoin(institutions, eq(institutions.id, participants.institutionId))
    .where(and(...filters))
    .orderBy(sql`${group} = 'directory'`, asc(sortable(participants.familyNames)), asc(sortable(participants.givenNames)), asc(participants.id));
  return limit === null ? query : query.limit(limit);
}
