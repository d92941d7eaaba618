import "server-only";
import { and, eq } from "drizzle-orm";
import { workshops, type Workshop } from "@/db/schema";
import { UseCaseError } from "@/lib/result";
import type { UseCaseCtx } from "@/lib/use-case";

/** A workshop of the project named in the input, or "not found" (never another project's). */
export async function loadWorkshop(ctx: UseCaseCtx, projectId: string, workshopId: string): Promise<Workshop> {
  const [workshop] = await ctx.db
    .select()
    .from(workshops)
    .where(and(eq(workshops.id, workshopId), eq(workshops.projectId, projectId)))
    .limit(1);
  if (!workshop) throw new UseCaseError("not_found");
  return workshop;
}

/** The columns that sum up a workshop in a list or a report. */
export const workshopSummaryColumns = {
  id: workshops.id,
  title: workshops.title,
  type: workshops.type,
  city: workshops.city,
  startDate: workshops.startDate,
  endDate: workshops.endDate,
  status: workshops.status,
};
