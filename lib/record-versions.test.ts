import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { executeRows, type Database } from "@/db/client";
import { attendance, indicators, participants, projects, recordVersions, users, workshops } from "@/db/schema";
import { demoProjectCodes, seedDemo } from "@/db/seed/demo";
import { tegucigalpaWorkshopTitle } from "@/db/seed/workshops";
import { createTestDatabase } from "@/db/testing";
import { getWorkshopReport } from "@/lib/attendance/use-cases";
import { getIndicator } from "@/lib/indicators/use-cases";
import { ctxFor, expectOk } from "@/lib/testing/helpers";

let database: Database;

beforeAll(async () => {
  database = await createTestDatabase();
  await seedDemo(database.db);
});
afterAll(() => database.close());

// Every table a kept figure is computed from (the workshop report, the indicators' calculations).
const projectTables = [
  "workshops",
  "attendance",
  "attendance_excuses",
  "workshop_invitations",
  "expected_results",
  "result_links",
  "improvement_actions",
  "action_findings",
  "action_updates",
  "studies",
  "findings",
  "evaluations",
  "evaluation_groups",
  "evaluation_statements",
  "evaluation_respondents",
  "evaluation_answers",
  "certificates",
  "questionnaires",
  "questionnaire_questions",
  "questionnaire_responses",
];
const directoryTables = ["participants", "institutions", "coordination_bodies", "body_memberships"];

const versions = async () => new Map((await database.db.select().from(recordVersions)).map((r) => [r.scope, r.version]));

async function honduras() {
  const db = database.db;
  const [manager] = await db.select({ id: users.id }).from(users).where(eq(users.email, "manager@example.org"));
  const [project] = await db.select({ id: projects.id }).from(projects).where(eq(projects.code, demoProjectCodes.honduras));
  return { ctx: await ctxFor(db, manager!.id), projectId: project!.id };
}

describe("record versions", () => {
  it("rise once per committed change of any table a kept figure is read from, in the scope the row belongs to", async () => {
    for (const table of [...projectTables, ...directoryTables]) {
      const [column] = await executeRows<{ name: string }>(
        database.db,
        sql`select column_name as name from information_schema.columns where table_name = ${table} and ordinal_position = 1`,
      );
      const before = await versions();
      // An update to the same value still is a write: the trigger cannot tell, and need not.
      await database.db.execute(sql.raw(`update ${table} set ${column!.name} = ${column!.name} where ctid = (select ctid from ${table} limit 1)`));
      const after = await versions();
      const raised = [...after].filter(([scope, version]) => version !== before.get(scope)).map(([scope]) => scope);
      expect({ table, raised: raised.map((s) => s.split(":")[0]) }).toEqual({ table, raised: [directoryTables.includes(table) ? "directory" : "project"] });
      expect(after.get(raised[0]!)).toBe((before.get(raised[0]!) ?? 0) + 1);
    }
  });

  it("do not rise for a change that is rolled back, and rise once for all the rows a transaction writes", async () => {
    const { projectId } = await honduras();
    const scope = `project:${projectId}`;
    const before = (await versions()).get(scope)!;
    await database.db
      .transaction(async (tx) => {
        await tx.update(workshops).set({ city: "Rollback" }).where(eq(workshops.projectId, projectId));
        tx.rollback();
      })
      .catch(() => {});
    expect((await versions()).get(scope)).toBe(before);
    await database.db
      .update(attendance)
      .set({ day: sql`${attendance.day}` })
      .where(sql`${attendance.workshopId} in (select id from workshops where project_id = ${projectId})`);
    expect((await versions()).get(scope)).toBe(before + 1);
  });

  it("make a kept figure recomputed when its records change: a report and an indicator read again show the change", async () => {
    const { ctx, projectId } = await honduras();
    const [workshop] = await database.db
      .select()
      .from(workshops)
      .where(and(eq(workshops.projectId, projectId), eq(workshops.title, tegucigalpaWorkshopTitle)));
    const [indicator] = await database.db
      .select({ id: indicators.id })
      .from(indicators)
      .where(and(eq(indicators.projectId, projectId), sql`${indicators.calculation}->>'kind' = 'unique_participants'`))
      .limit(1);
    const report = async () => expectOk(await getWorkshopReport(ctx, { projectId, workshopId: workshop!.id }));
    const project = async () => expectOk(await getIndicator(ctx, { projectId, indicatorId: indicator!.id })).computed!.project;
    const [first, firstFigure] = [await report(), await project()];
    expect([await report(), await project()]).toEqual([first, firstFigure]);

    const [stranger] = await database.db.insert(participants).values({ givenNames: "Nueva", familyNames: "Persona", sex: "woman" }).returning();
    await database.db.insert(attendance).values({ workshopId: workshop!.id, participantId: stranger!.id, day: workshop!.startDate });
    const [second, secondFigure] = [await report(), await project()];
    expect(second.overall.participants).toBe(first.overall.participants + 1);
    expect(second.overall.bySex.find((c) => c.key === "woman")!.count).toBe(first.overall.bySex.find((c) => c.key === "woman")!.count + 1);
    expect(secondFigure.value).toBe(firstFigure.value! + 1);

    // An erasure is a change of the directory: the name leaves the kept report at once.
    await database.db.update(participants).set({ givenNames: "Borrada" }).where(eq(participants.id, stranger!.id));
    expect((await report()).attendees!.find((a) => a.participantId === stranger!.id)!.givenNames).toBe("Borrada");
  });
});
