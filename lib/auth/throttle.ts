import { and, asc, eq, gt, lt } from "drizzle-orm";
import type { Db } from "@/db/client";
import { signInFailures } from "@/db/schema";

export const maxFailures = 5;
export const failureWindowMs = 15 * 60 * 1000;

/** When the e-mail is locked, the moment sign-in opens again; otherwise null. */
export async function getSignInLock(db: Db, email: string, now = new Date()): Promise<Date | null> {
  const since = new Date(now.getTime() - failureWindowMs);
  const failures = await db
    .select({ failedAt: signInFailures.failedAt })
    .from(signInFailures)
    .where(and(eq(signInFailures.email, email), gt(signInFailures.failedAt, since)))
    .orderBy(asc(signInFailures.failedAt));
  if (failures.length < maxFailures) return null;
  // Opens again once the oldest failure that still counts leaves the window.
  const oldestCounted = failures[failures.length - maxFailures]!.failedAt;
  return new Date(oldestCounted.getTime() + failureWindowMs);
}

export async function recordSignInFailure(db: Db, email: string, now = new Date()): Promise<void> {
  await db.insert(signInFailures).values({ email, failedAt: now });
  // Keep the table small: older rows no longer count.
  await db
    .delete(signInFailures)
    .where(and(eq(signInFailures.email, email), lt(signInFailures.failedAt, new Date(now.getTime() - failureWindowMs))));
}

export async function clearSignInFailures(db: Db, email: string): Promise<void> {
  await db.delete(signInFailures).where(eq(signInFailures.email, email));
}
