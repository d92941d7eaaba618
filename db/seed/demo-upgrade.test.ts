import { and, count, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database, Db } from "@/db/client";
import {
  appSettings,
  evaluations,
  expectedResults,
  indicatorEvidence,
  indicators,
  indicatorTargets,
  indicatorValues,
  missions,
  projects,
  reportingPeriods,
  resultLinks,
  workshops,
} from "@/db/schema";
import { createTestDatabase } from "@/db/testing";
import { demoProjectCodes, seedDemo } from "./demo";
import { tegucigalpaWorkshopTitle } from "./workshops";

let database: Database;
let db: Db;

beforeAll(async () => {
  database = await createTestDatabase();
  db = database.db;
  await seedDemo(db);
});
afterAll(() => database.close());

const rows = async () => ({
  missions: (await db.select({ n: count() }).from(missions))[0]!.n,
  evaluations: (await db.select({ n: count() }).from(evaluations))[0]!.n,
  results: (await db.select({ n: count() }).from(expectedResults))[0]!.n,
  links: (await db.select({ n: count() }).from(resultLinks))[0]!.n,
});

describe("a demo database seeded by an earlier version", () => {
  it("holds each demo project's logic model: the Honduras chain in four levels, a small one for Costa Rica", async () => {
    const [honduras] = await db.select({ id: projects.id }).from(projects).where(eq(projects.code, demoProjectCodes.honduras));
    const chain = await db.select({ code: expectedResults.code, level: expectedResults.level }).from(expectedResults).where(eq(expectedResults.projectId, honduras!.id));
    expect(chain.map((r) => r.code).sort()).toEqual(["1000", "1100", "1110", "1111", "1112", "1200", "1210", "1211", "1300", "1310", "1311"]);
    expect(new Set(chain.map((r) => r.level))).toEqual(new Set(["ultimate", "intermediate", "immediate", "output"]));
    expect((await rows()).results).toBe(14);
  });

  it("links the demo's activities to outputs and its findings to outcomes: output 1111 has the Tegucigalpa workshop, the launch mission and an action", async () => {
    const [honduras] = await db.select({ id: projects.id }).from(projects).where(eq(projects.code, demoProjectCodes.honduras));
    const [training] = await db
      .select({ id: expectedResults.id })
      .from(expectedResults)
      .where(and(eq(expectedResults.projectId, honduras!.id), eq(expectedResults.code, "1111")));
    const links = await db.select().from(resultLinks).where(eq(resultLinks.resultId, training!.id));
    expect(links.map((l) => (l.workshopId ? "workshop" : l.missionId ? "mission" : l.actionId ? "action" : "finding")).sort()).toEqual(["action", "mission", "workshop"]);
    const [workshop] = await db
      .select({ title: workshops.title })
      .from(workshops)
      .where(eq(workshops.id, links.find((l) => l.workshopId)!.workshopId!));
    expect(workshop!.title).toBe(tegucigalpaWorkshopTitle);
    expect((await rows()).links).toBe(15);
  });

  it("gives the Honduras project its years as periods and a dozen indicators, computed or reported, with baselines of June 2019, targets per year and evidence", async () => {
    const [honduras] = await db.select({ id: projects.id }).from(projects).where(eq(projects.code, demoProjectCodes.honduras));
    const periods = await db.select().from(reportingPeriods).where(eq(reportingPeriods.projectId, honduras!.id)).orderBy(reportingPeriods.startDate);
    expect(periods.map((p) => p.name)).toEqual(["2019-2020", "2020-2021", "2021-2022", "2022"]);
    const rows = await db.select().from(indicators).where(eq(indicators.projectId, honduras!.id)).orderBy(indicators.code);
    expect(rows.map((i) => [i.code, i.unit, i.baselineValue, i.endTarget, i.calculation?.kind ?? "reported"])).toEqual([
      ["1000.1", "percentage", null, 70, "evaluation_agreement"],
      ["1000.2", "percentage", null, 80, "evaluation_agreement"],
      ["1100.1", "percentage", null, 75, "evaluation_agreement"],
      ["1110.1", "percentage", 35, 75, "reported"],
      ["1110.2", "percentage", null, 80, "evaluation_agreement"],
      ["1111.1", "number", 0, 200, "unique_participants"],
      ["1111.2", "number", 0, 400, "attendances"],
      ["1112.1", "yes_no", 0, 1, "reported"],
      ["1210.1", "number", 0, 12, "institutions_reached"],
      ["1211.1", "number", 2, 8, "reported"],
      ["1310.1", "percentage", 0, 100, "findings_answered"],
      ["1311.1", "number", 0, 6, "actions_done"],
    ]);
    expect(
      await db
        .select()
        .from(indicatorTargets)
        .where(eq(indicatorTargets.indicatorId, rows.find((i) => i.code === "1110.1")!.id)),
    ).toHaveLength(4);
    expect(await db.select().from(indicatorEvidence)).toHaveLength(3);
    expect(await db.select().from(indicatorValues)).toHaveLength(2);
  });

  it("gets the new parts without a second copy of missions and evaluations whose titles were stored before they were translated", async () => {
    const before = await rows();
    // What migration 0017 left of the titles: the text as it was, taken as French.
    await db.update(missions).set({ title: sql`jsonb_build_object('original', 'fr', 'fr', ${missions.title}->>(${missions.title}->>'original'))` });
    await db.update(evaluations).set({ title: sql`jsonb_build_object('original', 'fr', 'fr', ${evaluations.title}->>'fr')` });
    await db.delete(resultLinks);
    await db.delete(indicators);
    await db.delete(reportingPeriods);
    await db.delete(expectedResults);
    await db.update(appSettings).set({ value: 6 }).where(eq(appSettings.key, "demoData"));
    await seedDemo(db);
    expect(await rows()).toEqual(before);
  });
});
