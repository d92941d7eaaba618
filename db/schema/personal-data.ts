import { index, integer, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { projects } from "./projects";
import { users } from "./users";

export const accessActions = ["participant.view", "file.download", "duplicates.review"] as const;
export type AccessAction = (typeof accessActions)[number];

/**
 * Who read or took away personal data: a participant's record viewed (participantId set), a file
 * naming participants downloaded (resource says which, with its project or workshop), the
 * duplicates queue reviewed. Never the data itself.
 */
export const accessLog = pgTable(
  "access_log",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
    actorId: uuid("actor_id").references(() => users.id, { onDelete: "set null" }),
    action: text("action", { enum: accessActions }).notNull(),
    // The file or screen, e.g. "participants.export", "attendance.report": a use case's name.
    resource: text("resource").notNull().default(""),
    participantId: uuid("participant_id"),
    projectId: uuid("project_id"),
    workshopId: uuid("workshop_id"),
  },
  (t) => [
    index("access_log_at_idx").on(t.at),
    index("access_log_actor_idx").on(t.actorId, t.at),
    index("access_log_participant_idx").on(t.participantId, t.at),
    index("access_log_project_idx").on(t.projectId, t.at),
    index("access_log_workshop_idx").on(t.workshopId, t.at),
  ],
);

/** One line per retention run and project: how many people it anonymised, never who. */
export const retentionRuns = pgTable(
  "retention_runs",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    ranAt: timestamp("ran_at", { withTimezone: true }).notNull().defaultNow(),
    projectId: uuid("project_id").references(() => projects.id, { onDelete: "set null" }),
    // Null when the daily job ran it; an administrator's id when started by hand.
    actorId: uuid("actor_id").references(() => users.id, { onDelete: "set null" }),
    peopleCount: integer("people_count").notNull(),
  },
  (t) => [index("retention_runs_at_idx").on(t.ranAt)],
);

export type AccessLogEntry = typeof accessLog.$inferSelect;
export type RetentionRun = typeof retentionRuns.$inferSelect;
