import { date, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { projects } from "./projects";
import { users } from "./users";
import { missionStatuses, type Narrative } from "./values";

/** A team's trip to the country, during which workshops are held. */
export const missions = pgTable(
  "missions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    projectId: uuid("project_id")
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    title: jsonb("title").$type<Narrative>().notNull(),
    purpose: text("purpose").notNull().default(""),
    country: text("country").notNull(),
    cities: text("cities").array().notNull().default([]),
    startDate: date("start_date").notNull(),
    endDate: date("end_date").notNull(),
    status: text("status", { enum: missionStatuses }).notNull().default("planned"),
    objectives: text("objectives").notNull().default(""),
    notes: text("notes").notNull().default(""),
    version: integer("version").notNull().default(1),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("missions_project_start_idx").on(t.projectId, t.startDate)],
);

/** The project's users who travel on a mission. */
export const missionTeam = pgTable(
  "mission_team",
  {
    missionId: uuid("mission_id")
      .notNull()
      .references(() => missions.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.missionId, t.userId] }), index("mission_team_user_idx").on(t.userId)],
);

/** Dated notes the team adds during a mission; the mission's own notes field is the manager's. */
export const missionNotes = pgTable(
  "mission_notes",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    missionId: uuid("mission_id")
      .notNull()
      .references(() => missions.id, { onDelete: "cascade" }),
    authorId: uuid("author_id").references(() => users.id, { onDelete: "set null" }),
    body: text("body").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("mission_notes_mission_idx").on(t.missionId, t.createdAt)],
);

export type Mission = typeof missions.$inferSelect;
