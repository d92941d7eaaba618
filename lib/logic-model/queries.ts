import "server-only";
import { and, asc, eq } from "drizzle-orm";
import { expectedResults, type ExpectedResult } from "@/db/schema";
import { UseCaseError } from "@/lib/result";
import type { UseCaseCtx } from "@/lib/use-case";

/** A project's expected results, parents before their children, each parent's children in order. */
export async function loadResults(ctx: UseCaseCtx, projectId: string): Promise<ExpectedResult[]> {
  const rows = await ctx.db.select().from(expectedResults).where(eq(expectedResults.projectId, projectId)).orderBy(asc(expectedResults.position), asc(expectedResults.code));
  const byParent = new Map<string | null, ExpectedResult[]>();
  for (const row of rows) byParent.set(row.parentId, [...(byParent.get(row.parentId) ?? []), row]);
  const ordered: ExpectedResult[] = [];
  const visit = (parentId: string | null) => {
    for (const row of byParent.get(parentId) ?? []) {
      ordered.push(row);
      visit(row.id);
    }
  };
  visit(null);
  return ordered;
}

/** One of the project's results, or "not found" (another project's result is not found either). */
export async function loadResult(ctx: UseCaseCtx, projectId: string, resultId: string, field?: string): Promise<ExpectedResult> {
  const [row] = await ctx.db
    .select()
    .from(expectedResults)
    .where(and(eq(expectedResults.id, resultId), eq(expectedResults.projectId, projectId)))
    .limit(1);
  if (!row) throw field ? new UseCaseError("invalid", { [field]: { key: "notProjectResult" } }) : new UseCaseError("not_found");
  return row;
}
