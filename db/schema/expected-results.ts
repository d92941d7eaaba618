import { sql } from "drizzle-orm";
import { index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid, type AnyPgColumn } from "drizzle-orm/pg-core";
import { projects } from "./projects";
import { resultLevels, type Narrative } from "./values";

/**
 * The expected results of a project's logic model: one ultimate outcome, intermediate outcomes under it, immediate outcomes
 * under those and outputs under them. A result's level follows from its parent's; `position` orders
 * the children of one parent.
 */
export const expectedResults = pgTable(
  "expected_results",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    projectId: uuid("project_id")
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    // No cascade: a result with others under it is never removed with them by accident.
    parentId: uuid("parent_id").references((): AnyPgColumn => expectedResults.id),
    level: text("level", { enum: resultLevels }).notNull(),
    code: text("code").notNull(),
    statement: jsonb("statement").$type<Narrative>().notNull(),
    position: integer("position").notNull().default(0),
    version: integer("version").notNull().default(1),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("expected_results_project_code_idx").on(t.projectId, t.code),
    index("expected_results_parent_idx").on(t.parentId),
    // One ultimate outcome per project, even when two managers add one at the same moment.
    uniqueIndex("expected_results_one_ultimate_idx").on(t.projectId).where(sql`${t.level} = 'ultimate'`),
  ],
);

export type ExpectedResult = typeof expectedResults.$inferSelect;
