import { eq } from "drizzle-orm";
import { coordinationBodies, evaluationGroups, evaluationStatements, expectedResults } from "@/db/schema";
import { narrativeFor } from "@/lib/narrative";
import type { UseCaseCtx } from "@/lib/use-case";
import type { Names } from "./calculation";

/** The names a calculation's words cite, in the reader's language: output codes, bodies, statements, respondent groups. */
export async function namesFor(
  ctx: UseCaseCtx,
  params: { kind: string; outputId?: string | null; bodyId?: string | null; statementId?: string; groupId?: string | null },
): Promise<Names> {
  const [results, bodies, statements, groups] = await Promise.all([
    params.outputId ? ctx.db.select({ id: expectedResults.id, name: expectedResults.code }).from(expectedResults).where(eq(expectedResults.id, params.outputId)) : [],
    params.bodyId
      ? ctx.db
          .select({ id: coordinationBodies.id, name: coordinationBodies.acronym, full: coordinationBodies.name })
          .from(coordinationBodies)
          .where(eq(coordinationBodies.id, params.bodyId))
      : [],
    params.statementId
      ? ctx.db.select({ id: evaluationStatements.id, text: evaluationStatements.text }).from(evaluationStatements).where(eq(evaluationStatements.id, params.statementId))
      : [],
    params.groupId ? ctx.db.select({ id: evaluationGroups.id, text: evaluationGroups.name }).from(evaluationGroups).where(eq(evaluationGroups.id, params.groupId)) : [],
  ]);
  const inLocale = (rows: { id: string; text: Parameters<typeof narrativeFor>[0] }[]) => new Map(rows.map((r) => [r.id, narrativeFor(r.text, ctx.user.locale).text]));
  return {
    results: new Map(results.map((r) => [r.id, r.name])),
    bodies: new Map(bodies.map((b) => [b.id, b.name || b.full])),
    statements: inLocale(statements),
    groups: inLocale(groups),
  };
}
