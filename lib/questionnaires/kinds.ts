import { questionnaireKinds, questionTypes, type QuestionnaireKind, type QuestionType } from "@/db/schema/questionnaires";

export { questionnaireKinds, questionTypes, type QuestionnaireKind, type QuestionType };

/** The question types each kind asks. */
export const questionKinds: Record<QuestionnaireKind, readonly QuestionType[]> = {
  pre_test: ["single_choice", "true_false"],
  post_test: ["single_choice", "true_false"],
  feedback: ["agreement", "open"],
};

export const isTest = (kind: QuestionnaireKind) => kind !== "feedback";

/** Feedback is answered on the evaluations' five-level scale; its two top levels agree. */
export const feedbackScale = { scaleSize: 5, agreeLevels: [4, 5] } as const;

/** The fewest answers a published figure may rest on, as evaluations' default. */
export const minGroupSize = 5;
