import { z } from "zod";
import { questionKinds, questionnaireKinds, questionTypes } from "./kinds";
import { blankToNull, narrativeInput } from "@/lib/zod-fields";

const ids = { projectId: z.uuid(), workshopId: z.uuid() };

const questionInput = z.object({
  type: z.enum(questionTypes),
  text: narrativeInput(500),
  choices: z.array(narrativeInput(200)).max(10).default([]),
  correct: z.preprocess(blankToNull, z.coerce.number().int().min(0).max(9).nullable().default(null)),
  points: z.coerce.number().int().min(1).max(100).default(1),
});
export type QuestionInput = z.output<typeof questionInput>;

/** A test asks single-choice and true/false questions, each with its right answer; a feedback form agreement and open ones. */
function checkQuestions(kind: (typeof questionnaireKinds)[number], questions: QuestionInput[], issues: z.RefinementCtx) {
  for (const [i, q] of questions.entries()) {
    const at = (field: string, message: string) => issues.addIssue({ code: "custom", message, path: ["questions", i, field] });
    if (!questionKinds[kind].includes(q.type)) {
      at("type", kind === "feedback" ? "feedbackQuestionType" : "testQuestionType");
      continue;
    }
    if (q.type === "single_choice" && q.choices.length < 2) at("choices", "choicesNeeded");
    if (q.type !== "single_choice" && q.choices.length > 0) at("choices", "noChoicesHere");
    const options = q.type === "true_false" ? 2 : q.choices.length;
    if (kind !== "feedback" && (q.correct === null || q.correct >= options)) at("correct", "testQuestionNeedsAnswer");
  }
}

const written = z.object({ ...ids, kind: z.enum(questionnaireKinds), title: narrativeInput(200), questions: z.array(questionInput).min(1).max(50) });

export const createQuestionnaireInput = written.superRefine((q, issues) => checkQuestions(q.kind, q.questions, issues));

export const updateQuestionnaireInput = written
  .extend({ questionnaireId: z.uuid(), version: z.coerce.number().int().min(1) })
  .superRefine((q, issues) => checkQuestions(q.kind, q.questions, issues));

export const workshopQuestionnairesInput = z.object(ids);
export const questionnaireIdInput = z.object({ ...ids, questionnaireId: z.uuid() });
export const copyQuestionnaireInput = z.object({ ...ids, sourceId: z.uuid() });
export const setQuestionnaireStatusInput = z.object({ ...ids, questionnaireId: z.uuid(), status: z.enum(["open", "closed"]) });

/**
 * A pairing code as the respondent types it: the first two letters of their mother's first name
 * and the day of the month they were born (`MA07`), in any case, accents dropped.
 */
export const pairingCodeField = z
  .string()
  .max(20)
  .transform((v, issues) => {
    const code = v.normalize("NFD").replace(/\p{M}/gu, "").toUpperCase().replace(/[\s-]/g, "");
    const match = /^([A-Z]{2})(\d{1,2})$/.exec(code);
    const day = match ? Number(match[2]) : 0;
    if (!match || day < 1 || day > 31) {
      issues.addIssue({ code: "custom", message: "pairingCodeShape" });
      return z.NEVER;
    }
    return `${match[1]}${String(day).padStart(2, "0")}`;
  });

/** Answers by question id: a choice's index, a level of the scale (1 to 5), 0/1 for true/false, or an open text. */
const answers = z.record(z.uuid(), z.string().trim().max(2000)).refine((a) => Object.keys(a).length <= 50, "tooManyAnswers");

export const addResponseInput = z.object({
  ...ids,
  questionnaireId: z.uuid(),
  /** Made by the form, so a second sending of the same paper form is recognised. */
  id: z.uuid(),
  participantId: z.preprocess(blankToNull, z.uuid().nullable().default(null)),
  pairingCode: z.preprocess(blankToNull, pairingCodeField.nullable().default(null)),
  answers,
});

/** What a respondent's phone sends: no account, no name; an id the phone made and, for a test, the pairing code. */
export const publicResponseInput = z.object({
  questionnaireId: z.uuid(),
  id: z.uuid(),
  pairingCode: z.preprocess(blankToNull, pairingCodeField.nullable().default(null)),
  answers,
});
