import { and, countDistinct, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { attendance, indicators, participants, projects, users, workshops } from "@/db/schema";
import { createTestDatabase } from "@/db/testing";
import { actualFor } from "@/lib/indicators/actuals";
import { getIndicator } from "@/lib/indicators/use-cases";
import { ctxFor, expectOk } from "@/lib/testing/helpers";
import { demoProjectCodes, seedDemo } from "./demo";
import { tegucigalpaWorkshopTitle } from "./workshops";

let database: Database;

beforeAll(async () => {
  database = await createTestDatabase();
  await seedDemo(database.db);
});
afterAll(() => database.close());

/** An indicator of a demo project as the manager reads it. */
async function demoIndicator(projectCode: string, code: string) {
  const db = database.db;
  const [manager] = await db.select({ id: users.id }).from(users).where(eq(users.email, "manager@example.org"));
  const [project] = await db.select({ id: projects.id }).from(projects).where(eq(projects.code, projectCode));
  const [row] = await db
    .select({ id: indicators.id })
    .from(indicators)
    .where(and(eq(indicators.projectId, project!.id), eq(indicators.code, code)));
  return expectOk(await getIndicator(await ctxFor(db, manager!.id), { projectId: project!.id, indicatorId: row!.id }));
}

const figure = async (projectCode: string, code: string) => {
  const { computed } = await demoIndicator(projectCode, code);
  return { value: computed!.project.value, n: computed!.project.n };
};

describe("the demo indicators", () => {
  it("compute the final evaluations' published figures", async () => {
    expect(await figure(demoProjectCodes.honduras, "1000.1")).toEqual({ value: 76, n: 109 });
    expect(await figure(demoProjectCodes.honduras, "1100.1")).toEqual({ value: 86, n: 109 });
    expect(await figure(demoProjectCodes.honduras, "1000.2")).toEqual({ value: 96, n: 109 });
    expect(await figure(demoProjectCodes.honduras, "1110.2")).toEqual({ value: 96, n: 51 });
    expect(await figure(demoProjectCodes.costaRica, "1000.1")).toEqual({ value: 96, n: 25 });
    expect(await figure(demoProjectCodes.costaRica, "1100.1")).toEqual({ value: 100, n: 25 });
    expect(await figure(demoProjectCodes.costaRica, "1110.1")).toEqual({ value: 100, n: 25 });
  });

  it("count the people trained as the Tegucigalpa attendance lists do, by sex", async () => {
    const db = database.db;
    const bySex = await db
      .select({ sex: participants.sex, people: countDistinct(attendance.participantId) })
      .from(attendance)
      .innerJoin(workshops, eq(workshops.id, attendance.workshopId))
      .innerJoin(participants, eq(participants.id, attendance.participantId))
      .where(eq(workshops.title, tegucigalpaWorkshopTitle))
      .groupBy(participants.sex);
    const { computed } = await demoIndicator(demoProjectCodes.honduras, "1111.1");
    const total = bySex.reduce((sum, r) => sum + r.people, 0);
    expect(total).toBeGreaterThan(0);
    expect(computed!.project.value).toBe(total);
    for (const { sex, people } of bySex) expect(computed!.project.groups[`sex:${sex}`]).toBe(people);
  });

  it("hold one approved reported value, which counts, and one sent back, which does not", async () => {
    const committees = await demoIndicator(demoProjectCodes.honduras, "1211.1");
    const firstYear = committees.targets[0]!.periodId;
    expect(actualFor(firstYear, committees.computed, committees.reported)).toMatchObject({ value: 3, source: "reported" });
    const professionals = await demoIndicator(demoProjectCodes.honduras, "1110.1");
    expect(professionals.reported).toMatchObject([{ status: "sent_back", value: 40 }]);
    expect(actualFor(firstYear, professionals.computed, professionals.reported).value).toBeNull();
  });
});
