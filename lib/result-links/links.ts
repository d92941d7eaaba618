import "server-only";
import { and, asc, count, eq, inArray } from "drizzle-orm";
import { expectedResults, resultLinks, type FieldChanges } from "@/db/schema";
import type { ResultLevel } from "@/db/schema/values";
import { changeOf } from "@/lib/audit";
import { UseCaseError } from "@/lib/result";
import type { UseCaseCtx } from "@/lib/use-case";

/** What can be linked to a result: activities to outputs, a finding to the outcome it informs. */
export type LinkKind = "workshop" | "mission" | "action" | "finding";

const column = {
  workshop: resultLinks.workshopId,
  mission: resultLinks.missionId,
  action: resultLinks.actionId,
  finding: resultLinks.findingId,
} as const;

const outcomeLevels: ResultLevel[] = ["ultimate", "intermediate", "immediate"];
const levelsFor = (kind: LinkKind): ResultLevel[] => (kind === "finding" ? outcomeLevels : ["output"]);

/** The ids of the results `entityId` is linked to, sorted as the audit records them. */
export async function linkedResultIds(ctx: UseCaseCtx, kind: LinkKind, entityId: string): Promise<string[]> {
  const rows = await ctx.db.select({ id: resultLinks.resultId }).from(resultLinks).where(eq(column[kind], entityId));
  return rows.map((r) => r.id).sort();
}

/** The results `entityId` is linked to, by code, as its page shows them. */
export async function linkedResults(ctx: UseCaseCtx, kind: LinkKind, entityId: string) {
  return ctx.db
    .select({ id: expectedResults.id, code: expectedResults.code, level: expectedResults.level, statement: expectedResults.statement })
    .from(resultLinks)
    .innerJoin(expectedResults, eq(expectedResults.id, resultLinks.resultId))
    .where(eq(column[kind], entityId))
    .orderBy(asc(expectedResults.code));
}

/** The audit's record of a change of links: under `field`, the sorted ids before and after. */
export function resultLinksChange(field: string, before: string[] | null, after: string[]): FieldChanges {
  return changeOf(field, before, [...new Set(after)].sort());
}

/**
 * Refuses, at `field`, any id that is not one of the project's outputs (or outcomes, for a
 * finding): another project's result is refused like an unknown one.
 */
export async function assertResultsLinkable(ctx: UseCaseCtx, projectId: string, kind: LinkKind, resultIds: string[], field: string) {
  const wanted = [...new Set(resultIds)];
  if (wanted.length === 0) return;
  const found = await ctx.db
    .select({ id: expectedResults.id })
    .from(expectedResults)
    .where(and(eq(expectedResults.projectId, projectId), inArray(expectedResults.id, wanted), inArray(expectedResults.level, levelsFor(kind))));
  if (found.length !== wanted.length) throw new UseCaseError("invalid", { [field]: { key: kind === "finding" ? "notProjectOutcome" : "notProjectOutput" } });
}

/** Replaces what `entityId` is linked to; `resultIds` must have passed assertResultsLinkable. */
export async function writeResultLinks(ctx: UseCaseCtx, kind: LinkKind, entityId: string, resultIds: string[]) {
  await ctx.db.delete(resultLinks).where(eq(column[kind], entityId));
  const unique = [...new Set(resultIds)];
  if (unique.length) await ctx.db.insert(resultLinks).values(unique.map((resultId) => ({ resultId, [`${kind}Id`]: entityId })));
}

/** How many workshops, missions, actions and findings are linked to a result: a linked result is not deleted. */
export async function linkCount(ctx: UseCaseCtx, resultId: string): Promise<number> {
  const [row] = await ctx.db.select({ n: count() }).from(resultLinks).where(eq(resultLinks.resultId, resultId));
  return row?.n ?? 0;
}
