import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database, Db } from "@/db/client";
import { createTestDatabase } from "@/db/testing";
import { ctxFor, expectFailure, expectOk, insertUser } from "@/lib/testing/helpers";
import { getOfflineKey, changePassword, signOutEverywhere } from "./use-cases";

let database: Database;
let db: Db;

beforeAll(async () => {
  database = await createTestDatabase();
  db = database.db;
});
afterAll(() => database.close());

const keyOf = async (userId: string) => expectOk(await getOfflineKey(await ctxFor(db, userId), {}));

describe("the key that opens a user's offline data while they are signed in", () => {
  it("is the user's own and stays the same for as long as their sessions last", async () => {
    const ana = await insertUser(db);
    const luis = await insertUser(db);
    const first = await keyOf(ana.id);
    expect(first.userId).toBe(ana.id);
    expect(Buffer.from(first.key, "base64url")).toHaveLength(32);
    expect(await keyOf(ana.id)).toEqual(first);
    expect((await keyOf(luis.id)).key).not.toBe(first.key);
  });

  it("changes when the user signs out or changes their password, so older copies need the PIN", async () => {
    const user = await insertUser(db);
    const before = (await keyOf(user.id)).key;
    expectOk(await signOutEverywhere(await ctxFor(db, user.id), {}));
    const afterSignOut = (await keyOf(user.id)).key;
    expect(afterSignOut).not.toBe(before);
    const newPassword = "a fresh new passphrase";
    expectOk(await changePassword(await ctxFor(db, user.id), { currentPassword: user.password!, newPassword, confirmPassword: newPassword }));
    expect([before, afterSignOut]).not.toContain((await keyOf(user.id)).key);
  });

  it("is refused to anyone not signed in", async () => {
    expect(expectFailure(await getOfflineKey({ db, user: null }, {})).error).toBe("unauthenticated");
  });
});
