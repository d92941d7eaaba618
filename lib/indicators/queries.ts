import { and, asc, eq } from "drizzle-orm";
import { indicators, reportingPeriods, type Indicator } from "@/db/schema";
import { UseCaseError } from "@/lib/result";
import type { UseCaseCtx } from "@/lib/use-case";

/** One of the project's indicators, or "not found" (another project's is not found either). */
export async function loadIndicator(ctx: UseCaseCtx, projectId: string, indicatorId: string): Promise<Indicator> {
  const [row] = await ctx.db
    .select()
    .from(indicators)
    .where(and(eq(indicators.id, indicatorId), eq(indicators.projectId, projectId)))
    .limit(1);
  if (!row) throw new UseCaseError("not_found");
  return row;
}

/** The project's periods, in time order. */
export async function loadPeriods(ctx: UseCaseCtx, projectId: string) {
  return ctx.db.select().from(reportingPeriods).where(eq(reportingPeriods.projectId, projectId)).orderBy(asc(reportingPeriods.startDate), asc(reportingPeriods.name));
}
