import { boolean, check, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { sql } from "drizzle-orm";
import { participants } from "./participants";
import { users } from "./users";
import type { Narrative } from "./values";
import { workshops } from "./workshops";

export const questionnaireKinds = ["pre_test", "post_test", "feedback"] as const;
export type QuestionnaireKind = (typeof questionnaireKinds)[number];
/** Tests ask single-choice and true/false questions with a right answer; a feedback form agreement-scale and open ones. */
export const questionTypes = ["single_choice", "true_false", "agreement", "open"] as const;
export type QuestionType = (typeof questionTypes)[number];
/** Draft while written; open while people answer (staff open and close it); closed after. */
export const questionnaireStatuses = ["draft", "open", "closed"] as const;
export const responseSources = ["typed", "public", "imported"] as const;

/** A workshop's pre-test, post-test or feedback form: one of each kind per workshop. */
export const questionnaires = pgTable(
  "questionnaires",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    workshopId: uuid("workshop_id")
      .notNull()
      .references(() => workshops.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: questionnaireKinds }).notNull(),
    title: jsonb("title").$type<Narrative>().notNull(),
    status: text("status", { enum: questionnaireStatuses }).notNull().default("draft"),
    version: integer("version").notNull().default(1),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("questionnaires_workshop_kind_idx").on(t.workshopId, t.kind)],
);

/**
 * A question, in order. A single-choice question has its choices; a test's questions have the
 * right choice (`correct`: a choice's index, or 0 for "true" and 1 for "false") and the points it
 * scores. An agreement question is answered on the evaluations' five-level scale.
 */
export const questionnaireQuestions = pgTable(
  "questionnaire_questions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    questionnaireId: uuid("questionnaire_id")
      .notNull()
      .references(() => questionnaires.id, { onDelete: "cascade" }),
    position: integer("position").notNull(),
    type: text("type", { enum: questionTypes }).notNull(),
    text: jsonb("text").$type<Narrative>().notNull(),
    choices: jsonb("choices").$type<Narrative[]>().notNull().default([]),
    correct: integer("correct"),
    points: integer("points").notNull().default(1),
  },
  (t) => [index("questionnaire_questions_questionnaire_idx").on(t.questionnaireId, t.position)],
);

/**
 * One respondent's answers. Typed in by staff (who may name the participant, which pairs a
 * pre-test with a post-test exactly), imported, or sent from the respondent's phone under an id
 * the phone made, so a second sending is recognised. A pairing code (two letters and a day of the
 * month) pairs anonymous tests. Tests carry their score.
 */
export const questionnaireResponses = pgTable(
  "questionnaire_responses",
  {
    id: uuid("id").primaryKey(),
    questionnaireId: uuid("questionnaire_id")
      .notNull()
      .references(() => questionnaires.id, { onDelete: "cascade" }),
    participantId: uuid("participant_id").references(() => participants.id, { onDelete: "set null" }),
    pairingCode: text("pairing_code"),
    source: text("source", { enum: responseSources }).notNull(),
    score: integer("score"),
    maxScore: integer("max_score"),
    submittedAt: timestamp("submitted_at", { withTimezone: true }).notNull().defaultNow(),
    submittedById: uuid("submitted_by_id").references(() => users.id, { onDelete: "set null" }),
  },
  (t) => [
    index("questionnaire_responses_questionnaire_idx").on(t.questionnaireId),
    uniqueIndex("questionnaire_responses_person_idx").on(t.questionnaireId, t.participantId).where(sql`${t.participantId} is not null`),
    check("questionnaire_responses_pairing_code", sql`${t.pairingCode} is null or ${t.pairingCode} ~ '^[A-Z]{2}[0-3][0-9]$'`),
  ],
);

/** An answer: a choice's index, a level of the scale, true/false, or an open text; `correct` for a test's question. */
export const questionnaireAnswers = pgTable(
  "questionnaire_answers",
  {
    responseId: uuid("response_id")
      .notNull()
      .references(() => questionnaireResponses.id, { onDelete: "cascade" }),
    questionId: uuid("question_id")
      .notNull()
      .references(() => questionnaireQuestions.id, { onDelete: "cascade" }),
    choice: integer("choice"),
    text: text("text"),
    correct: boolean("correct"),
  },
  (t) => [primaryKey({ columns: [t.responseId, t.questionId] }), index("questionnaire_answers_question_idx").on(t.questionId)],
);

export type Questionnaire = typeof questionnaires.$inferSelect;
export type QuestionnaireQuestion = typeof questionnaireQuestions.$inferSelect;
