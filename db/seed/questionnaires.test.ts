import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { certificates, expectedResults, projects, users, workshops } from "@/db/schema";
import { createTestDatabase } from "@/db/testing";
import { createIndicator, getIndicator } from "@/lib/indicators/use-cases";
import { compareWorkshopResults, getQuestionnaireResults } from "@/lib/questionnaires/results";
import { ctxFor, expectOk, written } from "@/lib/testing/helpers";
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

  it("feeds the results framework: the same gain, the post-tests passed and the share satisfied", async () => {
    const { ctx, ids } = await tegucigalpa();
    const [result] = await database.db.select({ id: expectedResults.id }).from(expectedResults).where(eq(expectedResults.projectId, ids.projectId)).limit(1);
    const figure = async (code: string, calculation: Record<string, unknown>) => {
      const indicator = expectOk(
        await createIndicator(ctx, { projectId: ids.projectId, resultId: result!.id, code, statement: written("Learning"), unit: "percentage", calculation }),
      );
      return expectOk(await getIndicator(ctx, { projectId: ids.projectId, indicatorId: indicator.id })).computed!.project;
    };
    expect(await figure("L.1", { kind: "learning_gain" })).toMatchObject({ value: 81, n: 25 });
    // Post-tests of 5 points: 19 scored 5, 8 scored 3 and one scored 1.
    expect(await figure("L.2", { kind: "post_test_passed", minScore: 80 })).toMatchObject({ value: 68, n: 28, part: 19 });
    expect(await figure("L.3", { kind: "post_test_passed", minScore: 60 })).toMatchObject({ value: 96, n: 28, part: 27 });
    // Satisfied: both agreement answers averaging 4 or more, 16 of the 25 forms.
    expect(await figure("L.4", { kind: "share_satisfied" })).toMatchObject({ value: 64, n: 25, part: 16 });
    // A filter on another workshop type leaves nothing to count.
    expect(await figure("L.5", { kind: "learning_gain", workshopType: "training" })).toMatchObject({ value: null, n: 0 });
  });

  it("puts the workshop's results beside the project's other workshops given the same training", async () => {
    const { ctx, ids } = await tegucigalpa();
    const { rows } = expectOk(await compareWorkshopResults(ctx, { projectId: ids.projectId }));
    expect(rows.map((r) => [r.workshop.id, r.training.es, r.before, r.after, r.pairs, r.gain])).toEqual([
      [
        ids.workshopId,
        "Prueba inicial",
        { shown: true, n: 140, agree: 44, percent: 31 },
        { shown: true, n: 140, agree: 120, percent: 86 },
        28,
        { shown: true, n: 25, percent: 81 },
      ],
    ]);
  });

  it("has 28 certificates for the workshop, one of them revoked", async () => {
    const { ids } = await tegucigalpa();
    const rows = await database.db.select().from(certificates).where(eq(certificates.workshopId, ids.workshopId));
    expect([rows.length, rows.filter((r) => r.revokedAt).length]).toEqual([28, 1]);
  });
});
