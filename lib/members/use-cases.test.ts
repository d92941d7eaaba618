import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { createTestDatabase } from "@/db/testing";
import { expectOk } from "@/lib/testing/helpers";
import { createWorld, type RoleName, type World } from "@/lib/testing/world";
import { listMembers } from "./use-cases";

let database: Database;
let world: World;

beforeAll(async () => {
  database = await createTestDatabase();
  world = await createWorld(database.db);
});
afterAll(() => database.close());

/** The member list as the role reads it: each member's name (or null) by their role in the world. */
async function namesReadBy(role: RoleName) {
  const members = expectOk(await listMembers(await world.ctx(role), { projectId: world.projectId }));
  const nameOf = new Map(members.map((m) => [m.userId, m.name]));
  return Object.fromEntries((["manager", "field", "partner", "partner2", "split"] as const).map((member) => [member, nameOf.get(world.userIds[member])]));
}

const realName = async (role: Exclude<RoleName, "anonymous">) => (await world.ctx(role)).user!.name;

describe("listMembers", () => {
  it("never gives a partner another partner's name, only their own and the staff's", async () => {
    const staffNames = { manager: await realName("manager"), field: await realName("field"), split: await realName("split") };
    expect(await namesReadBy("partner2")).toEqual({ ...staffNames, partner: null, partner2: await realName("partner2") });
    expect(await namesReadBy("partner")).toEqual({ ...staffNames, partner: await realName("partner"), partner2: null });
  });

  it("names every member, partners included, for the staff and the admin", async () => {
    const everyName = {
      manager: await realName("manager"),
      field: await realName("field"),
      partner: await realName("partner"),
      partner2: await realName("partner2"),
      split: await realName("split"),
    };
    for (const role of ["admin", "manager", "field"] as const) expect(await namesReadBy(role), role).toEqual(everyName);
  });

  it("keeps the hidden partner's place in the list from hinting at their name", async () => {
    const members = expectOk(await listMembers(await world.ctx("partner2"), { projectId: world.projectId }));
    const partners = members.filter((m) => m.role === "partner");
    expect(partners.map((m) => m.name)).toEqual([await realName("partner2"), null]);
    expect(partners.every((m) => m.email === null)).toBe(true);
  });
});
