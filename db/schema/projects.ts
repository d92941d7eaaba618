import { boolean, date, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "./users";
import { type Narrative, projectRoles, projectStatuses } from "./values";

export const projects = pgTable("projects", {
  id: uuid("id").primaryKey().defaultRandom(),
  code: text("code").notNull().unique(),
  name: jsonb("name").$type<Narrative>().notNull(),
  country: text("country").notNull(),
  startDate: date("start_date").notNull(),
  endDate: date("end_date").notNull(),
  funder: text("funder").notNull().default(""),
  description: jsonb("description").$type<Narrative>(),
  status: text("status", { enum: projectStatuses }).notNull().default("planned"),
  // Participants' personal data is anonymised this many years after every project that knows them ended.
  retentionYears: integer("retention_years").notNull().default(5),
  // A legal hold stops anonymisation for everyone the project knows.
  legalHold: boolean("legal_hold").notNull().default(false),
  version: integer("version").notNull().default(1),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

export const projectMembers = pgTable(
  "project_members",
  {
    projectId: uuid("project_id")
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    role: text("role", { enum: projectRoles }).notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.projectId, t.userId] }), index("project_members_user_idx").on(t.userId)],
);

export type Project = typeof projects.$inferSelect;
