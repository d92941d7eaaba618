import { z } from "zod";
import { questionnaireKinds, questionnaireStatuses, questionTypes } from "@/db/schema/questionnaires";
import { workshopTypes } from "@/db/schema/values";
import { localizedText } from "@/lib/narrative";

const figure = z.union([
  z.object({ shown: z.literal(true), n: z.number().int(), agree: z.number().int(), percent: z.number().int() }),
  z.object({ shown: z.literal(false), reason: z.enum(["tooFew", "protectsSmallGroup"]) }),
]);
const gainFigure = z.union([
  z.object({ shown: z.literal(true), n: z.number().int(), percent: z.number().int() }),
  z.object({ shown: z.literal(false), reason: z.enum(["tooFew", "protectsSmallGroup"]) }),
]);

export const questionnaireRow = z.object({
  id: z.string(),
  workshopId: z.string(),
  kind: z.enum(questionnaireKinds),
  title: localizedText,
  status: z.enum(questionnaireStatuses),
  version: z.number().int(),
  createdAt: z.date(),
});

const questionRow = z.object({
  id: z.string(),
  questionnaireId: z.string(),
  position: z.number().int(),
  type: z.enum(questionTypes),
  text: localizedText,
  choices: z.array(localizedText),
  /** The right answer, for those who write the questionnaire; null for everyone else. */
  correct: z.number().int().nullable(),
  points: z.number().int(),
});

export const workshopQuestionnairesOutput = z.object({
  workshop: z.object({ id: z.string(), title: z.string(), startDate: z.string(), endDate: z.string(), language: z.string() }),
  questionnaires: z.array(questionnaireRow.extend({ responses: z.number().int(), questions: z.array(questionRow) })),
  copySources: z.array(z.object({ id: z.string(), kind: z.enum(questionnaireKinds), workshopTitle: z.string(), startDate: z.string() })),
  canEdit: z.boolean(),
  canEnter: z.boolean(),
});

export const createQuestionnaireOutput = questionnaireRow;
export const updateQuestionnaireOutput = questionnaireRow;
export const copyQuestionnaireOutput = questionnaireRow;
export const setQuestionnaireStatusOutput = questionnaireRow;
export const addResponseOutput = z.object({ id: z.string(), score: z.number().int().nullable(), maxScore: z.number().int().nullable(), replayed: z.boolean() });

const testFigures = z
  .object({ id: z.string(), n: z.number().int(), meanScore: figure, questions: z.array(z.object({ id: z.string(), text: localizedText, right: figure })) })
  .nullable();

export const questionnaireResultsOutput = z.object({
  workshop: z.object({ id: z.string(), title: z.string() }),
  threshold: z.number().int(),
  before: testFigures,
  after: testFigures,
  pairs: z.number().int(),
  gain: z.object({ overall: gainFigure, perfectPre: z.number().int(), groups: z.record(z.string(), gainFigure) }),
  feedback: z
    .object({
      id: z.string(),
      questions: z.array(
        z.object({
          id: z.string(),
          type: z.enum(questionTypes),
          text: localizedText,
          agreement: figure.nullable(),
          distribution: z.array(z.number().int()).nullable(),
          /** Open answers: the staff's only; null for a partner. */
          answers: z.array(z.string()).nullable(),
        }),
      ),
    })
    .nullable(),
});

export const workshopComparisonOutput = z.object({
  rows: z.array(
    z.object({
      training: localizedText,
      workshop: z.object({ id: z.string(), title: z.string(), startDate: z.string(), type: z.enum(workshopTypes) }),
      before: figure,
      after: figure,
      pairs: z.number().int(),
      gain: gainFigure,
    }),
  ),
});

export const publicQuestionnaireOutput = z.object({
  id: z.string(),
  kind: z.enum(questionnaireKinds),
  title: localizedText,
  open: z.boolean(),
  questions: z.array(z.object({ id: z.string(), type: z.enum(questionTypes), text: localizedText, choices: z.array(localizedText) })),
});
export const publicAnswerOutput = z.object({ id: z.string(), replayed: z.boolean() });
