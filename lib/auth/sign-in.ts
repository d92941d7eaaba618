import crypto from "node:crypto";
import { and, eq, gt, isNull, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { signInLinks, users, type Locale, type User } from "@/db/schema";
import { recordAudit } from "@/lib/audit";
import type { Result } from "@/lib/result";
import type { SessionUser } from "@/lib/session-user";
import { toFieldErrors } from "@/lib/validation";
import { unknownClientAddress } from "./client-address";
import { burnPasswordCheck, hashPassword, needsRehash, verifyPassword } from "./password";
import { passSecondFactor } from "./second-factor";
import { hashToken } from "./token-hash";
import { setPasswordWithLinkInput, signInInput } from "./schemas";
import { forgetSignInAttempt, getSignInRefusal, recordSignInSuccess, startSignInAttempt, type SignInRefusal } from "./throttle";

export type AuthenticatedUser = { id: string; email: string; name: string; sessionVersion: number };
export type AuthenticateResult = { ok: true; user: AuthenticatedUser } | ({ ok: false } & ({ reason: "invalid" | "code_required" } | SignInRefusal));

/**
 * Checks e-mail and password for a client at `clientAddress` (see client-address.ts), then, when
 * the account's second factor is on, the code ("code_required" until one is sent). One answer,
 * "invalid", for an unknown e-mail, a wrong password or code and a deactivated account, so the
 * response never reveals whether an account exists.
 */
export async function authenticate(db: Db, rawInput: unknown, clientAddress = unknownClientAddress): Promise<AuthenticateResult> {
  const parsed = signInInput.safeParse(rawInput);
  if (!parsed.success) return { ok: false, reason: "invalid" };
  const { email, password } = parsed.data;

  const attemptId = await startSignInAttempt(db, email, clientAddress);
  const refusal = await getSignInRefusal(db, email, clientAddress, new Date(), attemptId);
  if (refusal) {
    await forgetSignInAttempt(db, attemptId);
    return { ok: false, ...refusal };
  }

  const [user] = await db.select().from(users).where(eq(users.email, email)).limit(1);
  // An account without a password yet (waiting for its one-time link) never signs in by password;
  // the dummy check only keeps the response time the same.
  const storedHash = user?.passwordHash;
  const isValid = storedHash ? await verifyPassword(storedHash, password) : await burnPasswordCheck(password).then(() => false);
  if (!user || !storedHash || !isValid || !user.isActive) return { ok: false, reason: "invalid" };
  if (user.totpSecret) {
    // The right password alone is not a failed attempt; a wrong code is one, as a wrong password is.
    if (!parsed.data.code) {
      await forgetSignInAttempt(db, attemptId);
      return { ok: false, reason: "code_required" };
    }
    if (!(await passSecondFactor(db, user, parsed.data.code))) return { ok: false, reason: "invalid" };
  }
  await recordSignInSuccess(db, attemptId, email, clientAddress);
  if (needsRehash(storedHash)) {
    // Only if the hash is still the one just verified, so a password changed meanwhile is kept.
    await db
      .update(users)
      .set({ passwordHash: await hashPassword(password) })
      .where(and(eq(users.id, user.id), eq(users.passwordHash, storedHash)));
  }
  return { ok: true, user: { id: user.id, email: user.email, name: user.name, sessionVersion: user.sessionVersion } };
}

/** The user behind a session, or null when the account is gone, deactivated, or the session was revoked. */
export async function loadSessionUser(db: Db, userId: string, sessionVersion: number): Promise<SessionUser | null> {
  const [user] = await db.select().from(users).where(eq(users.id, userId)).limit(1);
  if (!user?.isActive || user.sessionVersion !== sessionVersion) return null;
  return toSessionUser(user);
}

export function toSessionUser(user: User): SessionUser {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    locale: user.locale,
    isAdmin: user.isAdmin,
    mustChangePassword: user.mustChangePassword,
  };
}

/** Revokes every session of the user: each older cookie fails the version check at its next request. */
export async function revokeSessions(db: Db, userId: string): Promise<void> {
  await db
    .update(users)
    .set({ sessionVersion: sql`${users.sessionVersion} + 1` })
    .where(eq(users.id, userId));
}

export const signInLinkLifetimeMs = 72 * 60 * 60 * 1000;
/** A link sent because the password was forgotten lives an hour. */
export const resetLinkLifetimeMs = 60 * 60 * 1000;

/** Creates a one-time link token; only its hash is stored. Earlier unused links stop working. */
export async function createSignInLink(db: Db, userId: string, now = new Date(), lifetimeMs = signInLinkLifetimeMs): Promise<{ token: string; expiresAt: Date }> {
  const token = crypto.randomBytes(32).toString("base64url");
  const expiresAt = new Date(now.getTime() + lifetimeMs);
  await db.delete(signInLinks).where(and(eq(signInLinks.userId, userId), isNull(signInLinks.usedAt)));
  await db.insert(signInLinks).values({ userId, tokenHash: hashToken(token), expiresAt });
  return { token, expiresAt };
}

export async function findUsableSignInLink(db: Db, token: string) {
  const [link] = await db
    .select({ id: signInLinks.id, userId: signInLinks.userId, name: users.name, email: users.email, locale: users.locale })
    .from(signInLinks)
    .innerJoin(users, eq(users.id, signInLinks.userId))
    .where(and(eq(signInLinks.tokenHash, hashToken(token)), isNull(signInLinks.usedAt), gt(signInLinks.expiresAt, new Date()), eq(users.isActive, true)))
    .limit(1);
  return link ?? null;
}

/**
 * Spends a one-time link to set the user's password. The link is marked used in the same
 * transaction, so a second use (or a race) finds nothing.
 */
export async function setPasswordWithLink(db: Db, rawInput: unknown): Promise<Result<{ email: string; locale: Locale }>> {
  const parsed = setPasswordWithLinkInput.safeParse(rawInput);
  if (!parsed.success) return { ok: false, error: "invalid", fieldErrors: toFieldErrors(parsed.error) };
  const passwordHash = await hashPassword(parsed.data.password);
  return db.transaction(async (tx) => {
    const link = await findUsableSignInLink(tx, parsed.data.token);
    if (!link) return { ok: false, error: "not_found" } as const;
    const [spent] = await tx
      .update(signInLinks)
      .set({ usedAt: new Date() })
      .where(and(eq(signInLinks.id, link.id), isNull(signInLinks.usedAt)))
      .returning({ id: signInLinks.id });
    if (!spent) return { ok: false, error: "not_found" } as const;
    await tx
      .update(users)
      .set({ passwordHash, mustChangePassword: false, sessionVersion: sql`${users.sessionVersion} + 1`, updatedAt: new Date() })
      .where(eq(users.id, link.userId));
    await recordAudit(tx, {
      actorId: link.userId,
      action: "auth.setPasswordWithLink",
      entityType: "user",
      entityId: link.userId,
      changes: { password: { before: "•••", after: "•••" } },
    });
    return { ok: true, data: { email: link.email, locale: link.locale } } as const;
  });
}
