import { eq, sql } from "drizzle-orm";
import { z } from "zod";
import { attendance, institutions, participants, workshops } from "@/db/schema";
import { attendanceConditions, attendanceFilters, checkAttendanceFilters, filterClauses, groupSums } from "./attendance-scope";
import type { Calculation } from "./calculation";

const params = z.object({ kind: z.literal("attendances"), ...attendanceFilters });

const keys = ["sex", "sector", "institution_kind", "country"] as const;

/** Attendances (person-days): one per person per day of a workshop, in the groups of the institution the person had that day. */
export const attendances: Calculation<typeof params> = {
  kind: "attendances",
  params,
  unitOf: () => "number",
  disaggregations: keys,
  check: (ctx, projectId, p) => checkAttendanceFilters(ctx, projectId, p),
  async compute(ctx, projectId, p, window) {
    const rows = await ctx.db
      .select({
        sex: participants.sex,
        sector: institutions.sector,
        institution_kind: institutions.kind,
        country: institutions.country,
        count: sql<number>`count(*)::int`,
      })
      .from(attendance)
      .innerJoin(workshops, eq(workshops.id, attendance.workshopId))
      .innerJoin(participants, eq(participants.id, attendance.participantId))
      .leftJoin(institutions, eq(institutions.id, attendance.institutionId))
      .where(attendanceConditions(projectId, p, window))
      .groupBy(participants.sex, institutions.sector, institutions.kind, institutions.country);
    const value = rows.reduce((sum, r) => sum + r.count, 0);
    return { value, n: value, groups: groupSums(rows, keys) };
  },
  words: (p, names) => ({ key: "attendances", values: {}, filters: filterClauses(p, names) }),
};
