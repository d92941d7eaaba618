import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database, Db } from "@/db/client";
import { appSettings, projectMembers, projects, users } from "@/db/schema";
import { createTestDatabase } from "@/db/testing";
import { authenticate } from "@/lib/auth/sign-in";
import { written } from "@/lib/testing/helpers";
import { demoAccounts, demoPassword, demoProjectCodes, demoSeedVersion, seedDemo } from "./demo";

let database: Database;
let db: Db;

beforeAll(async () => {
  database = await createTestDatabase();
  db = database.db;
  await seedDemo(db);
  await seedDemo(db);
});
afterAll(() => database.close());

/** Every membership as "e-mail → project code: role", sorted. */
async function membershipLines() {
  const rows = await db
    .select({ email: users.email, code: projects.code, role: projectMembers.role })
    .from(projectMembers)
    .innerJoin(users, eq(users.id, projectMembers.userId))
    .innerJoin(projects, eq(projects.id, projectMembers.projectId));
  return rows.map((r) => `${r.email} → ${r.code}: ${r.role}`).sort();
}

describe("seedDemo, run twice", () => {
  it("leaves exactly the two demo projects", async () => {
    const rows = await db.select({ code: projects.code }).from(projects);
    expect(rows.map((r) => r.code).sort()).toEqual([demoProjectCodes.costaRica, demoProjectCodes.honduras].sort());
  });

  it("leaves exactly the four demo accounts, one of them admin", async () => {
    const rows = await db.select({ email: users.email, isAdmin: users.isAdmin, isActive: users.isActive }).from(users);
    expect(rows.sort((a, b) => a.email.localeCompare(b.email))).toEqual([
      { email: "admin@example.org", isAdmin: true, isActive: true },
      { email: "field@example.org", isAdmin: false, isActive: true },
      { email: "manager@example.org", isAdmin: false, isActive: true },
      { email: "partner@example.org", isAdmin: false, isActive: true },
    ]);
  });

  it("gives the manager both projects, and field staff and partner the Honduras project only", async () => {
    const { costaRica, honduras } = demoProjectCodes;
    expect(await membershipLines()).toEqual([
      `field@example.org → ${honduras}: field`,
      `manager@example.org → ${costaRica}: manager`,
      `manager@example.org → ${honduras}: manager`,
      `partner@example.org → ${honduras}: partner`,
    ]);
  });

  it("marks the database as holding demo data", async () => {
    expect(await db.select().from(appSettings)).toEqual([{ key: "demoData", value: demoSeedVersion }]);
  });

  it.each(demoAccounts.map((a) => a.email))("lets %s sign in with the demo password", async (email) => {
    expect(await authenticate(db, { email, password: demoPassword })).toMatchObject({ ok: true, user: { email } });
  });

  it("keeps edits made to demo projects and accounts since an earlier run", async () => {
    const renamed = written("Renamed after seeding");
    await db.update(projects).set({ name: renamed }).where(eq(projects.code, demoProjectCodes.honduras));
    await db.update(users).set({ isActive: false }).where(eq(users.email, "partner@example.org"));
    const [field] = await db.select().from(users).where(eq(users.email, "field@example.org"));
    await db.delete(projectMembers).where(eq(projectMembers.userId, field!.id));
    await seedDemo(db);

    expect(await db.select().from(projectMembers).where(eq(projectMembers.userId, field!.id))).toEqual([]);
    const [honduras] = await db.select().from(projects).where(eq(projects.code, demoProjectCodes.honduras));
    expect(honduras?.name).toEqual(renamed);
    const signIn = await authenticate(db, { email: "partner@example.org", password: demoPassword });
    expect(signIn).toEqual({ ok: false, reason: "invalid" });
  });
});
