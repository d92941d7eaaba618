import { eq, sql } from "drizzle-orm";
import { z } from "zod";
import { attendance, institutions, participants, workshops } from "@/db/schema";
import { attendanceConditions, attendedFilters, byPersonGroups, checkAttendanceFilters, filterClauses, groupSums, personGroupKeys, personGroups } from "./attendance-scope";
import type { Calculation } from "./calculation";

const params = z.object({ kind: z.literal("attendances"), ...attendedFilters });

/** Attendances (person-days): one per person per day of a workshop, in the groups of the institution the person had that day. */
export const attendances: Calculation<typeof params> = {
  kind: "attendances",
  params,
  unitOf: () => "number",
  disaggregations: personGroupKeys,
  check: (ctx, projectId, p) => checkAttendanceFilters(ctx, projectId, p),
  async compute(ctx, projectId, p, window) {
    const rows = await ctx.db
      .select({
        ...personGroups,
        count: sql<number>`count(*)::int`,
      })
      .from(attendance)
      .innerJoin(workshops, eq(workshops.id, attendance.workshopId))
      .innerJoin(participants, eq(participants.id, attendance.participantId))
      .leftJoin(institutions, eq(institutions.id, attendance.institutionId))
      .where(attendanceConditions(projectId, p, window))
      .groupBy(...byPersonGroups);
    const value = rows.reduce((sum, r) => sum + r.count, 0);
    return { value, n: value, groups: groupSums(rows, personGroupKeys) };
  },
  words: (p, names) => ({ key: "attendances", values: {}, filters: filterClauses(p, names) }),
};
