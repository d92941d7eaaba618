import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { evaluationAnswers, evaluationGroups, evaluationRespondents, evaluations, evaluationStatements, type Evaluation } from "@/db/schema";
import { recordAudit } from "@/lib/audit";
import { UseCaseError } from "@/lib/result";
import { defineUseCase, type UseCaseCtx } from "@/lib/use-case";
import { figureOf, tally, type Figure } from "./results";
import { addResponseInput, createEvaluationInput, evaluationIdInput, pinInput, projectEvaluationsInput } from "./schemas";

const readers = ["manager", "field", "partner"] as const;

async function loadEvaluation(ctx: UseCaseCtx, projectId: string, evaluationId: string): Promise<Evaluation> {
  const [evaluation] = await ctx.db
    .select()
    .from(evaluations)
    .where(and(eq(evaluations.id, evaluationId), eq(evaluations.projectId, projectId)));
  if (!evaluation) throw new UseCaseError("not_found");
  return evaluation;
}

export const createEvaluation = defineUseCase({
  name: "evaluations.create",
  access: { kind: "project", roles: ["manager"] },
  input: createEvaluationInput,
  write: true,
  async run(ctx, input) {
    const { groups, statements, ...fields } = input;
    const [evaluation] = await ctx.db
      .insert(evaluations)
      .values({ ...fields, agreeLevels: [...new Set(fields.agreeLevels)].sort() })
      .returning();
    await ctx.db.insert(evaluationGroups).values(groups.map((g) => ({ evaluationId: evaluation!.id, key: g.key, name: g.name })));
    await ctx.db.insert(evaluationStatements).values(statements.map((s, position) => ({ evaluationId: evaluation!.id, position, key: s.key, text: s.text })));
    await recordAudit(ctx.db, {
      actorId: ctx.user.id,
      action: "evaluation.create",
      entityType: "evaluation",
      entityId: evaluation!.id,
      projectId: input.projectId,
      changes: { title: { before: null, after: input.title }, statements: { before: null, after: statements.length } },
    });
    return evaluation!;
  },
});

export const listEvaluations = defineUseCase({
  name: "evaluations.list",
  access: { kind: "project", roles: readers },
  input: projectEvaluationsInput,
  write: false,
  async run(ctx, input) {
    return ctx.db
      .select({
        id: evaluations.id,
        title: evaluations.title,
        periodStart: evaluations.periodStart,
        periodEnd: evaluations.periodEnd,
        respondents: sql<number>`(select count(*)::int from ${evaluationRespondents} r where r.evaluation_id = ${evaluations}.id)`,
      })
      .from(evaluations)
      .where(eq(evaluations.projectId, input.projectId))
      .orderBy(sql`${evaluations.periodStart} desc nulls last`, asc(evaluations.title));
  },
});

/** One respondent's answers. Sent again under the same submission id, it adds no one. */
export const addResponse = defineUseCase({
  name: "evaluations.addResponse",
  access: { kind: "project", roles: ["manager", "field"] },
  input: addResponseInput,
  write: true,
  async run(ctx, input) {
    const evaluation = await loadEvaluation(ctx, input.projectId, input.evaluationId);
    const [group] = await ctx.db
      .select({ id: evaluationGroups.id })
      .from(evaluationGroups)
      .where(and(eq(evaluationGroups.evaluationId, evaluation.id), eq(evaluationGroups.key, input.group)));
    if (!group) throw new UseCaseError("invalid", { group: { key: "invalidChoice" } });
    const statements = await ctx.db
      .select({ id: evaluationStatements.id, key: evaluationStatements.key })
      .from(evaluationStatements)
      .where(and(eq(evaluationStatements.evaluationId, evaluation.id), inArray(evaluationStatements.key, Object.keys(input.answers))));
    if (statements.length !== Object.keys(input.answers).length) throw new UseCaseError("invalid", { answers: { key: "unknownStatement" } });
    if (Object.values(input.answers).some((level) => level > evaluation.scaleSize)) throw new UseCaseError("invalid", { answers: { key: "offScale", values: { max: evaluation.scaleSize } } });
    const [respondent] = await ctx.db
      .insert(evaluationRespondents)
      .values({ evaluationId: evaluation.id, groupId: group.id, externalId: input.externalId })
      .onConflictDoNothing()
      .returning({ id: evaluationRespondents.id });
    if (!respondent) return { added: false };
    if (statements.length) await ctx.db.insert(evaluationAnswers).values(statements.map((s) => ({ respondentId: respondent.id, statementId: s.id, level: input.answers[s.key]! })));
    return { added: true };
  },
});

export const pinStatement = defineUseCase({
  name: "evaluations.pin",
  access: { kind: "project", roles: ["manager"] },
  input: pinInput,
  write: true,
  async run(ctx, input) {
    const evaluation = await loadEvaluation(ctx, input.projectId, input.evaluationId);
    if (input.groupId) {
      const [group] = await ctx.db.select({ id: evaluationGroups.id }).from(evaluationGroups).where(and(eq(evaluationGroups.id, input.groupId), eq(evaluationGroups.evaluationId, evaluation.id)));
      if (!group) throw new UseCaseError("invalid", { groupId: { key: "invalidChoice" } });
    }
    const [statement] = await ctx.db
      .update(evaluationStatements)
      .set({ pinned: input.pinned, pinnedGroupId: input.pinned ? input.groupId : null })
      .where(and(eq(evaluationStatements.id, input.statementId), eq(evaluationStatements.evaluationId, evaluation.id)))
      .returning({ id: evaluationStatements.id });
    if (!statement) throw new UseCaseError("not_found");
    await recordAudit(ctx.db, {
      actorId: ctx.user.id,
      action: "evaluation.pin",
      entityType: "evaluation",
      entityId: evaluation.id,
      projectId: input.projectId,
      changes: { pinned: { before: null, after: input.pinned }, statement: { before: null, after: input.statementId } },
    });
    return { pinned: input.pinned };
  },
});

export type StatementResult = {
  statementId: string;
  key: string;
  text: (typeof evaluationStatements.$inferSelect)["text"];
  pinned: boolean;
  pinnedGroupId: string | null;
  overall: Figure;
  distribution: number[];
  groups: { groupId: string; key: string; figure: Figure }[];
};

/**
 * Per statement: the share agreeing overall and per group, always with n, and the spread over the
 * scale. A group under the evaluation's threshold gets no percentage ("too few answers").
 */
export const getEvaluationResults = defineUseCase({
  name: "evaluations.results",
  access: { kind: "project", roles: readers },
  input: evaluationIdInput,
  write: false,
  async run(ctx, input) {
    const evaluation = await loadEvaluation(ctx, input.projectId, input.evaluationId);
    const [groups, statements, answers] = await Promise.all([
      ctx.db.select().from(evaluationGroups).where(eq(evaluationGroups.evaluationId, evaluation.id)).orderBy(asc(evaluationGroups.key)),
      ctx.db.select().from(evaluationStatements).where(eq(evaluationStatements.evaluationId, evaluation.id)).orderBy(asc(evaluationStatements.position)),
      ctx.db
        .select({ statementId: evaluationAnswers.statementId, groupId: evaluationRespondents.groupId, level: evaluationAnswers.level })
        .from(evaluationAnswers)
        .innerJoin(evaluationRespondents, eq(evaluationRespondents.id, evaluationAnswers.respondentId))
        .where(eq(evaluationRespondents.evaluationId, evaluation.id)),
    ]);
    const [respondents] = await ctx.db.select({ n: sql<number>`count(*)::int` }).from(evaluationRespondents).where(eq(evaluationRespondents.evaluationId, evaluation.id));
    const results: StatementResult[] = statements.map((s) => {
      const levels = answers.filter((a) => a.statementId === s.id);
      const all = tally(
        levels.map((a) => a.level),
        evaluation.scaleSize,
        evaluation.agreeLevels,
      );
      return {
        statementId: s.id,
        key: s.key,
        text: s.text,
        pinned: s.pinned,
        pinnedGroupId: s.pinnedGroupId,
        overall: figureOf(all),
        distribution: all.distribution,
        groups: groups.map((g) => ({
          groupId: g.id,
          key: g.key,
          figure: figureOf(
            tally(
              levels.filter((a) => a.groupId === g.id).map((a) => a.level),
              evaluation.scaleSize,
              evaluation.agreeLevels,
            ),
            evaluation.minGroupSize,
          ),
        })),
      };
    });
    return { evaluation, groups, respondents: respondents?.n ?? 0, results, canImport: ctx.access !== "partner", canPin: ctx.access === "admin" || ctx.access === "manager" };
  },
});
