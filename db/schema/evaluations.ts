import { boolean, check, date, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { sql } from "drizzle-orm";
import { projects } from "./projects";
import type { Narrative } from "./values";

/** A survey of the people a project involved, answered on an agreement scale. */
export const evaluations = pgTable(
  "evaluations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    projectId: uuid("project_id")
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    title: jsonb("title").$type<Narrative>().notNull(),
    periodStart: date("period_start"),
    periodEnd: date("period_end"),
    scaleSize: integer("scale_size").notNull().default(5),
    /** The levels that count as agreeing (e.g. 4 and 5 on a 5-point scale). */
    agreeLevels: integer("agree_levels").array().notNull(),
    /** A group with fewer answers than this shows "too few answers" instead of a percentage. */
    minGroupSize: integer("min_group_size").notNull().default(5),
    version: integer("version").notNull().default(1),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("evaluations_project_idx").on(t.projectId), check("evaluations_scale", sql`${t.scaleSize} in (4, 5)`)],
);

/** Respondent groups (state institutions, civil society, police and justice…), named in each language. */
export const evaluationGroups = pgTable("evaluation_groups", {
  id: uuid("id").primaryKey().defaultRandom(),
  evaluationId: uuid("evaluation_id")
    .notNull()
    .references(() => evaluations.id, { onDelete: "cascade" }),
  /** How survey files name the group (a Kobo choice name), matched when importing. */
  key: text("key").notNull(),
  name: jsonb("name").$type<Narrative>().notNull(),
});

export const evaluationStatements = pgTable("evaluation_statements", {
  id: uuid("id").primaryKey().defaultRandom(),
  evaluationId: uuid("evaluation_id")
    .notNull()
    .references(() => evaluations.id, { onDelete: "cascade" }),
  position: integer("position").notNull(),
  /** The column name survey files give it (a Kobo field name), matched when importing. */
  key: text("key").notNull(),
  text: jsonb("text").$type<Narrative>().notNull(),
  /** Shown on the project's dashboard, for everyone or for one group ("96 % of civil society"). */
  pinned: boolean("pinned").notNull().default(false),
  pinnedGroupId: uuid("pinned_group_id").references(() => evaluationGroups.id, { onDelete: "set null" }),
});

export const evaluationRespondents = pgTable(
  "evaluation_respondents",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    evaluationId: uuid("evaluation_id")
      .notNull()
      .references(() => evaluations.id, { onDelete: "cascade" }),
    groupId: uuid("group_id")
      .notNull()
      .references(() => evaluationGroups.id, { onDelete: "restrict" }),
    /** A survey tool's submission id (Kobo's `_uuid`): importing the same file twice adds no one. */
    externalId: text("external_id"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("evaluation_respondents_evaluation_idx").on(t.evaluationId), uniqueIndex("evaluation_respondents_external_idx").on(t.evaluationId, t.externalId)],
);

export const evaluationAnswers = pgTable(
  "evaluation_answers",
  {
    respondentId: uuid("respondent_id")
      .notNull()
      .references(() => evaluationRespondents.id, { onDelete: "cascade" }),
    statementId: uuid("statement_id")
      .notNull()
      .references(() => evaluationStatements.id, { onDelete: "cascade" }),
    level: integer("level").notNull(),
  },
  (t) => [primaryKey({ columns: [t.respondentId, t.statementId] }), index("evaluation_answers_statement_idx").on(t.statementId)],
);

export type Evaluation = typeof evaluations.$inferSelect;
