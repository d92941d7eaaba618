import crypto from "node:crypto";
import { asc, count, eq } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";
import type { Db } from "@/db/client";
import { auditEntries, users } from "@/db/schema";
import type { Locale, Narrative } from "@/db/schema/values";
import { hashPassword } from "@/lib/auth/password";
import { loadSessionUser, toSessionUser } from "@/lib/auth/sign-in";
import type { Failure, Result } from "@/lib/result";
import type { Ctx } from "@/lib/session-user";

/** A short random string, so rows made by one test never collide with another's. */
export function uniqueTag(): string {
  return crypto.randomBytes(4).toString("hex");
}

export function uniqueEmail(prefix = "user"): string {
  return `${prefix}-${uniqueTag()}@test.example`;
}

/** The data of a successful result; a failure ends the test with the failure in the message. */
export function expectOk<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`Expected success, got ${JSON.stringify(result)}`);
  return result.data;
}

/** The failure of a result; a success ends the test with the data in the message. */
export function expectFailure<T>(result: Result<T>): Failure {
  if (result.ok) throw new Error(`Expected a failure, got ${JSON.stringify(result.data)}`);
  return result;
}

export async function countRows(db: Db, table: PgTable): Promise<number> {
  const [row] = await db.select({ n: count() }).from(table);
  return Number(row?.n ?? 0);
}

/** Row counts of the given tables, to show that a refused write left everything as it was. */
export async function snapshotCounts(db: Db, tables: Record<string, PgTable>): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const [name, table] of Object.entries(tables)) counts[name] = await countRows(db, table);
  return counts;
}

export async function getUserRow(db: Db, userId: string) {
  const [user] = await db.select().from(users).where(eq(users.id, userId));
  if (!user) throw new Error(`No user ${userId}`);
  return user;
}

/** The context a request of this user would get right now. */
export async function ctxFor(db: Db, userId: string): Promise<Ctx> {
  return { db, user: toSessionUser(await getUserRow(db, userId)) };
}

export type Session = { userId: string; sessionVersion: number };

/** What a session cookie issued right now would carry. */
export async function currentSession(db: Db, userId: string): Promise<Session> {
  const user = await getUserRow(db, userId);
  return { userId: user.id, sessionVersion: user.sessionVersion };
}

export async function isSessionValid(db: Db, session: Session): Promise<boolean> {
  return (await loadSessionUser(db, session.userId, session.sessionVersion)) !== null;
}

/** A record's audit trail, oldest first: without an order, PostgreSQL may return it in any. */
export async function auditEntriesFor(db: Db, entityId: string) {
  return db.select().from(auditEntries).where(eq(auditEntries.entityId, entityId)).orderBy(asc(auditEntries.at));
}

type NewUser = { password?: string | null; isActive?: boolean; isAdmin?: boolean; email?: string; mustChangePassword?: boolean; locale?: Locale };

/** Inserts a user directly; `password: null` makes an account that has no password yet. */
export async function insertUser(db: Db, options: NewUser = {}) {
  const { password = "a long enough password", isActive = true, isAdmin = false, mustChangePassword = false, locale = "en" } = options;
  const email = options.email ?? uniqueEmail();
  const [user] = await db
    .insert(users)
    .values({
      email,
      name: `Person ${email}`,
      locale,
      passwordHash: password === null ? null : await hashPassword(password),
      isActive,
      isAdmin,
      mustChangePassword,
    })
    .returning();
  return { ...user!, password };
}

/** A text written in one language only, as a test states a title or a name. */
export function written(text: string, language: Locale = "en"): Narrative {
  return { original: language, [language]: text };
}
