import { PgTransaction } from "drizzle-orm/pg-core";
import type { Db } from "@/db/client";
import { accessLog, type AccessAction } from "@/db/schema";
import type { UseCaseCtx } from "@/lib/use-case";

export type AccessEntry = {
  action: AccessAction;
  /** The use case that read the data, e.g. "participants.get". */
  resource: string;
  participantId?: string | null;
  projectId?: string | null;
  workshopId?: string | null;
};

type Row = typeof accessLog.$inferInsert;

/** Entries wait at most this long, or until this many are pending, before one insert writes them. */
export const flushDelayMs = 1000;
export const flushBatchSize = 100;

// On globalThis: Next may load this module in several bundles of one process (pages, API,
// instrumentation), and they must share one buffer so the exit flush sees every entry.
const state = globalThis as unknown as { atelierAccessLog?: { pending: Map<Db, Row[]>; timer: NodeJS.Timeout | null; writing: Set<Promise<void>> } };
state.atelierAccessLog ??= { pending: new Map(), timer: null, writing: new Set() };
const buffer = state.atelierAccessLog;

/**
 * Notes who read personal data. Reads are buffered and written in batches so a page does not wait
 * for an insert; inside a write use case's transaction the entries land with it instead, since the
 * transaction's connection is gone once it ends.
 */
export async function recordAccess(ctx: Pick<UseCaseCtx, "db" | "user">, entries: AccessEntry | AccessEntry[]): Promise<void> {
  const list = Array.isArray(entries) ? entries : [entries];
  if (list.length === 0) return;
  const rows: Row[] = list.map((e) => ({
    actorId: ctx.user.id,
    action: e.action,
    resource: e.resource,
    participantId: e.participantId ?? null,
    projectId: e.projectId ?? null,
    workshopId: e.workshopId ?? null,
    at: new Date(),
  }));
  if (ctx.db instanceof PgTransaction) {
    await ctx.db.insert(accessLog).values(rows);
    return;
  }
  const pending = buffer.pending.get(ctx.db) ?? [];
  pending.push(...rows);
  buffer.pending.set(ctx.db, pending);
  if (pending.length >= flushBatchSize) {
    // After the caller has its answer: building a hundred rows' insert is not the request's work.
    setImmediate(() => void flushAccessLog());
  } else if (!buffer.timer) {
    buffer.timer = setTimeout(() => void flushAccessLog(), flushDelayMs);
    buffer.timer.unref();
  }
}

/**
 * Writes every pending entry now (one insert per database), and waits for writes already under
 * way. Tests call it before reading the log; the server, when it stops.
 */
export async function flushAccessLog(): Promise<void> {
  if (buffer.timer) clearTimeout(buffer.timer);
  buffer.timer = null;
  const batches = [...buffer.pending];
  buffer.pending.clear();
  const writing = Promise.all(batches.map(([db, rows]) => writeBatch(db, rows))).then(() => undefined);
  buffer.writing.add(writing);
  void writing.finally(() => buffer.writing.delete(writing));
  await Promise.all(buffer.writing);
}

async function writeBatch(db: Db, rows: Row[]): Promise<void> {
  try {
    await db.insert(accessLog).values(rows);
  } catch (error) {
    // The count and the database's error code only: the entries name people.
    console.error(`access log: ${rows.length} entries could not be written (${errorCode(error)})`);
  }
}

/** The server writes what is pending when it is stopped, so a restart loses no entry. */
export function flushAccessLogOnExit(): void {
  for (const signal of ["SIGTERM", "SIGINT"] as const) process.on(signal, () => void flushAccessLog());
  process.on("beforeExit", () => void flushAccessLog());
}

/** The database's error code, found through the wrappers: safe to log, unlike the message (it may quote values). */
export function errorCode(error: unknown): string {
  for (let e = error as { code?: string; cause?: unknown } | undefined; e; e = e.cause as typeof e) {
    if (typeof e.code === "string") return e.code;
  }
  return "no code";
}
