import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { evaluationAnswers, evaluationGroups, evaluationRespondents, evaluations, evaluationStatements, type Evaluation } from "@/db/schema";
import { recordAudit } from "@/lib/audit";
import { UseCaseError } from "@/lib/result";
import { can } from "@/lib/policy";
import { defineUseCase, type UseCaseCtx } from "@/lib/use-case";
import { updateVersioned } from "@/lib/audited-write";
import { projectIdInput } from "@/lib/zod-fields";
import { narrativeSortKey } from "@/lib/narrative-sql";
import type { Figure } from "./results";
import { addResponseInput, createEvaluationInput, evaluationIdInput, pinInput, translateEvaluationInput } from "./schemas";
import { addResponseOutput, createEvaluationOutput, getEvaluationResultsOutput, listEvaluationsOutput, pinStatementOutput, translateEvaluationOutput } from "./responses";
import { answerCounts, figuresOf } from "./queries";

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
  http: { method: "post", path: "/projects/{projectId}/evaluations", status: 201, response: createEvaluationOutput },
  access: { kind: "project", permission: "evaluations.edit" },
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
      action: "evaluations.create",
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
  http: { method: "get", path: "/projects/{projectId}/evaluations", response: listEvaluationsOutput },
  access: { kind: "project", permission: "project.read" },
  input: projectIdInput,
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
      .orderBy(sql`${evaluations.periodStart} desc nulls last`, asc(narrativeSortKey(evaluations.title, ctx.user.locale)));
  },
});

/** One respondent's answers. Sent again under the same submission id, it adds no one. */
export const addResponse = defineUseCase({
  name: "evaluations.addResponse",
  http: { method: "post", path: "/projects/{projectId}/evaluations/{evaluationId}/responses", response: addResponseOutput },
  access: { kind: "project", permission: "evaluations.enterResponses" },
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
    if (Object.values(input.answers).some((level) => level > evaluation.scaleSize))
      throw new UseCaseError("invalid", { answers: { key: "offScale", values: { max: evaluation.scaleSize } } });
    const [respondent] = await ctx.db
      .insert(evaluationRespondents)
      .values({ evaluationId: evaluation.id, groupId: group.id, externalId: input.externalId })
      .onConflictDoNothing()
      .returning({ id: evaluationRespondents.id });
    if (!respondent) return { added: false };
    if (statements.length) await ctx.db.insert(evaluationAnswers).values(statements.map((s) => ({ respondentId: respondent.id, statementId: s.id, level: input.answers[s.key]! })));
    await recordAudit(ctx.db, {
      actorId: ctx.user.id,
      action: "evaluations.addResponse",
      entityType: "evaluation",
      entityId: evaluation.id,
      projectId: input.projectId,
      changes: { group: { before: null, after: input.group }, answers: { before: null, after: statements.length } },
    });
    return { added: true };
  },
});

export const pinStatement = defineUseCase({
  name: "evaluations.pin",
  http: { method: "post", path: "/projects/{projectId}/evaluations/{evaluationId}/pins", response: pinStatementOutput },
  access: { kind: "project", permission: "evaluations.edit" },
  input: pinInput,
  write: true,
  async run(ctx, input) {
    const evaluation = await loadEvaluation(ctx, input.projectId, input.evaluationId);
    if (input.groupId) {
      const [group] = await ctx.db
        .select({ id: evaluationGroups.id })
        .from(evaluationGroups)
        .where(and(eq(evaluationGroups.id, input.groupId), eq(evaluationGroups.evaluationId, evaluation.id)));
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
      action: "evaluations.pin",
      entityType: "evaluation",
      entityId: evaluation.id,
      projectId: input.projectId,
      changes: { pinned: { before: null, after: input.pinned }, statement: { before: null, after: input.statementId } },
    });
    return { pinned: input.pinned };
  },
});

/**
 * Names the groups and words the statements in each language. A second save of the same version
 * is refused and nothing is written.
 */
export const translateEvaluation = defineUseCase({
  name: "evaluations.translate",
  http: { method: "put", path: "/projects/{projectId}/evaluations/{evaluationId}/texts", response: translateEvaluationOutput },
  access: { kind: "project", permission: "evaluations.edit" },
  input: translateEvaluationInput,
  write: true,
  async run(ctx, input) {
    const evaluation = await loadEvaluation(ctx, input.projectId, input.evaluationId);
    const saved = await updateVersioned(ctx, evaluations, {
      before: evaluation,
      version: input.version,
      set: input.title ? { title: input.title } : {},
      audit: {
        action: "evaluations.translate",
        entityType: "evaluation",
        projectId: input.projectId,
        fields: ["title"],
        changes: { groups: { before: null, after: input.groups.length }, statements: { before: null, after: input.statements.length } },
      },
    });
    for (const group of input.groups) {
      const [updated] = await ctx.db
        .update(evaluationGroups)
        .set({ name: group.name })
        .where(and(eq(evaluationGroups.id, group.id), eq(evaluationGroups.evaluationId, evaluation.id)))
        .returning({ id: evaluationGroups.id });
      if (!updated) throw new UseCaseError("invalid", { groups: { key: "invalidChoice" } });
    }
    for (const statement of input.statements) {
      const [updated] = await ctx.db
        .update(evaluationStatements)
        .set({ text: statement.text })
        .where(and(eq(evaluationStatements.id, statement.id), eq(evaluationStatements.evaluationId, evaluation.id)))
        .returning({ id: evaluationStatements.id });
      if (!updated) throw new UseCaseError("invalid", { statements: { key: "unknownStatement" } });
    }
    return { version: saved.version };
  },
});

export type StatementResult = {
  statementId: string;
  key: string;
  text: (typeof evaluationStatements.$inferSelect)["text"];
  pinned: boolean;
  pinnedGroupId: string | null;
  overall: Figure;
  /** Everyone's answers over the scale; null when the statement has too few answers. */
  distribution: number[] | null;
  groups: { groupId: string; key: string; figure: Figure }[];
};

/**
 * Per statement: the share agreeing overall and per group with their n, and everyone's spread over
 * the scale, as far as the small-group rules let them be published (lib/evaluations/results.ts).
 */
export const getEvaluationResults = defineUseCase({
  name: "evaluations.results",
  http: { method: "get", path: "/projects/{projectId}/evaluations/{evaluationId}/results", response: getEvaluationResultsOutput },
  access: { kind: "project", permission: "project.read" },
  input: evaluationIdInput,
  write: false,
  async run(ctx, input) {
    const evaluation = await loadEvaluation(ctx, input.projectId, input.evaluationId);
    const [groups, statements, counts, [respondents]] = await Promise.all([
      ctx.db.select().from(evaluationGroups).where(eq(evaluationGroups.evaluationId, evaluation.id)).orderBy(asc(evaluationGroups.key)),
      ctx.db.select().from(evaluationStatements).where(eq(evaluationStatements.evaluationId, evaluation.id)).orderBy(asc(evaluationStatements.position)),
      answerCounts(ctx, eq(evaluationRespondents.evaluationId, evaluation.id)),
      ctx.db.select({ n: sql<number>`count(*)::int` }).from(evaluationRespondents).where(eq(evaluationRespondents.evaluationId, evaluation.id)),
    ]);
    const groupIds = groups.map((g) => g.id);
    const results: StatementResult[] = statements.map((s) => {
      const figures = figuresOf(evaluation, counts, s.id, groupIds);
      return {
        statementId: s.id,
        key: s.key,
        text: s.text,
        pinned: s.pinned,
        pinnedGroupId: s.pinnedGroupId,
        overall: figures.overall,
        distribution: figures.distribution,
        groups: groups.map((g) => ({ groupId: g.id, key: g.key, figure: figures.groups.get(g.id)! })),
      };
    });
    return { evaluation, groups, respondents: respondents?.n ?? 0, results, canImport: can(ctx.access, "evaluations.enterResponses"), canPin: can(ctx.access, "evaluations.edit") };
  },
});
