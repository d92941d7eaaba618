import { and, eq, ne, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import { actionUpdates, improvementActions, resultLinks } from "@/db/schema";
import { percentOf } from "@/lib/evaluations/results";
import { attendanceFilters, checkAttendanceFilters, filterClauses, windowOf } from "./attendance-scope";
import type { Calculation, Window } from "./calculation";

const params = z.object({
  kind: z.literal("actions_done"),
  /** Done at all, or done by the due date. */
  measure: z.enum(["done", "done_on_time"]).default("done"),
  /** How many, or what share of the actions due in the period. */
  as: z.enum(["count", "share"]).default("count"),
  outputId: attendanceFilters.outputId,
  cumulative: attendanceFilters.cumulative,
});
const noOtherFilter = { workshopType: null, sector: null, institutionKind: null, level: null, bodyId: null } as const;

/** The day an action was marked done: its last update that made it so, else the day it was recorded as done. */
const doneDay = sql<string>`coalesce((select max(${actionUpdates.createdAt})::date from ${actionUpdates}
  where ${actionUpdates.actionId} = ${improvementActions.id} and ${actionUpdates.changes} -> 'status' ->> 'after' = 'done'), ${improvementActions.createdAt}::date)`;
const isDone = eq(improvementActions.status, "done");
const onTime = sql`${doneDay} <= ${improvementActions.dueDate}`;
const within = (day: SQL | typeof improvementActions.dueDate, w: Window) => and(w.from ? sql`${day} >= ${w.from}` : undefined, w.to ? sql`${day} <= ${w.to}` : undefined);

/**
 * Improvement actions done, or done by their due date: as a count of those marked done within the
 * window, or as a share of the actions due within it (dropped ones left out). The n is the actions
 * counted, or the actions due.
 */
export const actionsDone: Calculation<typeof params> = {
  kind: "actions_done",
  params,
  unitOf: (p) => (p.as === "share" ? "percentage" : "number"),
  disaggregations: [],
  check: (ctx, projectId, p) => checkAttendanceFilters(ctx, projectId, { ...p, ...noOtherFilter }),
  async compute(ctx, projectId, p, window) {
    const w = windowOf(p, window);
    const done = p.measure === "done_on_time" ? and(isDone, onTime) : isDone;
    const ofProject = and(
      eq(improvementActions.projectId, projectId),
      p.outputId ? sql`exists (select 1 from ${resultLinks} where ${resultLinks.actionId} = ${improvementActions.id} and ${resultLinks.resultId} = ${p.outputId})` : undefined,
    );
    if (p.as === "count") {
      const [row] = await ctx.db
        .select({ count: sql<number>`count(*)::int` })
        .from(improvementActions)
        .where(and(ofProject, done, within(doneDay, w)));
      const value = row?.count ?? 0;
      return { value, n: value, groups: {} };
    }
    const [row] = await ctx.db
      .select({ due: sql<number>`count(*)::int`, done: sql<number>`(count(*) filter (where ${done}))::int` })
      .from(improvementActions)
      .where(and(ofProject, ne(improvementActions.status, "dropped"), sql`${improvementActions.dueDate} is not null`, within(improvementActions.dueDate, w)));
    const due = row?.due ?? 0;
    const part = row?.done ?? 0;
    return due === 0 ? { value: null, n: 0, groups: {} } : { value: percentOf(part, due), n: due, part, groups: {} };
  },
  words: (p, names) => ({ key: `actions_done_${p.as}_${p.measure}`, values: {}, filters: filterClauses({ ...p, ...noOtherFilter }, names) }),
};
