import { and, asc, eq } from "drizzle-orm";
import { questionnaireAnswers, questionnaireQuestions, questionnaireResponses, type Questionnaire } from "@/db/schema";
import type { Db } from "@/db/client";
import { UseCaseError } from "@/lib/result";
import { isTest } from "./kinds";
import { scoreAnswers } from "./scoring";

export const questionsOf = (db: Db, questionnaireId: string) =>
  db.select().from(questionnaireQuestions).where(eq(questionnaireQuestions.questionnaireId, questionnaireId)).orderBy(asc(questionnaireQuestions.position));

/**
 * Stores one respondent's answers, scored on a test, after checking each against its question.
 * The same id sent again changes nothing and answers as the first time did.
 */
export async function storeResponse(
  db: Db,
  questionnaire: Questionnaire,
  response: { id: string; participantId: string | null; pairingCode: string | null; answers: Record<string, string>; source: "typed" | "public"; submittedById: string | null },
) {
  const [already] = await db
    .select({
      id: questionnaireResponses.id,
      questionnaireId: questionnaireResponses.questionnaireId,
      score: questionnaireResponses.score,
      maxScore: questionnaireResponses.maxScore,
    })
    .from(questionnaireResponses)
    .where(eq(questionnaireResponses.id, response.id));
  if (already) {
    if (already.questionnaireId !== questionnaire.id) throw new UseCaseError("conflict", { id: { key: "idTaken" } });
    return { id: already.id, score: already.score, maxScore: already.maxScore, replayed: true };
  }
  const test = isTest(questionnaire.kind);
  if (test && !response.participantId && !response.pairingCode) throw new UseCaseError("invalid", { pairingCode: { key: "pairingCodeNeeded" } });
  const scored = scoreAnswers(await questionsOf(db, questionnaire.id), response.answers, test);
  if (Object.keys(scored.errors).length > 0) throw new UseCaseError("invalid", scored.errors);
  if (response.participantId) {
    const [twice] = await db
      .select({ id: questionnaireResponses.id })
      .from(questionnaireResponses)
      .where(and(eq(questionnaireResponses.questionnaireId, questionnaire.id), eq(questionnaireResponses.participantId, response.participantId)));
    if (twice) throw new UseCaseError("conflict", { participantId: { key: "personAnsweredAlready" } });
  }
  await db.insert(questionnaireResponses).values({
    id: response.id,
    questionnaireId: questionnaire.id,
    participantId: response.participantId,
    pairingCode: response.pairingCode,
    source: response.source,
    score: scored.score,
    maxScore: scored.maxScore,
    submittedById: response.submittedById,
  });
  await db.insert(questionnaireAnswers).values(scored.rows.map((r) => ({ ...r, responseId: response.id })));
  return { id: response.id, score: scored.score, maxScore: scored.maxScore, replayed: false };
}
