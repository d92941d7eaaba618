import { and, eq, ne, sql } from "drizzle-orm";
import { z } from "zod";
import { actionFindings, findings, improvementActions, studies } from "@/db/schema";
import { percentOf } from "@/lib/evaluations/results";
import type { Calculation } from "./calculation";

const params = z.object({
  kind: z.literal("findings_answered"),
  as: z.enum(["count", "share"]).default("count"),
});

/**
 * Findings of the project's studies (drafts left out) answered by at least one improvement action
 * not dropped and begun by the window's end (an action with no start date counts from the day it
 * was recorded): as a count, or as a share of the findings. The n is the findings.
 */
export const findingsAnswered: Calculation<typeof params> = {
  kind: "findings_answered",
  params,
  unitOf: (p) => (p.as === "share" ? "percentage" : "number"),
  disaggregations: [],
  check: async () => ({}),
  async compute(ctx, projectId, p, window) {
    const begun = window.to ? sql`coalesce(${improvementActions.startDate}, ${improvementActions.createdAt}::date) <= ${window.to}` : sql`true`;
    const answered = sql`exists (select 1 from ${actionFindings} join ${improvementActions} on ${improvementActions.id} = ${actionFindings.actionId}
      where ${actionFindings.findingId} = ${findings.id} and ${improvementActions.status} <> 'dropped' and ${begun})`;
    const [row] = await ctx.db
      .select({ all: sql<number>`count(*)::int`, answered: sql<number>`(count(*) filter (where ${answered}))::int` })
      .from(findings)
      .innerJoin(studies, eq(studies.id, findings.studyId))
      .where(and(eq(studies.projectId, projectId), ne(findings.status, "draft")));
    const all = row?.all ?? 0;
    const part = row?.answered ?? 0;
    if (p.as === "count") return { value: part, n: all, part, groups: {} };
    return all === 0 ? { value: null, n: 0, groups: {} } : { value: percentOf(part, all), n: all, part, groups: {} };
  },
  words: (p) => ({ key: `findings_answered_${p.as}`, values: {}, filters: [] }),
};
