import { and, asc, eq } from "drizzle-orm";
import { questionnaireAnswers, questionnaireQuestions, questionnaireResponses, type Questionnaire } from "@/db/schema";
import type { Db } from "@/db/client";
import { UseCaseError } from "@/lib/result";
import { isTest } from "./kinds";
import { scoreAnswers } from "./scoring";

export const questionsOf = (db: Db, questionnaireId: string) =>
  db.select().from(questionnaireQuestions).where(eq(questionnaireQuestions.questionnaireId, questionnaireId)).orderBy(asc(questionnaireQuestions.position));

/** What a form sent before under this id was answered, or nothing; an id another questionnaire holds is refused. */
async function earlierSending(db: Db, questionnaireId: string, id: string) {
  const [already] = await db
    .select({
      id: questionnaireResponses.id,
      questionnaireId: questionnaireResponses.questionnaireId,
      score: questionnaireResponses.score,
      maxScore: questionnaireResponses.maxScore,
    })
    .from(questionnaireResponses)
    .where(eq(questionnaireResponses.id, id));
  if (!already) return null;
  if (already.questionnaireId !== questionnaireId) throw new UseCaseError("conflict", { id: { key: "idTaken" } });
  return { id: already.id, score: already.score, maxScore: already.maxScore, replayed: true };
}

/**
 * Stores one respondent's answers, scored on a test, after checking each against its question.
 * The same id sent again changes nothing and answers as the first time did.
 */
export async function storeResponse(
  db: Db,
  questionnaire: Questionnaire,
  response: {
    id: string;
    participantId: string | null;
    pairingCode: string | null;
    answers: Record<string, string>;
    source: "typed" | "public" | "imported";
    submittedById: string | null;
  },
) {
  const already = await earlierSending(db, questionnaire.id, response.id);
  if (already) return already;
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
  const [inserted] = await db
    .insert(questionnaireResponses)
    .values({
      id: response.id,
      questionnaireId: questionnaire.id,
      participantId: response.participantId,
      pairingCode: response.pairingCode,
      source: response.source,
      score: scored.score,
      maxScore: scored.maxScore,
      submittedById: response.submittedById,
    })
    // The same form sent twice at once: the second waits for the first, then answers as a replay.
    .onConflictDoNothing({ target: questionnaireResponses.id })
    .returning({ id: questionnaireResponses.id });
  if (!inserted) return (await earlierSending(db, questionnaire.id, response.id))!;
  await db.insert(questionnaireAnswers).values(scored.rows.map((r) => ({ ...r, responseId: response.id })));
  return { id: response.id, score: scored.score, maxScore: scored.maxScore, replayed: false };
}
