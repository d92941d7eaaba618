import { and, eq, sql } from "drizzle-orm";
import { institutions, participants, questionnaireResponses, questionnaires, workshops, type QuestionnaireKind } from "@/db/schema";
import { percentOf } from "@/lib/evaluations/results";
import { minGroupSize } from "@/lib/questionnaires/kinds";
import type { UseCaseCtx } from "@/lib/use-case";
import { scopeConditions, type AttendanceFilters } from "./attendance-scope";
import type { Actual, Window } from "./calculation";

/**
 * The responses to the project's questionnaires of one kind, from workshops that started within the
 * window and meet the filters; an institution filter keeps only people staff named, whose
 * institution is known.
 */
export function responsesInScope(ctx: UseCaseCtx, projectId: string, p: AttendanceFilters, window: Window, kind: QuestionnaireKind) {
  return ctx.db
    .select({
      id: questionnaireResponses.id,
      // Named apart from the response's id, so the query also serves as a subquery.
      workshopId: sql<string>`${workshops.id}`.as("workshop_id"),
      participantId: questionnaireResponses.participantId,
      pairingCode: questionnaireResponses.pairingCode,
      score: questionnaireResponses.score,
      maxScore: questionnaireResponses.maxScore,
    })
    .from(questionnaireResponses)
    .innerJoin(questionnaires, eq(questionnaires.id, questionnaireResponses.questionnaireId))
    .innerJoin(workshops, eq(workshops.id, questionnaires.workshopId))
    .leftJoin(participants, eq(participants.id, questionnaireResponses.participantId))
    .leftJoin(institutions, eq(institutions.id, participants.institutionId))
    .where(and(eq(questionnaires.kind, kind), scopeConditions({ day: workshops.startDate, institutionId: participants.institutionId }, projectId, p, window)));
}

/** A share of `n` as a computed actual: withheld under the questionnaires' threshold, none without anyone. */
export function shareActual(part: number, n: number): Actual {
  if (n === 0) return { value: null, n: 0, groups: {} };
  if (n < minGroupSize) return { value: null, n, groups: {}, withheld: "tooFew" };
  return { value: percentOf(part, n), n, part, groups: {} };
}
