import { eq, sql } from "drizzle-orm";
import { z } from "zod";
import { attendance, institutions, participants, workshops } from "@/db/schema";
import { attendanceConditions, attendanceFilters, byPersonGroups, checkAttendanceFilters, filterClauses, groupSums, personGroupKeys, personGroups } from "./attendance-scope";
import type { Calculation } from "./calculation";

const params = z.object({
  kind: z.literal("unique_participants"),
  ...attendanceFilters,
  minDays: z.coerce.number().int().min(1).max(365).default(1),
});

/**
 * Unique people who attended at least `minDays` days of the project's workshops. A person counts
 * once, in the groups of the institution they had on their last day counted, so each
 * disaggregation adds up to the total. The n is their attendance records (person-days).
 */
export const uniqueParticipants: Calculation<typeof params> = {
  kind: "unique_participants",
  params,
  unitOf: () => "number",
  disaggregations: personGroupKeys,
  check: (ctx, projectId, p) => checkAttendanceFilters(ctx, projectId, p),
  async compute(ctx, projectId, p, window) {
    const people = ctx.db
      .select({
        participantId: attendance.participantId,
        records: sql<number>`count(*)::int`.as("records"),
        lastInstitutionId: sql<string | null>`(array_agg(${attendance.institutionId} order by ${attendance.day} desc, ${attendance.recordedAt} desc))[1]`.as("last_institution_id"),
      })
      .from(attendance)
      .innerJoin(workshops, eq(workshops.id, attendance.workshopId))
      .leftJoin(institutions, eq(institutions.id, attendance.institutionId))
      .where(attendanceConditions(projectId, p, window))
      .groupBy(attendance.participantId)
      .having(sql`count(*) >= ${p.minDays}`)
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
  },
  words: (p, names) => ({ key: "unique_participants", values: { minDays: p.minDays }, filters: filterClauses(p, names) }),
};
