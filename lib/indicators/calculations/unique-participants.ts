import { and, eq, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import { attendance, institutions, participants, workshops } from "@/db/schema";
import type { UseCaseCtx } from "@/lib/use-case";
import {
  attendanceConditions,
  attendedFilters,
  byPersonGroups,
  checkAttendanceFilters,
  filterClauses,
  groupSums,
  personGroupKeys,
  personGroups,
  type AttendanceFilters,
} from "./attendance-scope";
import type { Actual, Calculation, Window } from "./calculation";

const params = z.object({
  kind: z.literal("unique_participants"),
  ...attendedFilters,
  minDays: z.coerce.number().int().min(1).max(365).default(1),
});

/**
 * Unique people whose attendance records within the window meet the filters, `also` and `minDays`.
 * A person counts once, in the groups of the institution they had on their last day counted, so
 * each disaggregation adds up to the total. The n is their attendance records (person-days).
 */
export async function countPeople(ctx: UseCaseCtx, projectId: string, p: AttendanceFilters, window: Window, minDays: number, also?: SQL): Promise<Actual> {
  const people = ctx.db
    .select({
      participantId: attendance.participantId,
      records: sql<number>`count(*)::int`.as("records"),
      lastInstitutionId: sql<string | null>`(array_agg(${attendance.institutionId} order by ${attendance.day} desc, ${attendance.recordedAt} desc))[1]`.as("last_institution_id"),
    })
    .from(attendance)
    .innerJoin(workshops, eq(workshops.id, attendance.workshopId))
    .leftJoin(institutions, eq(institutions.id, attendance.institutionId))
    .where(and(attendanceConditions(projectId, p, window), also))
    .groupBy(attendance.participantId)
    .having(sql`count(*) >= ${minDays}`)
    .as("people");
  const rows = await ctx.db
    .select({
      ...personGroups,
      count: sql<number>`count(*)::int`,
      records: sql<number>`sum(${people.records})::int`,
    })
    .from(people)
    .innerJoin(participants, eq(participants.id, people.participantId))
    .leftJoin(institutions, eq(institutions.id, people.lastInstitutionId))
    .groupBy(...byPersonGroups);
  const value = rows.reduce((sum, r) => sum + r.count, 0);
  return { value, n: rows.reduce((sum, r) => sum + r.records, 0), groups: groupSums(rows, personGroupKeys) };
}

/**
 * Unique people who attended at least `minDays` days of the project's workshops.
 */
export const uniqueParticipants: Calculation<typeof params> = {
  kind: "unique_participants",
  params,
  unitOf: () => "number",
  disaggregations: personGroupKeys,
  check: (ctx, projectId, p) => checkAttendanceFilters(ctx, projectId, p),
  compute: (ctx, projectId, p, window) => countPeople(ctx, projectId, p, window, p.minDays),
  words: (p, names) => ({ key: "unique_participants", values: { minDays: p.minDays }, filters: filterClauses(p, names) }),
};
