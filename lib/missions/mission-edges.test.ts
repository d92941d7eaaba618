import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { createTestDatabase } from "@/db/testing";
import { missions, missionTeam, projectMembers } from "@/db/schema";
import { ctxFor, expectFailure, expectOk, insertUser, written } from "@/lib/testing/helpers";
import { isoDate } from "@/lib/testing/directory";
import { createWorld } from "@/lib/testing/world";
import type { CreateMissionInput } from "./schemas";
import { createMission, getMission, listMissionMonth, listMissions, updateMission } from "./use-cases";

let database: Database;

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

const form = (projectId: string, overrides: Partial<CreateMissionInput> = {}): CreateMissionInput => ({
  projectId,
  title: written("Misión", "es"),
  country: "HN",
  startDate: "2019-06-16",
  endDate: "2019-06-22",
  ...overrides,
});

async function setup() {
  const world = await createWorld(database.db);
  return { world, manager: await world.ctx("manager"), field: await world.ctx("field") };
}

async function teamOf(missionId: string) {
  return (await database.db.select({ userId: missionTeam.userId }).from(missionTeam).where(eq(missionTeam.missionId, missionId))).map((r) => r.userId).sort();
}

describe("mission calendar ", () => {
  it("a mission spanning two months appears in both, and in neither month around them", async () => {
    const s = await setup();
    expectOk(await createMission(s.manager, form(s.world.projectId, { title: written("Span"), startDate: "2019-06-28", endDate: "2019-07-03" })));
    const month = async (m: string) => expectOk(await listMissionMonth(s.manager, { projectId: s.world.projectId, month: m })).map((x) => x.title.en);
    expect(await month("2019-05")).toEqual([]);
    expect(await month("2019-06")).toEqual(["Span"]);
    expect(await month("2019-07")).toEqual(["Span"]);
    expect(await month("2019-08")).toEqual([]);
  });

  it("handles the year's end, the first and last days of a month, and February of a leap year", async () => {
    const s = await setup();
    for (const [title, startDate, endDate] of [
      ["New year", "2019-12-30", "2020-01-02"],
      ["Last day", "2020-01-31", "2020-01-31"],
      ["First day", "2020-03-01", "2020-03-01"],
      ["Leap day", "2020-02-29", "2020-02-29"],
      ["Three months", "2020-01-15", "2020-03-15"],
    ] as const) {
      expectOk(await createMission(s.manager, form(s.world.projectId, { title: written(title), startDate, endDate })));
    }
    const month = async (m: string) => expectOk(await listMissionMonth(s.manager, { projectId: s.world.projectId, month: m })).map((x) => x.title.en);
    expect(await month("2019-12")).toEqual(["New year"]);
    expect(await month("2020-01")).toEqual(["New year", "Three months", "Last day"]);
    expect(await month("2020-02")).toEqual(["Three months", "Leap day"]);
    expect(await month("2020-03")).toEqual(["Three months", "First day"]);
  });

  it("refuses a malformed month, and shows field staff only the missions they travel on", async () => {
    const s = await setup();
    expectOk(await createMission(s.manager, form(s.world.projectId, { title: written("With field"), teamUserIds: [s.world.userIds.field] })));
    expectOk(await createMission(s.manager, form(s.world.projectId, { title: written("Without") })));
    expect(expectFailure(await listMissionMonth(s.manager, { projectId: s.world.projectId, month: "2019-13" })).error).toBe("invalid");
    expect(expectFailure(await listMissionMonth(s.manager, { projectId: s.world.projectId, month: "2019-6" })).error).toBe("invalid");
    expect(expectOk(await listMissionMonth(s.field, { projectId: s.world.projectId, month: "2019-06" })).map((m) => m.title.en)).toEqual(["With field"]);
    expect(
      expectOk(await listMissionMonth(s.manager, { projectId: s.world.projectId, month: "2019-06" }))
        .map((m) => m.title.en)
        .sort(),
    ).toEqual(["With field", "Without"]);
    expect(expectFailure(await listMissionMonth(await s.world.ctx("partner"), { projectId: s.world.projectId, month: "2019-06" })).error).toBe("forbidden");
  });
});

describe("mission list ", () => {
  it("counts a mission under way today as upcoming, and one that ended yesterday as past", async () => {
    const s = await setup();
    expectOk(await createMission(s.manager, form(s.world.projectId, { title: written("Under way"), startDate: isoDate(-2), endDate: isoDate(2) })));
    expectOk(await createMission(s.manager, form(s.world.projectId, { title: written("Ends today"), startDate: isoDate(-2), endDate: isoDate(0) })));
    expectOk(await createMission(s.manager, form(s.world.projectId, { title: written("Ended"), startDate: isoDate(-5), endDate: isoDate(-1) })));
    const titles = async (when: "upcoming" | "past") => expectOk(await listMissions(s.manager, { projectId: s.world.projectId, when })).items.map((m) => m.title.en);
    expect((await titles("upcoming")).sort()).toEqual(["Ends today", "Under way"]);
    expect(await titles("past")).toEqual(["Ended"]);
  });

  it("filters by status and by words of the title, purpose or cities, and keeps the total", async () => {
    const s = await setup();
    expectOk(
      await createMission(
        s.manager,
        form(s.world.projectId, { title: written("Baseline"), purpose: "Encuesta de línea de base", cities: "Tegucigalpa, La Ceiba", status: "done" }),
      ),
    );
    expectOk(await createMission(s.manager, form(s.world.projectId, { title: written("Follow-up"), cities: ["San Pedro Sula"], status: "planned" })));
    const list = async (filters: object) => expectOk(await listMissions(s.manager, { projectId: s.world.projectId, when: "all", ...filters }));
    expect((await list({ status: "done" })).items.map((m) => m.title.en)).toEqual(["Baseline"]);
    expect((await list({ q: "ceiba" })).items.map((m) => m.title.en)).toEqual(["Baseline"]);
    expect((await list({ q: "encuesta" })).items.map((m) => m.title.en)).toEqual(["Baseline"]);
    expect((await list({ q: "FOLLOW" })).items.map((m) => m.title.en)).toEqual(["Follow-up"]);
    expect((await list({ q: "%" })).total).toBe(0);
    expect((await list({ status: "" })).total).toBe(2);
  });

  it("finds a mission by a word typed without its accent", async () => {
    const s = await setup();
    expectOk(await createMission(s.manager, form(s.world.projectId, { title: written("Misión de validación"), cities: ["Comayagüela"] })));
    const list = async (q: string) => expectOk(await listMissions(s.manager, { projectId: s.world.projectId, when: "all", q })).items.map((m) => m.title.en);
    expect(await list("validacion")).toEqual(["Misión de validación"]);
    expect(await list("comayaguela")).toEqual(["Misión de validación"]);
  });

  it("finds a mission by its title in a language other than the original", async () => {
    const s = await setup();
    const title = { original: "es", es: "Misión de validación", fr: "Mission de vérification", en: "Checking trip" } as const;
    const mission = expectOk(await createMission(s.manager, form(s.world.projectId, { title })));
    expectOk(await createMission(s.manager, form(s.world.projectId, { title: written("Otra misión", "es") })));
    const list = async (q: string) => expectOk(await listMissions(s.manager, { projectId: s.world.projectId, when: "all", q })).items.map((m) => m.id);
    expect(await list("checking trip")).toEqual([mission.id]);
    expect(await list("VERIFICATION")).toEqual([mission.id]);
  });
});

describe("mission team ", () => {
  it("takes managers and field staff of the project, a repeated id once", async () => {
    const s = await setup();
    const mission = expectOk(await createMission(s.manager, form(s.world.projectId, { teamUserIds: [s.world.userIds.field, s.world.userIds.manager, s.world.userIds.field] })));
    expect(await teamOf(mission.id)).toEqual([s.world.userIds.field, s.world.userIds.manager].sort());
  });

  it("refuses partners, another project's manager, an admin outside the project, an account with no project and an unknown id", async () => {
    const s = await setup();
    const before = await database.db.select().from(missions).where(eq(missions.projectId, s.world.projectId));
    for (const id of [s.world.userIds.partner, s.world.userIds.outsider, s.world.userIds.admin, s.world.userIds.loner, crypto.randomUUID()]) {
      const failure = expectFailure(await createMission(s.manager, form(s.world.projectId, { teamUserIds: [s.world.userIds.field, id] })));
      expect(failure.fieldErrors).toEqual({ teamUserIds: { key: "notProjectStaff" } });
    }
    expect(await database.db.select().from(missions).where(eq(missions.projectId, s.world.projectId))).toEqual(before);
  });

  it("refuses field staff of another project even when they are staff elsewhere", async () => {
    const s = await setup();
    const other = await createWorld(database.db);
    const failure = expectFailure(await createMission(s.manager, form(s.world.projectId, { teamUserIds: [other.userIds.field] })));
    expect(failure.fieldErrors).toEqual({ teamUserIds: { key: "notProjectStaff" } });
  });

  it("an edit replaces the team, a refused edit keeps the old one, and a removed member loses sight of it", async () => {
    const s = await setup();
    const mission = expectOk(await createMission(s.manager, form(s.world.projectId, { teamUserIds: [s.world.userIds.field] })));
    const edit = { ...form(s.world.projectId), missionId: mission.id, version: mission.version };
    expect(expectFailure(await updateMission(s.manager, { ...edit, teamUserIds: [s.world.userIds.partner] })).fieldErrors).toEqual({ teamUserIds: { key: "notProjectStaff" } });
    expect(await teamOf(mission.id)).toEqual([s.world.userIds.field]);
    expectOk(await updateMission(s.manager, { ...edit, teamUserIds: [s.world.userIds.manager] }));
    expect(await teamOf(mission.id)).toEqual([s.world.userIds.manager]);
    expect(expectFailure(await getMission(s.field, { projectId: s.world.projectId, missionId: mission.id })).error).toBe("not_found");
    expect(expectOk(await listMissions(s.field, { projectId: s.world.projectId, when: "all" })).total).toBe(0);
  });

  it("a field member of the team may read but not edit the mission", async () => {
    const s = await setup();
    const mission = expectOk(await createMission(s.manager, form(s.world.projectId, { teamUserIds: [s.world.userIds.field] })));
    const detail = expectOk(await getMission(s.field, { projectId: s.world.projectId, missionId: mission.id }));
    expect(detail.canEdit).toBe(false);
    const edit = { ...form(s.world.projectId), missionId: mission.id, version: mission.version, title: written("Cambiado", "es") };
    expect(expectFailure(await updateMission(s.field, edit)).error).toBe("forbidden");
  });

  it("a field member of two projects sees only this project's missions here", async () => {
    const s = await setup();
    const user = await insertUser(database.db);
    await database.db.insert(projectMembers).values([
      { projectId: s.world.projectId, userId: user.id, role: "field" },
      { projectId: s.world.otherProjectId, userId: user.id, role: "manager" },
    ]);
    const outsider = await s.world.ctx("outsider");
    const theirs = expectOk(await createMission(outsider, form(s.world.otherProjectId, { title: written("Theirs"), teamUserIds: [user.id] })));
    expectOk(await createMission(s.manager, form(s.world.projectId, { title: written("Ours"), teamUserIds: [user.id] })));
    const both = await ctxFor(database.db, user.id);
    expect(expectOk(await listMissions(both, { projectId: s.world.projectId, when: "all" })).items.map((m) => m.title.en)).toEqual(["Ours"]);
    expect(expectFailure(await getMission(both, { projectId: s.world.projectId, missionId: theirs.id })).error).toBe("not_found");
  });
});
