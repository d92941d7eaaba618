import "server-only";
import { and, count, eq, inArray } from "drizzle-orm";
import { studies, workshops, type Study } from "@/db/schema";
import { UseCaseError } from "@/lib/result";
import type { UseCaseCtx } from "@/lib/use-case";

export async function loadStudy(ctx: UseCaseCtx, projectId: string, studyId: string): Promise<Study> {
  const [study] = await ctx.db
    .select()
    .from(studies)
    .where(and(eq(studies.id, studyId), eq(studies.projectId, projectId)))
    .limit(1);
  if (!study) throw new UseCaseError("not_found");
  return study;
}

/** A workshop named as evidence or as a source must be one of the project's. */
export async function assertProjectWorkshops(ctx: UseCaseCtx, projectId: string, workshopIds: string[], field: string) {
  const unique = [...new Set(workshopIds)];
  if (unique.length === 0) return;
  const [found] = await ctx.db
    .select({ n: count() })
    .from(workshops)
    .where(and(eq(workshops.projectId, projectId), inArray(workshops.id, unique)));
  if (Number(found?.n) !== unique.length) throw new UseCaseError("invalid", { [field]: { key: "notProjectWorkshop" } });
}
