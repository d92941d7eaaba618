import { and, eq, gt, ne, or, sql, type SQL } from "drizzle-orm";
import { executeRows, type Db } from "@/db/client";
import { signInAttempts } from "@/db/schema";

/**
 * Sign-in throttling, kept in the database so every app instance sees the same attempts.
 *
 * A failure is charged to the client's address, never to the account alone, so a stranger
 * guessing at an account slows down only themselves: the owner signing in from elsewhere is not
 * held up. Past `pairFailures` failures for one account from one address, or `addressFailures`
 * failures from one address across accounts, that address waits before its next try, longer with
 * each further failure. A global ceiling on password checks per second bounds what many addresses
 * together can cost the server: it counts the checks under way and those that failed, not the
 * sign-ins that succeeded, so a room of people signing in at once is never told to wait.
 */
export const throttle = {
  windowMs: 15 * 60 * 1000,
  pairFailures: 5,
  addressFailures: 30,
  firstWaitMs: 30 * 1000,
  maxWaitMs: 15 * 60 * 1000,
  checksPerSecond: 20,
} as const;

export type SignInRefusal = { reason: "locked"; retryAt: Date } | { reason: "busy" };

/**
 * Records an attempt before its password is checked, so guesses sent at the same moment all see
 * each other and cannot slip under the limits together; returns its id. Rows older than the
 * window no longer count for anything, so they are deleted here and the table stays small.
 */
export async function startSignInAttempt(db: Db, email: string, clientAddress: string, now = new Date()): Promise<string> {
  const since = new Date(now.getTime() - throttle.windowMs);
  // One statement, so the clean-up costs no extra round trip to the database.
  const [row] = await executeRows<{ id: string }>(
    db,
    sql`with expired as (delete from ${signInAttempts} where ${signInAttempts.at} < ${since.toISOString()})
      insert into ${signInAttempts} (email, client_address, at) values (${email}, ${clientAddress}, ${now.toISOString()}) returning id`,
  );
  return row!.id;
}

/**
 * Why this address may not try this e-mail's password now, or null when it may.
 * `exceptAttemptId` leaves out the attempt being judged.
 */
export async function getSignInRefusal(db: Db, email: string, clientAddress: string, now = new Date(), exceptAttemptId?: string): Promise<SignInRefusal | null> {
  const since = new Date(now.getTime() - throttle.windowMs);
  const secondAgo = new Date(now.getTime() - 1000);
  const fromAddress = and(eq(signInAttempts.clientAddress, clientAddress), gt(signInAttempts.at, since), eq(signInAttempts.succeeded, false))!;
  const forPair = and(fromAddress, eq(signInAttempts.email, email))!;
  const inLastSecond = and(gt(signInAttempts.at, secondAgo), eq(signInAttempts.succeeded, false))!;
  const filters: SQL[] = [or(fromAddress, inLastSecond)!];
  if (exceptAttemptId) filters.push(ne(signInAttempts.id, exceptAttemptId));
  const [counts] = await db
    .select({
      pairFailures: sql<number>`count(*) filter (where ${forPair})`.mapWith(Number),
      pairLast: sql<Date | null>`max(${signInAttempts.at}) filter (where ${forPair})`.mapWith(signInAttempts.at),
      addressFailures: sql<number>`count(*) filter (where ${fromAddress})`.mapWith(Number),
      addressLast: sql<Date | null>`max(${signInAttempts.at}) filter (where ${fromAddress})`.mapWith(signInAttempts.at),
      recentChecks: sql<number>`count(*) filter (where ${inLastSecond})`.mapWith(Number),
    })
    .from(signInAttempts)
    .where(and(...filters));
  const retryAt = latest(
    waitUntil(counts!.pairFailures, throttle.pairFailures, counts!.pairLast),
    waitUntil(counts!.addressFailures, throttle.addressFailures, counts!.addressLast),
  );
  if (retryAt && retryAt > now) return { reason: "locked", retryAt };
  if (counts!.recentChecks >= throttle.checksPerSecond) return { reason: "busy" };
  return null;
}

/** From the limit on, each further failure doubles the wait after the last one, up to the cap. */
function waitUntil(failures: number, limit: number, lastFailure: Date | null): Date | null {
  if (failures < limit || !lastFailure) return null;
  const wait = Math.min(throttle.firstWaitMs * 2 ** (failures - limit), throttle.maxWaitMs);
  return new Date(lastFailure.getTime() + wait);
}

function latest(a: Date | null, b: Date | null): Date | null {
  if (!a || !b) return a ?? b;
  return a > b ? a : b;
}

/** Takes back an attempt refused before its password was checked, so waiting is not prolonged by it. */
export async function forgetSignInAttempt(db: Db, attemptId: string): Promise<void> {
  await db.delete(signInAttempts).where(eq(signInAttempts.id, attemptId));
}

/** The right password from this address: its earlier failures for this account stop counting. */
export async function recordSignInSuccess(db: Db, attemptId: string, email: string, clientAddress: string): Promise<void> {
  await db.execute(
    sql`with forgotten as (delete from ${signInAttempts}
        where email = ${email} and client_address = ${clientAddress} and not succeeded and id <> ${attemptId})
      update ${signInAttempts} set succeeded = true where id = ${attemptId}`,
  );
}
