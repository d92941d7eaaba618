import crypto from "node:crypto";
import { hash, parseOptions } from "@node-rs/argon2";
import { and, eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Database, Db } from "@/db/client";
import { signInAttempts, users } from "@/db/schema";
import { createTestDatabase } from "@/db/testing";
import { auditEntriesFor, currentSession, expectFailure, expectOk, getUserRow, insertUser, isSessionValid, uniqueEmail } from "@/lib/testing/helpers";
import { passwordHashOptions, verifyPassword } from "./password";
import { authenticate, createSignInLink, loadSessionUser, revokeSessions, setPasswordWithLink, signInLinkLifetimeMs } from "./sign-in";
import { getSignInRefusal, throttle } from "./throttle";

const second = 1000;
const minute = 60 * second;
const newPassword = "a brand new passphrase";

let database: Database;
let db: Db;

beforeAll(async () => {
  database = await createTestDatabase();
  db = database.db;
});
afterAll(() => database.close());
// The global ceiling counts every address: one test's failures must not make the next one "busy".
beforeEach(async () => {
  await db.delete(signInAttempts);
});

let addressCounter = 0;
/** A client address of its own for each test, so one test's failures never slow another down. */
const newAddress = () => `198.51.100.${addressCounter++}`;

/** Failed attempts stored as if made `secondsAgo` before `now`, from `clientAddress`. */
async function storeFailures(email: string | ((i: number) => string), clientAddress: string, secondsAgo: number[], now = new Date()) {
  await db
    .insert(signInAttempts)
    .values(secondsAgo.map((s, i) => ({ email: typeof email === "string" ? email : email(i), clientAddress, at: new Date(now.getTime() - s * second) })));
}

async function failSignIn(email: string, clientAddress: string, times: number) {
  for (let i = 0; i < times; i++) {
    expect(await authenticate(db, { email, password: "not the password" }, clientAddress)).toEqual({ ok: false, reason: "invalid" });
  }
}

const setPassword = (token: string, password = newPassword, confirmPassword = password) => setPasswordWithLink(db, { token, password, confirmPassword });

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
  const { pairFailures, addressFailures, firstWaitMs, maxWaitMs, windowMs, checksPerSecond } = throttle;

  it("keeps the owner signing in from elsewhere while a stranger hammers their account", async () => {
    const owner = await insertUser(db, { isAdmin: true });
    const stranger = newAddress();
    await failSignIn(owner.email, stranger, pairFailures);
    for (let i = 0; i < 3; i++) {
      expect(await authenticate(db, { email: owner.email, password: "another guess" }, stranger)).toMatchObject({ ok: false, reason: "locked" });
    }
    expect(await authenticate(db, { email: owner.email, password: owner.password }, newAddress())).toMatchObject({ ok: true });
    // The stranger waits even with the right password: a wait must not tell them they guessed it.
    expect(await authenticate(db, { email: owner.email, password: owner.password }, stranger)).toMatchObject({ ok: false, reason: "locked" });
  });

  it(`makes an address wait after ${pairFailures} failures on one account, longer after each further failure, up to a cap`, async () => {
    const email = uniqueEmail();
    const address = newAddress();
    const now = new Date();
    await storeFailures(email, address, [50, 40, 30, 20], now);
    expect(await getSignInRefusal(db, email, address, now)).toBeNull();

    await storeFailures(email, address, [10], now);
    expect(await getSignInRefusal(db, email, address, now)).toEqual({ reason: "locked", retryAt: new Date(now.getTime() - 10 * second + firstWaitMs) });
    await storeFailures(email, address, [5], now);
    expect(await getSignInRefusal(db, email, address, now)).toEqual({ reason: "locked", retryAt: new Date(now.getTime() - 5 * second + 2 * firstWaitMs) });
    await storeFailures(email, address, [4, 3, 2, 1, 0, 0, 0, 0, 0, 0], now);
    expect(await getSignInRefusal(db, email, address, now)).toEqual({ reason: "locked", retryAt: new Date(now.getTime() + maxWaitMs) });
    // Another account from the same address, and the same account from another address, go on.
    expect(await getSignInRefusal(db, uniqueEmail(), address, now)).toBeNull();
    expect(await getSignInRefusal(db, email, newAddress(), now)).toBeNull();
  });

  it(`makes an address that fails on ${addressFailures} different e-mails wait before trying any other`, async () => {
    const address = newAddress();
    await storeFailures(
      (i) => uniqueEmail(`guess${i}`),
      address,
      Array.from({ length: addressFailures - 1 }, (_, i) => 60 + i),
    );
    await failSignIn(uniqueEmail("last"), address, 1);
    const user = await insertUser(db);
    expect(await authenticate(db, { email: user.email, password: user.password }, address)).toMatchObject({ ok: false, reason: "locked" });
    expect(await authenticate(db, { email: user.email, password: user.password }, newAddress())).toMatchObject({ ok: true });
  });

  it("makes an unknown e-mail wait too, so a wait does not reveal that an account exists", async () => {
    const email = uniqueEmail("nobody");
    const address = newAddress();
    await failSignIn(email, address, pairFailures);
    expect(await authenticate(db, { email, password: "whatever it is" }, address)).toMatchObject({ ok: false, reason: "locked" });
  });

  it("counts failures per e-mail whatever its capitalisation, and leaves other e-mails alone", async () => {
    const user = await insertUser(db);
    const other = await insertUser(db);
    const address = newAddress();
    await failSignIn(user.email.toUpperCase(), address, pairFailures);
    expect(await authenticate(db, { email: user.email, password: user.password }, address)).toMatchObject({ reason: "locked" });
    expect(await authenticate(db, { email: other.email, password: other.password }, address)).toMatchObject({ ok: true });
  });

  it(`checks at most ${pairFailures} guesses sent at the same time`, async () => {
    const user = await insertUser(db);
    const address = newAddress();
    const guesses = Array.from({ length: 4 * pairFailures }, (_, i) => authenticate(db, { email: user.email, password: `wrong guess ${i}` }, address));
    const answers = await Promise.all(guesses);
    const checked = answers.filter((a) => !a.ok && a.reason === "invalid");
    expect(checked.length).toBeLessThanOrEqual(pairFailures);
  });

  it(`answers "busy" past ${checksPerSecond} failed password checks in a second, whoever sends them`, async () => {
    const user = await insertUser(db);
    const now = new Date();
    const failures = Array.from({ length: checksPerSecond }, () => ({ email: uniqueEmail(), clientAddress: newAddress(), at: now }));
    const rows = await db.insert(signInAttempts).values(failures).returning({ id: signInAttempts.id });
    const address = newAddress();
    expect(await authenticate(db, { email: user.email, password: user.password }, address)).toEqual({ ok: false, reason: "busy" });
    // A refused attempt checked no password and is not counted.
    expect(await db.select().from(signInAttempts).where(eq(signInAttempts.clientAddress, address))).toEqual([]);
    expect(await getSignInRefusal(db, user.email, address, new Date(now.getTime() + second))).toBeNull();

    // Sign-ins that succeeded do not count: many people signing in together are not held up.
    await db
      .update(signInAttempts)
      .set({ succeeded: true })
      .where(
        inArray(
          signInAttempts.id,
          rows.map((r) => r.id),
        ),
      );
    expect(await authenticate(db, { email: user.email, password: user.password }, address)).toMatchObject({ ok: true });
  });

  it("forgets failures older than 15 minutes, and deletes them from the table", async () => {
    const user = await insertUser(db);
    const address = newAddress();
    const old = windowMs / second;
    await storeFailures(user.email, address, [old + 60, old + 30, old + 10, old + 5, old + 1, old + 1]);
    expect(await getSignInRefusal(db, user.email, address)).toBeNull();
    expect(await authenticate(db, { email: user.email, password: user.password }, address)).toMatchObject({ ok: true });
    const left = await db
      .select()
      .from(signInAttempts)
      .where(and(eq(signInAttempts.email, user.email), eq(signInAttempts.clientAddress, address)));
    expect(left).toMatchObject([{ succeeded: true }]);
  });

  it("starts counting again from zero after a successful sign-in from that address", async () => {
    const user = await insertUser(db);
    const address = newAddress();
    await failSignIn(user.email, address, pairFailures - 1);
    expect(await authenticate(db, { email: user.email, password: user.password }, address)).toMatchObject({ ok: true });
    await failSignIn(user.email, address, pairFailures - 1);
    expect(await authenticate(db, { email: user.email, password: user.password }, address)).toMatchObject({ ok: true });
  });
});

describe("password hashing", () => {
  it(`stores argon2id with at least ${passwordHashOptions.memoryCost} KiB and ${passwordHashOptions.timeCost} passes`, async () => {
    const user = await insertUser(db);
    expect((await getUserRow(db, user.id)).passwordHash).toMatch(/^\$argon2id\$/);
    expect(parseOptions((await getUserRow(db, user.id)).passwordHash!)).toMatchObject(passwordHashOptions);
  });

  it("upgrades a hash made with the old, weaker settings at the next sign-in, and only then", async () => {
    const password = "an old account's password";
    const weakHash = await hash(password, { memoryCost: 4096, timeCost: 3, parallelism: 1 });
    const user = await insertUser(db);
    await db.update(users).set({ passwordHash: weakHash }).where(eq(users.id, user.id));

    expect(await authenticate(db, { email: user.email, password: "not it" }, newAddress())).toEqual({ ok: false, reason: "invalid" });
    expect((await getUserRow(db, user.id)).passwordHash).toBe(weakHash);

    expect(await authenticate(db, { email: user.email, password }, newAddress())).toMatchObject({ ok: true });
    const upgraded = (await getUserRow(db, user.id)).passwordHash!;
    expect(parseOptions(upgraded)).toMatchObject(passwordHashOptions);
    expect(await verifyPassword(upgraded, password)).toBe(true);
    expect(await authenticate(db, { email: user.email, password }, newAddress())).toMatchObject({ ok: true });
    expect((await getUserRow(db, user.id)).passwordHash).toBe(upgraded);
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
    expect((await auditEntriesFor(db, user.id)).map((e) => e.action)).toEqual(["auth.setPasswordWithLink"]);

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
