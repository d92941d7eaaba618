import { and, avg, eq, inArray } from "drizzle-orm";
import { z } from "zod";
import { questionnaireAnswers, questionnaireQuestions } from "@/db/schema";
import { feedbackScale } from "@/lib/questionnaires/kinds";
import { attendanceFilters, checkAttendanceFilters, filterClauses } from "./attendance-scope";
import type { Calculation } from "./calculation";
import { responsesInScope, shareActual } from "./questionnaire-scope";

const params = z.object({ kind: z.literal("share_satisfied"), ...attendanceFilters });

/**
 * The share of feedback respondents satisfied: whose answers to the agreement questions average
 * the scale's first agreeing level or more (4 of 5). The n is those who answered any of them.
 */
export const shareSatisfied: Calculation<typeof params> = {
  kind: "share_satisfied",
  params,
  unitOf: () => "percentage",
  disaggregations: [],
  check: (ctx, projectId, p) => checkAttendanceFilters(ctx, projectId, p),
  async compute(ctx, projectId, p, window) {
    const responses = responsesInScope(ctx, projectId, p, window, "feedback").as("responses");
    const means = await ctx.db
      .select({ mean: avg(questionnaireAnswers.choice).mapWith(Number) })
      .from(questionnaireAnswers)
      .innerJoin(questionnaireQuestions, eq(questionnaireQuestions.id, questionnaireAnswers.questionId))
      .where(and(eq(questionnaireQuestions.type, "agreement"), inArray(questionnaireAnswers.responseId, ctx.db.select({ id: responses.id }).from(responses))))
      .groupBy(questionnaireAnswers.responseId);
    const satisfied = means.filter((m) => m.mean >= Math.min(...feedbackScale.agreeLevels)).length;
    return shareActual(satisfied, means.length);
  },
  words: (p, names) => ({ key: "share_satisfied", values: {}, filters: filterClauses(p, names) }),
};
