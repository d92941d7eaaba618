import { and, asc, eq } from "drizzle-orm";
import { z } from "zod";
import { evaluationAnswers, evaluationGroups, evaluations, evaluationStatements } from "@/db/schema";
import { answerCounts, figuresOf } from "@/lib/evaluations/queries";
import type { FieldErrors } from "@/lib/result";
import { blankToNull } from "@/lib/zod-fields";
import type { Calculation } from "./calculation";

const params = z.object({
  kind: z.literal("evaluation_agreement"),
  statementId: z.uuid(),
  groupId: z.preprocess(blankToNull, z.uuid().nullable().default(null)),
});

/** The day an evaluation's figures belong to: the end of the period it looked at, else its start. */
const dayOf = (evaluation: { periodStart: string | null; periodEnd: string | null }) => evaluation.periodEnd ?? evaluation.periodStart;

/**
 * The share agreeing with an evaluation statement, for everyone or one respondent group, with the
 * evaluation pages' own threshold, small-group rule and rounding (lib/evaluations/results.ts). It
 * counts in the period holding the end of the evaluated period, and for the project as a whole.
 */
export const evaluationAgreement: Calculation<typeof params> = {
  kind: "evaluation_agreement",
  params,
  unitOf: () => "percentage",
  disaggregations: [],
  async check(ctx, projectId, p) {
    const errors: FieldErrors = {};
    const [statement] = await ctx.db
      .select({ evaluationId: evaluationStatements.evaluationId })
      .from(evaluationStatements)
      .innerJoin(evaluations, eq(evaluations.id, evaluationStatements.evaluationId))
      .where(and(eq(evaluationStatements.id, p.statementId), eq(evaluations.projectId, projectId)));
    if (!statement) return { "calculation.statementId": { key: "notProjectStatement" } };
    if (p.groupId) {
      const [group] = await ctx.db
        .select({ id: evaluationGroups.id })
        .from(evaluationGroups)
        .where(and(eq(evaluationGroups.id, p.groupId), eq(evaluationGroups.evaluationId, statement.evaluationId)));
      if (!group) errors["calculation.groupId"] = { key: "notEvaluationGroup" };
    }
    return errors;
  },
  async compute(ctx, projectId, p, window) {
    const [row] = await ctx.db
      .select({ evaluation: evaluations })
      .from(evaluationStatements)
      .innerJoin(evaluations, eq(evaluations.id, evaluationStatements.evaluationId))
      .where(and(eq(evaluationStatements.id, p.statementId), eq(evaluations.projectId, projectId)));
    const day = row ? dayOf(row.evaluation) : null;
    const wholeProject = window.from === null && window.to === null;
    const inWindow = wholeProject || (day !== null && (window.from === null || day >= window.from) && (window.to === null || day <= window.to));
    if (!row || !inWindow) return { value: null, n: 0, groups: {} };
    const [counts, groups] = await Promise.all([
      answerCounts(ctx, eq(evaluationAnswers.statementId, p.statementId)),
      ctx.db.select({ id: evaluationGroups.id }).from(evaluationGroups).where(eq(evaluationGroups.evaluationId, row.evaluation.id)).orderBy(asc(evaluationGroups.key)),
    ]);
    const figures = figuresOf(
      row.evaluation,
      counts,
      p.statementId,
      groups.map((g) => g.id),
    );
    const figure = p.groupId ? figures.groups.get(p.groupId) : figures.overall;
    if (!figure) return { value: null, n: 0, groups: {} };
    return figure.shown ? { value: figure.percent, n: figure.n, part: figure.agree, groups: {} } : { value: null, n: 0, groups: {}, withheld: figure.reason };
  },
  words: (p, names) => ({
    key: p.groupId ? "evaluation_agreement_group" : "evaluation_agreement",
    values: { statement: names.statements.get(p.statementId) ?? "?", group: p.groupId ? (names.groups.get(p.groupId) ?? "?") : "" },
    filters: [],
  }),
};
