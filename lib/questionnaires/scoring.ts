import type { QuestionnaireQuestion } from "@/db/schema";
import type { FieldErrors } from "@/lib/result";
import { feedbackScale } from "./kinds";

export type AnswerRow = { questionId: string; choice: number | null; text: string | null; correct: boolean | null };

/**
 * Reads answers sent by question id against the questions: a choice among the question's, a level
 * of the scale, true (0) or false (1), or a text. Blank answers are left out; on a test they score
 * nothing. Returns the rows to store, the score and its maximum (tests only), or the refusals.
 */
export function scoreAnswers(questions: QuestionnaireQuestion[], sent: Record<string, string>, isTest: boolean) {
  const errors: FieldErrors = {};
  const byId = new Map(questions.map((q) => [q.id, q]));
  for (const id of Object.keys(sent)) if (!byId.has(id)) errors[`answers.${id}`] = { key: "unknownQuestion" };
  const rows: AnswerRow[] = [];
  for (const q of questions) {
    const value = sent[q.id]?.trim() ?? "";
    if (value === "") continue;
    if (q.type === "open") {
      rows.push({ questionId: q.id, choice: null, text: value, correct: null });
      continue;
    }
    const choice = /^\d+$/.test(value) ? Number(value) : Number.NaN;
    const [low, high] = q.type === "agreement" ? [1, feedbackScale.scaleSize] : [0, q.type === "true_false" ? 1 : q.choices.length - 1];
    if (!(choice >= low && choice <= high)) {
      errors[`answers.${q.id}`] = { key: "invalidChoice" };
      continue;
    }
    rows.push({ questionId: q.id, choice, text: null, correct: isTest ? choice === q.correct : null });
  }
  if (rows.length === 0 && Object.keys(errors).length === 0) errors.answers = { key: "noQuestionAnswered" };
  const score = isTest ? questions.reduce((sum, q) => sum + (rows.find((r) => r.questionId === q.id)?.correct ? q.points : 0), 0) : null;
  const maxScore = isTest ? questions.reduce((sum, q) => sum + q.points, 0) : null;
  return { rows, score, maxScore, errors };
}
