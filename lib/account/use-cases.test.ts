import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database, Db } from "@/db/client";
import { createTestDatabase } from "@/db/testing";
import { authenticate } from "@/lib/auth/sign-in";
import { refusedFormState } from "@/lib/forms";
import { wordingFor } from "@/lib/i18n/wording";
import { auditEntriesFor, ctxFor, currentSession, expectFailure, expectOk, getUserRow, insertUser, isSessionValid } from "@/lib/testing/helpers";
import type { ChangePasswordInput } from "./schemas";
import { changePassword, setLocale, signOutEverywhere } from "./use-cases";

const newPassword = "a fresh new passphrase";

let database: Database;
let db: Db;

beforeAll(async () => {
  database = await createTestDatabase();
  db = database.db;
});
afterAll(() => database.close());

const actionsOn = async (userId: string) => (await auditEntriesFor(db, userId)).map((e) => e.action);

/** A signed-in user, their current session, and their context. */
async function signedInUser(options: Parameters<typeof insertUser>[1] = {}) {
  const user = await insertUser(db, options);
  return { user, password: user.password!, session: await currentSession(db, user.id), ctx: await ctxFor(db, user.id) };
}

describe("setLocale", () => {
  it("keeps the chosen language on the account", async () => {
    const { user, ctx } = await signedInUser();
    expect(expectOk(await setLocale(ctx, { locale: "fr" }))).toEqual({ changed: true });
    expect((await getUserRow(db, user.id)).locale).toBe("fr");
    expect((await ctxFor(db, user.id)).user?.locale).toBe("fr");
    const [entry] = await auditEntriesFor(db, user.id);
    expect(entry).toMatchObject({ action: "account.setLocale", changes: { locale: { before: "en", after: "fr" } } });
  });

  it("changes nothing when the language is already the user's", async () => {
    const { user, ctx } = await signedInUser();
    expect(expectOk(await setLocale(ctx, { locale: "en" }))).toEqual({ changed: false });
    expect(await actionsOn(user.id)).toEqual([]);
  });

  it("refuses a language the application does not offer", async () => {
    const { user, ctx } = await signedInUser();
    const failure = expectFailure(await setLocale(ctx, { locale: "de" }));
    expect(failure).toMatchObject({ error: "invalid", fieldErrors: { locale: { key: "invalidChoice" } } });
    expect((await getUserRow(db, user.id)).locale).toBe("en");
  });
});

describe("changePassword", () => {
  const form = (currentPassword: string, overrides: Partial<ChangePasswordInput> = {}): ChangePasswordInput => ({
    currentPassword,
    newPassword,
    confirmPassword: newPassword,
    ...overrides,
  });

  /** The user can still sign in with the old password, and no change was recorded. */
  async function expectUnchanged(user: { id: string; email: string }, password: string) {
    expect(await authenticate(db, { email: user.email, password })).toMatchObject({ ok: true });
    expect(await actionsOn(user.id)).toEqual([]);
  }

  it("refuses a wrong current password and changes nothing", async () => {
    const { user, password, ctx } = await signedInUser();
    const failure = expectFailure(await changePassword(ctx, form("not my password")));
    expect(failure).toEqual({ ok: false, error: "invalid", fieldErrors: { currentPassword: { key: "wrongPassword" } } });
    await expectUnchanged(user, password);
  });

  it("refuses a confirmation that differs and changes nothing", async () => {
    const { user, password, ctx } = await signedInUser();
    const failure = expectFailure(await changePassword(ctx, form(password, { confirmPassword: `${newPassword}?` })));
    expect(failure).toEqual({ ok: false, error: "invalid", fieldErrors: { confirmPassword: { key: "passwordsDiffer" } } });
    await expectUnchanged(user, password);
  });

  it("refuses a new password shorter than 12 characters", async () => {
    const { user, password, ctx } = await signedInUser();
    const short = "short-pass";
    const failure = expectFailure(await changePassword(ctx, form(password, { newPassword: short, confirmPassword: short })));
    expect(failure.fieldErrors?.newPassword).toEqual({ key: "tooShort", values: { min: 12 } });
    await expectUnchanged(user, password);
  });

  it("replaces the password, clears the must-change flag and ends older sessions", async () => {
    const { user, password, session, ctx } = await signedInUser({ mustChangePassword: true });
    expect(expectOk(await changePassword(ctx, form(password)))).toEqual({ changed: true });

    expect(await authenticate(db, { email: user.email, password: newPassword })).toMatchObject({ ok: true });
    expect(await authenticate(db, { email: user.email, password })).toEqual({ ok: false, reason: "invalid" });
    expect(await isSessionValid(db, session)).toBe(false);
    expect((await getUserRow(db, user.id)).mustChangePassword).toBe(false);

    const [entry] = await auditEntriesFor(db, user.id);
    expect(entry).toMatchObject({ action: "account.changePassword", actorId: user.id });
    expect(JSON.stringify(entry!.changes)).not.toContain(newPassword);
  });
});

describe("a refused password change", () => {
  it("comes back to the form with its messages and the other fields, never with a password", async () => {
    const { user, ctx } = await signedInUser();
    const typed = { username: user.email, currentPassword: "not my password", newPassword, confirmPassword: newPassword };
    const state = refusedFormState(expectFailure(await changePassword(ctx, typed)), typed, wordingFor("en").t);
    expect(state).toMatchObject({ status: "error", values: { username: user.email }, fieldErrors: { currentPassword: expect.any(String) } });
    expect(Object.keys(state.values!)).toEqual(["username"]);
    for (const password of ["not my password", newPassword]) expect(JSON.stringify(state)).not.toContain(password);
  });
});

describe("signOutEverywhere", () => {
  it("ends every session of the user, and only theirs", async () => {
    const { user, session, ctx } = await signedInUser();
    const other = await signedInUser();
    expectOk(await signOutEverywhere(ctx, {}));
    expect(await isSessionValid(db, session)).toBe(false);
    expect(await isSessionValid(db, other.session)).toBe(true);
    expect(await actionsOn(user.id)).toEqual(["account.signOut"]);
  });
});
