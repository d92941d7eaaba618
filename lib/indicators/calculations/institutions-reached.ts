import { eq, isNotNull, and, sql } from "drizzle-orm";
import { z } from "zod";
import { attendance, institutions, workshops } from "@/db/schema";
import { attendanceConditions, attendedFilters, checkAttendanceFilters, filterClauses, groupSums } from "./attendance-scope";
import type { Calculation } from "./calculation";

const params = z.object({ kind: z.literal("institutions_reached"), ...attendedFilters });

const keys = ["sector", "institution_kind", "country"] as const;

/** Institutions reached: those at least one person attended for (the institution they had that day). The n is those attendances. */
export const institutionsReached: Calculation<typeof params> = {
  kind: "institutions_reached",
  params,
  unitOf: () => "number",
  disaggregations: keys,
  check: (ctx, projectId, p) => checkAttendanceFilters(ctx, projectId, p),
  async compute(ctx, projectId, p, window) {
    const reached = ctx.db
      .select({ institutionId: attendance.institutionId, records: sql<number>`count(*)::int`.as("records") })
      .from(attendance)
      .innerJoin(workshops, eq(workshops.id, attendance.workshopId))
      .leftJoin(institutions, eq(institutions.id, attendance.institutionId))
      .where(and(attendanceConditions(projectId, p, window), isNotNull(attendance.institutionId)))
      .groupBy(attendance.institutionId)
      .as("reached");
    const rows = await ctx.db
      .select({
        sector: institutions.sector,
        institution_kind: institutions.kind,
        country: institutions.country,
        count: sql<number>`count(*)::int`,
        records: sql<number>`sum(${reached.records})::int`,
      })
      .from(reached)
      .innerJoin(institutions, eq(institutions.id, reached.institutionId))
      .groupBy(institutions.sector, institutions.kind, institutions.country);
    return { value: rows.reduce((sum, r) => sum + r.count, 0), n: rows.reduce((sum, r) => sum + r.records, 0), groups: groupSums(rows, keys) };
  },
  words: (p, names) => ({ key: "institutions_reached", values: {}, filters: filterClauses(p, names) }),
};
