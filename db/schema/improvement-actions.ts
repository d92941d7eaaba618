import { check, date, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { sql } from "drizzle-orm";
import type { FieldChanges } from "./audit";
import { institutions } from "./institutions";
import { projects } from "./projects";
import { findings } from "./studies";
import { users } from "./users";
import { actionStatuses } from "./values";

/** An improvement action ("piste d'amélioration") answering one or more findings. */
export const improvementActions = pgTable(
  "improvement_actions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    projectId: uuid("project_id")
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    title: text("title").notNull(),
    description: text("description").notNull().default(""),
    ownerId: uuid("owner_id").references(() => users.id, { onDelete: "set null" }),
    startDate: date("start_date"),
    dueDate: date("due_date"),
    status: text("status", { enum: actionStatuses }).notNull().default("proposed"),
    progress: integer("progress").notNull().default(0),
    target: text("target").notNull().default(""),
    version: integer("version").notNull().default(1),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("improvement_actions_project_idx").on(t.projectId), check("improvement_actions_progress", sql`${t.progress} between 0 and 100`)],
);

export const actionFindings = pgTable(
  "action_findings",
  {
    actionId: uuid("action_id")
      .notNull()
      .references(() => improvementActions.id, { onDelete: "cascade" }),
    findingId: uuid("finding_id")
      .notNull()
      .references(() => findings.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.actionId, t.findingId] }), index("action_findings_finding_idx").on(t.findingId)],
);

/** The institutions responsible for carrying an action out. */
export const actionInstitutions = pgTable(
  "action_institutions",
  {
    actionId: uuid("action_id")
      .notNull()
      .references(() => improvementActions.id, { onDelete: "cascade" }),
    institutionId: uuid("institution_id")
      .notNull()
      .references(() => institutions.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.actionId, t.institutionId] }), index("action_institutions_institution_idx").on(t.institutionId)],
);

/** Dated progress updates: who, when, what they said and what changed. */
export const actionUpdates = pgTable(
  "action_updates",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    actionId: uuid("action_id")
      .notNull()
      .references(() => improvementActions.id, { onDelete: "cascade" }),
    authorId: uuid("author_id").references(() => users.id, { onDelete: "set null" }),
    note: text("note").notNull().default(""),
    changes: jsonb("changes").$type<FieldChanges>().notNull().default({}),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("action_updates_action_idx").on(t.actionId, t.createdAt)],
);

export type ImprovementAction = typeof improvementActions.$inferSelect;
