import { and, eq, gte, lte, sql } from "drizzle-orm";
import { z } from "zod";
import { resultLinks, workshops } from "@/db/schema";
import { attendanceFilters, checkAttendanceFilters, filterClauses, windowOf } from "./attendance-scope";
import type { Calculation } from "./calculation";

const params = z.object({
  kind: z.literal("workshops_held"),
  workshopType: attendanceFilters.workshopType,
  outputId: attendanceFilters.outputId,
  cumulative: attendanceFilters.cumulative,
});
const noInstitutionFilter = { sector: null, institutionKind: null, level: null, bodyId: null } as const;

/** Workshops held (not planned or cancelled) that started within the window. */
export const workshopsHeld: Calculation<typeof params> = {
  kind: "workshops_held",
  params,
  unitOf: () => "number",
  disaggregations: [],
  check: (ctx, projectId, p) => checkAttendanceFilters(ctx, projectId, { ...p, ...noInstitutionFilter }),
  async compute(ctx, projectId, p, window) {
    const w = windowOf(p, window);
    const [row] = await ctx.db
      .select({ count: sql<number>`count(*)::int` })
      .from(workshops)
      .where(
        and(
          eq(workshops.projectId, projectId),
          eq(workshops.status, "held"),
          w.from ? gte(workshops.startDate, w.from) : undefined,
          w.to ? lte(workshops.startDate, w.to) : undefined,
          p.workshopType ? eq(workshops.type, p.workshopType) : undefined,
          p.outputId ? sql`exists (select 1 from ${resultLinks} where ${resultLinks.workshopId} = ${workshops.id} and ${resultLinks.resultId} = ${p.outputId})` : undefined,
        ),
      );
    const value = row?.count ?? 0;
    return { value, n: value, groups: {} };
  },
  words: (p, names) => ({ key: "workshops_held", values: {}, filters: filterClauses({ ...p, ...noInstitutionFilter }, names) }),
};
