import { bigint, pgTable, text } from "drizzle-orm/pg-core";

/**
 * A counter per scope ("project:<id>", or "directory" for the people, institutions and bodies all
 * projects share), raised by database triggers when a transaction that changed the scope's records
 * commits (migration 0024). Figures derived from those records are kept while the counters they
 * were computed at still hold (lib/record-versions.ts).
 */
export const recordVersions = pgTable("record_versions", {
  scope: text("scope").primaryKey(),
  version: bigint("version", { mode: "number" }).notNull(),
});
