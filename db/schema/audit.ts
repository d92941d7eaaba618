import { index, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "./users";

export type FieldChanges = Record<string, { before: unknown; after: unknown }>;

export const auditEntries = pgTable(
  "audit_entries",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
    actorId: uuid("actor_id").references(() => users.id, { onDelete: "set null" }),
    action: text("action").notNull(),
    entityType: text("entity_type").notNull(),
    entityId: text("entity_id").notNull(),
    projectId: uuid("project_id"),
    changes: jsonb("changes").$type<FieldChanges>().notNull().default({}),
  },
  (t) => [index("audit_entries_at_idx").on(t.at), index("audit_entries_actor_idx").on(t.actorId, t.at), index("audit_entries_entity_idx").on(t.entityType, t.at)],
);

export type AuditEntry = typeof auditEntries.$inferSelect;
