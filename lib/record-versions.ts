import { inArray } from "drizzle-orm";
import { PgTransaction } from "drizzle-orm/pg-core";
import type { Db } from "@/db/client";
import { recordVersions } from "@/db/schema";

/** Runs `compute` unless a figure under the same key was computed at the same record versions, and returns that one. */
export type KeptFigures = <T>(key: string, compute: () => Promise<T>) => Promise<T>;

// Figures are small (counts per group) except a workshop report's records (about 40 KB for 500
// people over two days): a thousand entries stay within a few tens of megabytes.
const capacity = 1000;
const kept = new Map<string, Promise<unknown>>();

/**
 * Figures derived from a project's records, kept in this process while the project's counter and
 * the directory's (raised by database triggers as each changing transaction commits, migration
 * 0024) stay where they were. The counters are read first, so whatever is computed after them is
 * at least as new: a figure can be kept under an older stamp than its data, never a newer one.
 */
export async function keptFigures(db: Db, projectId: string): Promise<KeptFigures> {
  // Inside a transaction the counters have not moved yet for its own writes, which may still be undone.
  if (db instanceof PgTransaction) return (_key, compute) => compute();
  const scopes = [`project:${projectId}`, "directory"];
  const rows = await db.select().from(recordVersions).where(inArray(recordVersions.scope, scopes));
  const stamp = scopes.map((scope) => rows.find((r) => r.scope === scope)?.version ?? 0).join("/");
  return <T>(key: string, compute: () => Promise<T>): Promise<T> => {
    const id = `${projectId}|${stamp}|${key}`;
    const found = kept.get(id);
    if (found) {
      // Read again, so it is the last to go.
      kept.delete(id);
      kept.set(id, found);
      return found as Promise<T>;
    }
    const computing = compute();
    kept.set(id, computing);
    // A failure is not kept: the next reader tries again.
    computing.catch(() => kept.delete(id));
    if (kept.size > capacity) kept.delete(kept.keys().next().value!);
    return computing;
  };
}
