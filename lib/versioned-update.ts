import { and, eq, sql } from "drizzle-orm";
import type { PgColumn, PgTable, PgUpdateSetSource } from "drizzle-orm/pg-core";
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
