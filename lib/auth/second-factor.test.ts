import { eq } from "drizzle-orm";
import { generate } from "otplib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { createTestDatabase } from "@/db/testing";
import { mailMessages, users } from "@/db/schema";
import { confirmSecondFactor, disableSecondFactor, resetSecondFactor, startSecondFactor } from "@/lib/account/second-factor";
import { expectFailure, expectOk } from "@/lib/testing/helpers";
import { createWorld, worldPassword } from "@/lib/testing/world";
import { checkTotp } from "./second-factor";
import { authenticate } from "./sign-in";
import { throttle } from "./throttle";

let database: Database;

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

const step = 30_000;

/** A manager who turns the second factor on: the key they scanned and their recovery codes. */
async function enrolled() {
  const world = await createWorld(database.db);
  const manager = await world.ctx("manager");
  const { key } = expectOk(await startSecondFactor(manager, {}));
  expect(expectFailure(await confirmSecondFactor(manager, { code: "123456" })).fieldErrors).toEqual({ code: { key: "wrongCode" } });
  const { recoveryCodes } = expectOk(await confirmSecondFactor(manager, { code: await generate({ secret: key }) }));
  const email = manager.user!.email;
  const signIn = (code?: string, address = `10.5.${Math.floor(Math.random() * 250)}.1`) =>
    authenticate(database.db, { email, password: worldPassword, ...(code === undefined ? {} : { code }) }, address);
  return { world, manager, key, recoveryCodes, email, signIn };
}

describe("the second factor", () => {
  it("accepts the app's code at the current step and one either side, not two steps back, and each step once", async () => {
    const { key } = await enrolled();
    const now = new Date();
    const at = async (offset: number) => generate({ secret: key, epoch: Math.floor((now.getTime() + offset) / 1000) });
    expect(await checkTotp(key, await at(0), null, now)).not.toBeNull();
    expect(await checkTotp(key, await at(-step), null, now)).not.toBeNull();
    expect(await checkTotp(key, await at(step), null, now)).not.toBeNull();
    expect(await checkTotp(key, await at(-3 * step), null, now)).toBeNull();
    const used = (await checkTotp(key, await at(0), null, now))!;
    expect(await checkTotp(key, await at(0), used, now)).toBeNull();
    expect(await checkTotp(key, await at(-step), used, now)).toBeNull();
  });

  it("makes sign-in ask for the code after the password; a code works once, a recovery code once", async () => {
    const { key, recoveryCodes, signIn } = await enrolled();
    expect(recoveryCodes).toHaveLength(10);
    expect(await signIn()).toEqual({ ok: false, reason: "code_required" });
    // The code the set-up was confirmed with is spent: the next step's code is the next one to work.
    const next = await generate({ secret: key, epoch: Math.floor((Date.now() + step) / 1000) });
    expect(await signIn(next)).toMatchObject({ ok: true });
    expect(await signIn(next)).toEqual({ ok: false, reason: "invalid" });
    expect(await signIn(recoveryCodes[0]!.toLowerCase())).toMatchObject({ ok: true });
    expect(await signIn(recoveryCodes[0])).toEqual({ ok: false, reason: "invalid" });
  });

  it("counts wrong codes as the throttle counts wrong passwords", async () => {
    const { signIn } = await enrolled();
    const address = "10.6.0.9";
    for (let i = 0; i < throttle.pairFailures; i++) expect(await signIn("000000", address)).toEqual({ ok: false, reason: "invalid" });
    expect(await signIn("000000", address)).toMatchObject({ ok: false, reason: "locked" });
  });

  it("is turned off by its owner with a code, or by an administrator, who is audited and whose reset is mailed to the user", async () => {
    const { world, manager, recoveryCodes, signIn, email } = await enrolled();
    expect(expectFailure(await disableSecondFactor(manager, { code: "999999" })).error).toBe("invalid");
    expectOk(await disableSecondFactor(manager, { code: recoveryCodes[1]! }));
    expect(await signIn()).toMatchObject({ ok: true });

    const again = await enrolled();
    expect(expectOk(await resetSecondFactor(await world.ctx("admin"), { userId: again.manager.user!.id }))).toEqual({ changed: true });
    expect(await again.signIn()).toMatchObject({ ok: true });
    const [mail] = await database.db.select().from(mailMessages).where(eq(mailMessages.toAddress, again.email));
    expect(mail!.kind).toBe("second_factor_reset");
    const [row] = await database.db.select({ secret: users.totpSecret }).from(users).where(eq(users.email, email));
    expect(row!.secret).toBeNull();
  });
});
