import { and, asc, eq, gt, lt, ne, type SQL } from "drizzle-orm";
import type { Db } from "@/db/client";
import { signInFailures } from "@/db/schema";

export const maxFailures = 5;
export const failureWindowMs = 15 * 60 * 1000;

/**
 * When the e-mail is locked, the moment sign-in opens again; otherwise null. `exceptAttemptId`
 * leaves out the attempt being judged, which is counted before its password is checked.
 */
export async function getSignInLock(db: Db, email: string, now = new Date(), exceptAttemptId?: string): Promise<Date | null> {
  const since = new Date(now.getTime() - failureWindowMs);
  const filters: SQL[] = [eq(signInFailures.email, email), gt(signInFailures.failedAt, since)];
  if (exceptAttemptId) filters.push(ne(signInFailures.id, exceptAttemptId));
  const failures = await db
    .select({ failedAt: signInFailures.failedAt })
    .from(signInFailures)
    .where(and(...filters))
    .orderBy(asc(signInFailures.failedAt));
  if (failures.length < maxFailures) return null;
  // Opens again once the oldest failure that still counts leaves the window.
  const oldestCounted = failures[failures.length - maxFailures]!.failedAt;
  return new Date(oldestCounted.getTime() + failureWindowMs);
}

/** Counts one attempt as failed and returns its id. */
export async function recordSignInFailure(db: Db, email: string, now = new Date()): Promise<string> {
  const [row] = await db.insert(signInFailures).values({ email, failedAt: now }).returning({ id: signInFailures.id });
  // Keep the table small: rows older than the window no longer count, whatever e-mail they name.
  await db.delete(signInFailures).where(lt(signInFailures.failedAt, new Date(now.getTime() - failureWindowMs)));
  return row!.id;
}

/** Takes back one counted attempt, so refusals during a lock do not prolong it. */
export async function forgetSignInAttempt(db: Db, attemptId: string): Promise<void> {
  await db.delete(signInFailures).where(eq(signInFailures.id, attemptId));
}

export async function clearSignInFailures(db: Db, email: string): Promise<void> {
  await db.delete(signInFailures).where(eq(signInFailures.email, email));
}
