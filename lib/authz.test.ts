import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { createTestDatabase } from "@/db/testing";
import { holdsInSomeProject } from "./authz";
import { userWithRoles } from "./testing/directory";
import { createWorld, type World } from "./testing/world";

let database: Database;
let world: World;

beforeAll(async () => {
  database = await createTestDatabase();
  world = await createWorld(database.db);
});
afterAll(() => database.close());

describe("holdsInSomeProject", () => {
  it("answers for the roles that hold the permission somewhere, and no other", async () => {
    for (const role of ["admin", "manager", "field", "split"] as const) expect(await holdsInSomeProject(await world.ctx(role), "attendance.record"), role).toBe(true);
    for (const role of ["partner", "partner2", "loner"] as const) expect(await holdsInSomeProject(await world.ctx(role), "attendance.record"), role).toBe(false);
  });

  it("counts a role held in any project, not only the strongest one", async () => {
    const partnerAndField = await userWithRoles(database.db, { [world.projectId]: "partner", [world.otherProjectId]: "field" });
    expect(await holdsInSomeProject(partnerAndField, "attendance.record")).toBe(true);
    expect(await holdsInSomeProject(partnerAndField, "participants.curate")).toBe(false);
  });
});
