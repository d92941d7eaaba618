import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { createTestDatabase } from "@/db/testing";
import { apiTokens } from "@/db/schema";
import { getWorkshopReport } from "@/lib/attendance/use-cases";
import { bearerToken, contextForToken } from "@/lib/auth/api-token";
import { hashToken } from "@/lib/auth/token-hash";
import { expectFailure, expectOk } from "@/lib/testing/helpers";
import { insertWorkshop } from "@/lib/testing/workshops";
import { createWorld } from "@/lib/testing/world";
import { tokenRequestsPerMinute } from "@/lib/use-case";
import { setUserActive } from "@/lib/users/use-cases";
import { createApiToken, listApiTokens, revokeApiToken } from "./use-cases";

let database: Database;

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

async function setup() {
  const world = await createWorld(database.db);
  const manager = await world.ctx("manager");
  const workshop = await insertWorkshop(database.db, world.projectId);
  const report = { projectId: world.projectId, workshopId: workshop.id };
  return { world, manager, report };
}

describe("personal API tokens", () => {
  it("are shown once, kept only as a hash, and act as their owner", async () => {
    const s = await setup();
    const created = expectOk(await createApiToken(s.manager, { name: "Power BI" }));
    expect(created).toMatchObject({ access: "read", name: "Power BI" });
    expect(Math.round((created.expiresAt.getTime() - Date.now()) / 86_400_000)).toBe(90);
    const [stored] = await database.db.select().from(apiTokens).where(eq(apiTokens.id, created.id));
    expect(stored!.tokenHash).toBe(hashToken(created.secret));
    expect(JSON.stringify(stored)).not.toContain(created.secret);
    expect(JSON.stringify(expectOk(await listApiTokens(s.manager, {})))).not.toContain(created.secret);
    const ctx = (await contextForToken(database.db, bearerToken(`Bearer ${created.secret}`)!))!;
    expect(ctx.user!.id).toBe(s.manager.user!.id);
    expectOk(await getWorkshopReport(ctx, s.report));
    expect(expectOk(await listApiTokens(s.manager, {}))[0]!.lastUsedAt).not.toBeNull();
  });

  it("stop working once revoked, expired, or when their owner is deactivated; a made-up one never works", async () => {
    const s = await setup();
    const revoked = expectOk(await createApiToken(s.manager, { name: "Revoked", access: "write" }));
    expect(expectOk(await revokeApiToken(s.manager, { tokenId: revoked.id }))).toEqual({ changed: true });
    expect(await contextForToken(database.db, revoked.secret)).toBeNull();

    const expiring = expectOk(await createApiToken(s.manager, { name: "Short", expiresInDays: 1 }));
    expect(await contextForToken(database.db, expiring.secret, new Date(Date.now() + 2 * 86_400_000))).toBeNull();
    expect(await contextForToken(database.db, `${expiring.secret}x`)).toBeNull();
    expect(await contextForToken(database.db, "atl_made-up")).toBeNull();

    const field = await s.world.ctx("field");
    const fieldToken = expectOk(await createApiToken(field, { name: "Field" }));
    expectOk(await setUserActive(await s.world.ctx("admin"), { userId: field.user!.id, isActive: false }));
    expect(await contextForToken(database.db, fieldToken.secret)).toBeNull();
  });

  it("cannot make or revoke tokens, and each has its share of requests a minute", async () => {
    const s = await setup();
    const token = expectOk(await createApiToken(s.manager, { name: "Script", access: "write" }));
    const ctx = (await contextForToken(database.db, token.secret))!;
    expect(expectFailure(await createApiToken(ctx, { name: "Another" })).error).toBe("forbidden");
    expect(expectFailure(await revokeApiToken(ctx, { tokenId: token.id })).error).toBe("forbidden");
    for (let i = 0; i < tokenRequestsPerMinute; i++) expectOk(await listApiTokens(ctx, {}));
    expect(expectFailure(await listApiTokens(ctx, {})).error).toBe("too_many");
  });

  it("are another user's business only for an administrator", async () => {
    const s = await setup();
    const token = expectOk(await createApiToken(s.manager, { name: "Mine" }));
    const field = await s.world.ctx("field");
    expect(expectFailure(await listApiTokens(field, { userId: s.manager.user!.id })).error).toBe("forbidden");
    expect(expectFailure(await revokeApiToken(field, { tokenId: token.id })).error).toBe("not_found");
    const admin = await s.world.ctx("admin");
    expect(expectOk(await listApiTokens(admin, { userId: s.manager.user!.id })).map((t) => t.name)).toEqual(["Mine"]);
    expect(expectOk(await revokeApiToken(admin, { tokenId: token.id }))).toEqual({ changed: true });
  });
});
