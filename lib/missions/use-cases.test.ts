import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { createTestDatabase } from "@/db/testing";
import { auditEntries } from "@/db/schema";
import { expectFailure, expectOk, written } from "@/lib/testing/helpers";
import { createWorld } from "@/lib/testing/world";
import type { CreateMissionInput } from "./schemas";
import { addMissionNote, createMission, getMission, listMissionMonth, listMissions, updateMission } from "./use-cases";

let database: Database;

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

const nextYear = new Date().getUTCFullYear() + 1;
const form = (projectId: string, overrides: Partial<CreateMissionInput> = {}): CreateMissionInput => ({
  projectId,
  title: written("Misión de línea de base", "es"),
  country: "hn",
  cities: "Tegucigalpa, San Pedro Sula, Tegucigalpa",
  startDate: `${nextYear}-06-16`,
  endDate: `${nextYear}-06-22`,
  ...overrides,
});

describe("missions", () => {
  it("a manager plans a mission with its team; cities and country are tidied", async () => {
    const world = await createWorld(database.db);
    const manager = await world.ctx("manager");
    const mission = expectOk(await createMission(manager, form(world.projectId, { teamUserIds: [world.userIds.field, world.userIds.manager] })));
    expect(mission).toMatchObject({ country: "HN", cities: ["Tegucigalpa", "San Pedro Sula"], status: "planned" });
    const detail = expectOk(await getMission(manager, { projectId: world.projectId, missionId: mission.id }));
    expect(detail.team.map((t) => t.id).sort()).toEqual([world.userIds.field, world.userIds.manager].sort());
    const audit = await database.db.select().from(auditEntries).where(eq(auditEntries.entityId, mission.id));
    expect(audit.map((a) => a.action)).toEqual(["missions.create"]);
  });

  it("lists upcoming missions soonest first, and past ones apart", async () => {
    const world = await createWorld(database.db);
    const manager = await world.ctx("manager");
    for (const [title, start, end] of [
      ["Later", `${nextYear}-09-01`, `${nextYear}-09-05`],
      ["Sooner", `${nextYear}-03-01`, `${nextYear}-03-05`],
      ["Done", "2019-06-16", "2019-06-22"],
    ] as const) {
      expectOk(await createMission(manager, form(world.projectId, { title: written(title), startDate: start, endDate: end })));
    }
    const titles = async (when: "upcoming" | "past" | "all") => expectOk(await listMissions(manager, { projectId: world.projectId, when })).items.map((m) => m.title.en);
    expect(await titles("upcoming")).toEqual(["Sooner", "Later"]);
    expect(await titles("past")).toEqual(["Done"]);
    expect(await titles("all")).toEqual(["Later", "Sooner", "Done"]);
    const june = expectOk(await listMissionMonth(manager, { projectId: world.projectId, month: "2019-06" }));
    expect(june.map((m) => m.title.en)).toEqual(["Done"]);
  });

  it("field staff see and annotate only the missions they travel on; partners see none", async () => {
    const world = await createWorld(database.db);
    const manager = await world.ctx("manager");
    const field = await world.ctx("field");
    const withField = expectOk(await createMission(manager, form(world.projectId, { title: written("With field"), teamUserIds: [world.userIds.field] })));
    const without = expectOk(await createMission(manager, form(world.projectId, { title: written("Without") })));
    expect(expectOk(await listMissions(field, { projectId: world.projectId })).items.map((m) => m.title.en)).toEqual(["With field"]);
    expect(expectFailure(await getMission(field, { projectId: world.projectId, missionId: without.id })).error).toBe("not_found");
    expectOk(await addMissionNote(field, { projectId: world.projectId, missionId: withField.id, body: "Sala confirmada" }));
    expect(expectFailure(await addMissionNote(field, { projectId: world.projectId, missionId: without.id, body: "x" })).error).toBe("not_found");
    expect(expectFailure(await listMissions(await world.ctx("partner"), { projectId: world.projectId })).error).toBe("forbidden");
    expect(expectFailure(await createMission(field, form(world.projectId))).error).toBe("forbidden");
    const notes = expectOk(await getMission(manager, { projectId: world.projectId, missionId: withField.id })).notes;
    expect(notes.map((n) => n.body)).toEqual(["Sala confirmada"]);
  });

  it("refuses a team member outside the project's staff, an end before the start, and a stale edit", async () => {
    const world = await createWorld(database.db);
    const manager = await world.ctx("manager");
    expect(expectFailure(await createMission(manager, form(world.projectId, { teamUserIds: [world.userIds.partner] }))).fieldErrors).toEqual({
      teamUserIds: { key: "notProjectStaff" },
    });
    expect(expectFailure(await createMission(manager, form(world.projectId, { endDate: `${nextYear}-06-01` }))).fieldErrors).toEqual({
      endDate: { key: "endBeforeStart" },
    });
    const mission = expectOk(await createMission(manager, form(world.projectId)));
    const edit = { ...form(world.projectId), missionId: mission.id, version: mission.version };
    expectOk(await updateMission(manager, { ...edit, status: "under_way" }));
    expect(expectFailure(await updateMission(manager, { ...edit, status: "cancelled" })).error).toBe("stale");
    const other = await createWorld(database.db);
    expect(expectFailure(await getMission(await other.ctx("manager"), { projectId: other.projectId, missionId: mission.id })).error).toBe("not_found");
  });
});
