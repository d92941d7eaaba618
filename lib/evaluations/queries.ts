import "server-only";
import { and, asc, eq, inArray, sql, type SQL } from "drizzle-orm";
import { evaluationAnswers, evaluationGroups, evaluationRespondents, evaluations, evaluationStatements, type Evaluation, type Narrative } from "@/db/schema";
import { narrativeSortKey } from "@/lib/narrative-sql";
import type { UseCaseCtx } from "@/lib/use-case";
import { statementFigures, type Figure, type GroupLevelCount } from "./results";

export type PinnedFigure = { evaluationId: string; evaluationTitle: Narrative; statement: Narrative; group: Narrative | null; figure: Figure };

/**
 * The figures pinned to a project's dashboard, in the order of its evaluations (latest first) and
 * their statements; only the pinned statements' answers are counted. The caller checks access.
 */
export async function pinnedFigures(ctx: UseCaseCtx, projectId: string): Promise<PinnedFigure[]> {
  const pinned = await ctx.db
    .select({ statement: evaluationStatements, evaluation: evaluations, group: evaluationGroups })
    .from(evaluationStatements)
    .innerJoin(evaluations, eq(evaluations.id, evaluationStatements.evaluationId))
    .leftJoin(evaluationGroups, eq(evaluationGroups.id, evaluationStatements.pinnedGroupId))
    .where(and(eq(evaluations.projectId, projectId), eq(evaluationStatements.pinned, true)))
    .orderBy(sql`${evaluations.periodStart} desc nulls last`, asc(narrativeSortKey(evaluations.title, ctx.user.locale)), asc(evaluationStatements.position));
  if (pinned.length === 0) return [];
  const evaluationIds = [...new Set(pinned.map((p) => p.evaluation.id))];
  const [counts, groups] = await Promise.all([
    answerCounts(
      ctx,
      inArray(
        evaluationAnswers.statementId,
        pinned.map((p) => p.statement.id),
      ),
    ),
    // Every group of the evaluation, even one not pinned: whether a figure may be shown depends on all of them.
    ctx.db
      .select({ id: evaluationGroups.id, evaluationId: evaluationGroups.evaluationId })
      .from(evaluationGroups)
      .where(inArray(evaluationGroups.evaluationId, evaluationIds))
      .orderBy(asc(evaluationGroups.key)),
  ]);
  return pinned.map(({ statement, evaluation, group }) => {
    const figures = figuresOf(
      evaluation,
      counts,
      statement.id,
      groups.filter((g) => g.evaluationId === evaluation.id).map((g) => g.id),
    );
    return {
      evaluationId: evaluation.id,
      evaluationTitle: evaluation.title,
      statement: statement.text,
      group: group?.name ?? null,
      figure: group ? figures.groups.get(group.id)! : figures.overall,
    };
  });
}

/** Answers counted per statement, respondent group and level, by the database. */
export async function answerCounts(ctx: UseCaseCtx, where: SQL) {
  return ctx.db
    .select({ statementId: evaluationAnswers.statementId, groupId: evaluationRespondents.groupId, level: evaluationAnswers.level, count: sql<number>`count(*)::int` })
    .from(evaluationAnswers)
    .innerJoin(evaluationRespondents, eq(evaluationRespondents.id, evaluationAnswers.respondentId))
    .where(where)
    .groupBy(evaluationAnswers.statementId, evaluationRespondents.groupId, evaluationAnswers.level);
}

/** A statement's figures as they may be published: the small-group rules apply here (lib/evaluations/results.ts). */
export function figuresOf(evaluation: Evaluation, counts: (GroupLevelCount & { statementId: string })[], statementId: string, groupIds: string[]) {
  return statementFigures(
    counts.filter((c) => c.statementId === statementId),
    groupIds,
    evaluation,
  );
}
