import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { certificates, projects, users, workshops } from "@/db/schema";
import { createTestDatabase } from "@/db/testing";
import { getQuestionnaireResults } from "@/lib/questionnaires/results";
import { ctxFor, expectOk } from "@/lib/testing/helpers";
import { demoProjectCodes, seedDemo } from "./demo";
import { tegucigalpaWorkshopTitle } from "./workshops";

let database: Database;

beforeAll(async () => {
  database = await createTestDatabase();
  await seedDemo(database.db);
});
afterAll(() => database.close());

async function tegucigalpa() {
  const db = database.db;
  const [manager] = await db.select({ id: users.id }).from(users).where(eq(users.email, "manager@example.org"));
  const [project] = await db.select({ id: projects.id }).from(projects).where(eq(projects.code, demoProjectCodes.honduras));
  const [workshop] = await db
    .select({ id: workshops.id })
    .from(workshops)
    .where(and(eq(workshops.projectId, project!.id), eq(workshops.title, tegucigalpaWorkshopTitle)));
  return { ctx: await ctxFor(db, manager!.id), ids: { projectId: project!.id, workshopId: workshop!.id } };
}

describe("the demo's learning and certificates", () => {
  it("has the Tegucigalpa workshop's tests taken by the 28 who came both days, paired by name or code, with a gain to show", async () => {
    const { ctx, ids } = await tegucigalpa();
    const results = expectOk(await getQuestionnaireResults(ctx, ids));
    expect([results.before!.n, results.after!.n, results.pairs]).toEqual([28, 28, 28]);
    expect([results.before!.meanScore, results.after!.meanScore]).toEqual([
      { shown: true, n: 140, agree: 44, percent: 31 },
      { shown: true, n: 140, agree: 120, percent: 86 },
    ]);
    // Three knew everything before: their gain is undefined, so 25 pairs count.
    expect(results.gain.overall).toEqual({ shown: true, n: 25, percent: 81 });
    expect(results.gain.perfectPre).toBe(3);
    // The 8 paired by code are of no known sex: 7 of them with a gain.
    expect([results.gain.groups["sex:woman"], results.gain.groups["sex:man"], results.gain.groups["sex:none"]]).toEqual([
      { shown: true, n: 11, percent: 80 },
      { shown: true, n: 7, percent: 94 },
      { shown: true, n: 7, percent: 70 },
    ]);
    expect(results.feedback!.questions[0]!.agreement).toEqual({ shown: true, n: 25, agree: 20, percent: 80 });
    expect(results.feedback!.questions[2]!.answers).toHaveLength(4);
  });

  it("has 28 certificates for the workshop, one of them revoked", async () => {
    const { ids } = await tegucigalpa();
    const rows = await database.db.select().from(certificates).where(eq(certificates.workshopId, ids.workshopId));
    expect([rows.length, rows.filter((r) => r.revokedAt).length]).toEqual([28, 1]);
  });
});
