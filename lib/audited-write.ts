import { and, eq, sql } from "drizzle-orm";
import type { PgColumn, PgInsertValue, PgTable, PgUpdateSetSource } from "drizzle-orm/pg-core";
import type { Db } from "@/db/client";
import type { FieldChanges } from "@/db/schema";
import { type AuditEntityType, diffFields, recordAudit } from "@/lib/audit";
import { UseCaseError } from "@/lib/result";
import type { UseCaseCtx } from "@/lib/use-case";

/** A table whose rows people edit concurrently: each carries the version an update must match. */
export type VersionedTable = PgTable & { id: PgColumn; version: PgColumn; updatedAt: PgColumn };

/** What an update of a versioned row sets besides its own fields: the next version, and when. */
export const nextVersion = (table: VersionedTable) => ({ version: sql`${table.version} + 1`, updatedAt: new Date() });

type VersionedUpdate<T extends VersionedTable> = {
  /** The row as loaded (and scope-checked) by the use case: what the audit entry compares with. */
  before: T["$inferSelect"] & { id: string };
  /** The version the editor loaded. */
  version: number;
  set: PgUpdateSetSource<T>;
  audit: {
    action: string;
    entityType: AuditEntityType;
    projectId?: string;
    /** The row's fields listed with their before and after values when they differ. */
    fields?: readonly (keyof T["$inferSelect"] & string)[];
    /** What changed outside the row (links, evidence, counts), listed after its fields. */
    changes?: FieldChanges;
  };
};

/**
 * Updates a row only if it still has the version the editor loaded, so a concurrent edit is refused
 * as "stale", never overwritten; then records the audit entry of what changed. Called inside a
 * write use case, whose transaction makes the update and its entry land together or not at all.
 */
export async function updateVersioned<T extends VersionedTable>(
  ctx: Pick<UseCaseCtx, "db" | "user">,
  table: T,
  { before, version, set, audit }: VersionedUpdate<T>,
): Promise<T["$inferSelect"]> {
  const [after] = (await ctx.db
    .update(table)
    .set({ ...set, ...nextVersion(table) } as PgUpdateSetSource<T>)
    .where(and(eq(table.id, before.id), eq(table.version, version)))
    .returning()) as T["$inferSelect"][];
  if (!after) throw new UseCaseError("stale");
  await recordAudit(ctx.db, {
    actorId: ctx.user.id,
    action: audit.action,
    entityType: audit.entityType,
    entityId: before.id,
    projectId: audit.projectId,
    changes: { ...diffFields(before, after, audit.fields ?? []), ...audit.changes },
  });
  return after;
}

type AuditedInsert<T extends PgTable & { id: PgColumn }> = {
  values: PgInsertValue<T>;
  audit: {
    action: string;
    entityType: AuditEntityType;
    /** The project the entry is filed under; worked out from the new row when the row is the project. */
    projectId?: string | ((row: T["$inferSelect"]) => string);
    /** The new row's fields, each listed with its value. */
    fields: readonly (keyof T["$inferSelect"] & string)[];
    /** What was created beside the row (links, a team, evidence), listed after its fields. */
    changes?: FieldChanges;
  };
};

/**
 * Inserts a row and records the audit entry of its creation, under the new row's id. Takes the
 * database and the acting user's id rather than a use case's context, since imports and the
 * offline sync create rows on a user's behalf too.
 */
export async function insertAudited<T extends PgTable & { id: PgColumn }>(db: Db, actorId: string, table: T, { values, audit }: AuditedInsert<T>): Promise<T["$inferSelect"]> {
  const [created] = (await db.insert(table).values(values).returning()) as T["$inferSelect"][];
  const row = created as T["$inferSelect"] & { id: string };
  await recordAudit(db, {
    actorId,
    action: audit.action,
    entityType: audit.entityType,
    entityId: row.id,
    projectId: typeof audit.projectId === "function" ? audit.projectId(row) : audit.projectId,
    changes: { ...diffFields(null, row, audit.fields), ...audit.changes },
  });
  return row;
}
