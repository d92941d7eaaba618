import crypto from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database, Db } from "@/db/client";
import { signInFailures, users } from "@/db/schema";
import { createTestDatabase } from "@/db/testing";
import {
  auditEntriesFor,
  currentSession,
  expectFailure,
  expectOk,
  getUserRow,
  insertUser,
  isSessionValid,
  uniqueEmail,
} from "@/lib/testing/helpers";
import { authenticate, createSignInLink, loadSessionUser, revokeSessions, setPasswordWithLink, signInLinkLifetimeMs } from "./service";
import { failureWindowMs, getSignInLock, maxFailures, recordSignInFailure } from "./throttle";

const minute = 60 * 1000;
const newPassword = "a brand new passphrase";

let database: Database;
let db: Db;

beforeAll(async () => {
  database = await createTestDatabase();
  db = database.db;
});
afterAll(() => database.close());

const minutesAgo = (minutes: number, from = new Date()) => new Date(from.getTime() - minutes * minute);

/** Records one failure per entry of `minutesAgoList`, each that many minutes before `now`. */
async function recordFailuresAt(email: string, minutesAgoList: number[], now = new Date()) {
  for (const m of minutesAgoList) await recordSignInFailure(db, email, minutesAgo(m, now));
}

async function failSignIn(email: string, times: number) {
  for (let i = 0; i < times; i++) {
    expect(await authenticate(db, { email, password: "not the password" })).toEqual({ ok: false, reason: "invalid" });
  }
}

const setPassword = (token: string, password = newPassword, confirmPassword = password) =>
  setPasswordWithLink(db, { token, password, confirmPassword });

describe("authenticate", () => {
  it("signs in with the right password", async () => {
    const user = await insertUser(db);
    const result = await authenticate(db, { email: user.email, password: user.password });
    expect(result).toEqual({
      ok: true,
      user: { id: user.id, email: user.email, name: user.name, sessionVersion: user.sessionVersion },
    });
  });

  it("accepts the e-mail typed with capitals and surrounding spaces", async () => {
    const user = await insertUser(db);
    const result = await authenticate(db, { email: `  ${user.email.toUpperCase()} `, password: user.password });
    expect(result).toMatchObject({ ok: true, user: { id: user.id } });
  });

  it("gives the identical answer for a wrong password, an unknown e-mail and a deactivated account", async () => {
    const user = await insertUser(db);
    const deactivated = await insertUser(db, { isActive: false });
    const answers = [
      await authenticate(db, { email: user.email, password: "not the password" }),
      await authenticate(db, { email: uniqueEmail("nobody"), password: user.password! }),
      await authenticate(db, { email: deactivated.email, password: deactivated.password }),
    ];
    for (const answer of answers) expect(answer).toEqual({ ok: false, reason: "invalid" });
  });

  it("refuses malformed input as invalid", async () => {
    expect(await authenticate(db, { email: "not-an-email", password: "x" })).toEqual({ ok: false, reason: "invalid" });
    expect(await authenticate(db, { email: uniqueEmail() })).toEqual({ ok: false, reason: "invalid" });
  });

  it("refuses an account that has no password yet, whatever password is typed", async () => {
    const user = await insertUser(db, { password: null });
    expect(await authenticate(db, { email: user.email, password: "atelier-timing-equaliser" })).toEqual({
      ok: false,
      reason: "invalid",
    });
  });
});

describe("sign-in throttling", () => {
  it(`locks the e-mail after ${maxFailures} failures, even for the right password, until 15 minutes after the first`, async () => {
    const user = await insertUser(db);
    const firstFailure = new Date();
    await failSignIn(user.email, maxFailures);
    const lastFailure = new Date();

    const result = await authenticate(db, { email: user.email, password: user.password });
    expect(result).toMatchObject({ ok: false, reason: "locked" });
    const retryAt = !result.ok ? result.retryAt!.getTime() : 0;
    expect(retryAt).toBeGreaterThanOrEqual(firstFailure.getTime() + failureWindowMs);
    expect(retryAt).toBeLessThanOrEqual(lastFailure.getTime() + failureWindowMs);
  });

  it("locks an unknown e-mail too, so a lock does not reveal that an account exists", async () => {
    const email = uniqueEmail("nobody");
    await failSignIn(email, maxFailures);
    expect(await authenticate(db, { email, password: "whatever it is" })).toMatchObject({ ok: false, reason: "locked" });
  });

  it("counts failures per e-mail, whatever its capitalisation, and leaves other e-mails alone", async () => {
    const user = await insertUser(db);
    const other = await insertUser(db);
    await failSignIn(user.email.toUpperCase(), maxFailures);
    expect(await authenticate(db, { email: user.email, password: user.password })).toMatchObject({ reason: "locked" });
    expect(await authenticate(db, { email: other.email, password: other.password })).toMatchObject({ ok: true });
  });

  it(`checks at most ${maxFailures} guesses sent at the same time`, async () => {
    const user = await insertUser(db);
    const guesses = Array.from({ length: 4 * maxFailures }, (_, i) =>
      authenticate(db, { email: user.email, password: `wrong guess ${i}` }),
    );
    const answers = await Promise.all(guesses);
    const checked = answers.filter((a) => !a.ok && a.reason === "invalid");
    expect(checked.length).toBeLessThanOrEqual(maxFailures);
  });

  it("does not count failures older than 15 minutes", async () => {
    const user = await insertUser(db);
    // Four recent failures, then four old ones recorded afterwards (so none is cleaned up yet).
    await recordFailuresAt(user.email, [7, 5, 3, 1]);
    await recordFailuresAt(user.email, [30, 25, 20, 16]);
    expect(await db.select().from(signInFailures).where(eq(signInFailures.email, user.email))).toHaveLength(8);
    expect(await getSignInLock(db, user.email)).toBeNull();
    expect(await authenticate(db, { email: user.email, password: user.password })).toMatchObject({ ok: true });
  });

  it("opens again once the oldest counted failure leaves the window", async () => {
    const email = uniqueEmail();
    const now = new Date();
    // Six failures in the window: the oldest no longer matters, the second oldest sets the lock.
    await recordFailuresAt(email, [14, 10, 8, 6, 4, 2], now);
    const retryAt = await getSignInLock(db, email, now);
    expect(retryAt).toEqual(new Date(minutesAgo(10, now).getTime() + failureWindowMs));
    expect(await getSignInLock(db, email, new Date(retryAt!.getTime() - 1))).not.toBeNull();
    expect(await getSignInLock(db, email, retryAt!)).toBeNull();
  });

  it("reads the lock from the failures stored in the database", async () => {
    const email = uniqueEmail();
    const now = new Date();
    const rows = [12, 9, 6, 3, 1].map((m) => ({ email, failedAt: minutesAgo(m, now) }));
    await db.insert(signInFailures).values(rows.slice(0, maxFailures - 1));
    expect(await getSignInLock(db, email, now)).toBeNull();

    await db.insert(signInFailures).values(rows[maxFailures - 1]!);
    expect(await getSignInLock(db, email, now)).toEqual(new Date(minutesAgo(12, now).getTime() + failureWindowMs));

    await db.delete(signInFailures).where(eq(signInFailures.email, email));
    expect(await getSignInLock(db, email, now)).toBeNull();
  });

  it("starts counting again from zero after a successful sign-in", async () => {
    const user = await insertUser(db);
    await failSignIn(user.email, maxFailures - 1);
    expect(await authenticate(db, { email: user.email, password: user.password })).toMatchObject({ ok: true });
    await failSignIn(user.email, maxFailures - 1);
    expect(await authenticate(db, { email: user.email, password: user.password })).toMatchObject({ ok: true });
  });
});

describe("loadSessionUser", () => {
  it("returns the user for the current session", async () => {
    const user = await insertUser(db, { isAdmin: true, mustChangePassword: true });
    expect(await loadSessionUser(db, user.id, user.sessionVersion)).toEqual({
      id: user.id,
      email: user.email,
      name: user.name,
      locale: "en",
      isAdmin: true,
      mustChangePassword: true,
    });
  });

  it("returns null after the sessions are revoked, for another version, and for a deactivated user", async () => {
    const user = await insertUser(db);
    const session = await currentSession(db, user.id);
    expect(await loadSessionUser(db, user.id, session.sessionVersion + 1)).toBeNull();

    await revokeSessions(db, user.id);
    expect(await isSessionValid(db, session)).toBe(false);
    const renewed = await currentSession(db, user.id);
    expect(await isSessionValid(db, renewed)).toBe(true);

    await db.update(users).set({ isActive: false }).where(eq(users.id, user.id));
    expect(await isSessionValid(db, renewed)).toBe(false);
  });

  it("returns null for a user that does not exist", async () => {
    expect(await loadSessionUser(db, crypto.randomUUID(), 1)).toBeNull();
  });
});

describe("one-time sign-in link", () => {
  it("sets the password once; the user then signs in with it, and older sessions end", async () => {
    const user = await insertUser(db, { password: null, mustChangePassword: true });
    const oldSession = await currentSession(db, user.id);
    const { token } = await createSignInLink(db, user.id);

    expect(expectOk(await setPassword(token))).toMatchObject({ email: user.email });
    expect(await authenticate(db, { email: user.email, password: newPassword })).toMatchObject({ ok: true });
    expect((await getUserRow(db, user.id)).mustChangePassword).toBe(false);
    expect(await isSessionValid(db, oldSession)).toBe(false);
    expect((await auditEntriesFor(db, user.id)).map((e) => e.action)).toEqual(["password.set_with_link"]);

    expect(await setPassword(token, "yet another passphrase")).toEqual({ ok: false, error: "not_found" });
    expect(await authenticate(db, { email: user.email, password: newPassword })).toMatchObject({ ok: true });
  });

  it("refuses an expired link", async () => {
    const user = await insertUser(db);
    const issuedAt = new Date(Date.now() - signInLinkLifetimeMs - minute);
    const { token } = await createSignInLink(db, user.id, issuedAt);
    expect(await setPassword(token)).toEqual({ ok: false, error: "not_found" });
    expect(await authenticate(db, { email: user.email, password: user.password })).toMatchObject({ ok: true });
  });

  it("stops an earlier unused link from working when a new one is issued", async () => {
    const user = await insertUser(db, { password: null });
    const first = await createSignInLink(db, user.id);
    const second = await createSignInLink(db, user.id);
    expect(await setPassword(first.token)).toEqual({ ok: false, error: "not_found" });
    expectOk(await setPassword(second.token));
  });

  it("refuses a link of a deactivated user", async () => {
    const user = await insertUser(db, { password: null });
    const { token } = await createSignInLink(db, user.id);
    await db.update(users).set({ isActive: false }).where(eq(users.id, user.id));
    expect(await setPassword(token)).toEqual({ ok: false, error: "not_found" });
  });

  it("refuses a confirmation that differs, changing nothing, and the link still works afterwards", async () => {
    const user = await insertUser(db);
    const before = await getUserRow(db, user.id);
    const { token } = await createSignInLink(db, user.id);

    const failure = expectFailure(await setPassword(token, newPassword, `${newPassword}!`));
    expect(failure).toEqual({ ok: false, error: "invalid", fieldErrors: { confirmPassword: { key: "passwordsDiffer" } } });
    expect(await getUserRow(db, user.id)).toEqual(before);
    expect(await auditEntriesFor(db, user.id)).toEqual([]);

    expectOk(await setPassword(token));
  });

  it("refuses a password shorter than 12 characters", async () => {
    const user = await insertUser(db, { password: null });
    const { token } = await createSignInLink(db, user.id);
    const failure = expectFailure(await setPassword(token, "too short"));
    expect(failure.fieldErrors?.password).toEqual({ key: "tooShort", values: { min: 12 } });
  });
});
