import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { createTestDatabase } from "@/db/testing";
import { auditEntries, workshopAgenda, workshopInvitations, workshops } from "@/db/schema";
import { recordCheckIns } from "@/lib/attendance/use-cases";
import { createMission } from "@/lib/missions/use-cases";
import { expectFailure, expectOk, written } from "@/lib/testing/helpers";
import { checkInItem, insertInstitution, insertPerson, workshopForm } from "@/lib/testing/workshops";
import { createWorld } from "@/lib/testing/world";
import { defaultDay, workshopDays } from "./days";
import { createWorkshop, getWorkshop, listWorkshops, updateWorkshop } from "./use-cases";

let database: Database;

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

async function setup() {
  const world = await createWorld(database.db);
  const manager = await world.ctx("manager");
  return { world, manager };
}

describe("workshop days ", () => {
  it("lists every day across month and year ends, and a one-day workshop", () => {
    expect(workshopDays("2019-12-30", "2020-01-02")).toEqual(["2019-12-30", "2019-12-31", "2020-01-01", "2020-01-02"]);
    expect(workshopDays("2020-02-28", "2020-03-01")).toEqual(["2020-02-28", "2020-02-29", "2020-03-01"]);
    expect(workshopDays("2019-06-18", "2019-06-18")).toEqual(["2019-06-18"]);
    expect(workshopDays("2019-06-19", "2019-06-18")).toEqual([]);
  });

  it("opens the check-in screen on today during the workshop, else the nearest end", () => {
    expect(defaultDay("2019-06-18", "2019-06-19", "2019-06-01")).toBe("2019-06-18");
    expect(defaultDay("2019-06-18", "2019-06-19", "2019-06-19")).toBe("2019-06-19");
    expect(defaultDay("2019-06-18", "2019-06-19", "2019-07-01")).toBe("2019-06-19");
  });
});

describe("workshops ", () => {
  it("accepts a 31-day workshop and refuses a 32-day one", async () => {
    const s = await setup();
    expectOk(await createWorkshop(s.manager, workshopForm(s.world.projectId, { startDate: "2019-07-01", endDate: "2019-07-31" })));
    expect(expectFailure(await createWorkshop(s.manager, workshopForm(s.world.projectId, { startDate: "2019-07-01", endDate: "2019-08-01" }))).fieldErrors).toEqual({
      endDate: { key: "workshopTooLong" },
    });
  });

  it("refuses an end before the start", async () => {
    const s = await setup();
    const failure = expectFailure(await createWorkshop(s.manager, workshopForm(s.world.projectId, { startDate: "2019-06-19", endDate: "2019-06-18" })));
    expect(Object.keys(failure.fieldErrors ?? {})).toContain("endDate");
  });

  it("an edit may not move the start past recorded attendance either", async () => {
    const s = await setup();
    const workshop = expectOk(await createWorkshop(s.manager, workshopForm(s.world.projectId)));
    const ana = await insertPerson(database.db, s.world.projectId, "Ana", "Cruz", "woman");
    expectOk(await recordCheckIns(s.manager, { projectId: s.world.projectId, workshopId: workshop.id, items: [checkInItem(ana.id, "2019-06-18")] }));
    const edit = { ...workshopForm(s.world.projectId), workshopId: workshop.id, version: workshop.version };
    expect(expectFailure(await updateWorkshop(s.manager, { ...edit, startDate: "2019-06-19" })).fieldErrors).toEqual({ startDate: { key: "attendanceOutsideDates" } });
    // Moving the whole workshop away is refused too.
    expect(expectFailure(await updateWorkshop(s.manager, { ...edit, startDate: "2019-07-18", endDate: "2019-07-19" })).fieldErrors).toEqual({
      startDate: { key: "attendanceOutsideDates" },
    });
    // Shrinking to the one day that has attendance, and widening, are fine.
    const shrunk = expectOk(await updateWorkshop(s.manager, { ...edit, endDate: "2019-06-18" }));
    expect(shrunk).toMatchObject({ startDate: "2019-06-18", endDate: "2019-06-18", version: 2 });
    expectOk(await updateWorkshop(s.manager, { ...edit, version: 2, startDate: "2019-06-17", endDate: "2019-06-21" }));
    const [row] = await database.db.select().from(workshops).where(eq(workshops.id, workshop.id));
    expect(row).toMatchObject({ startDate: "2019-06-17", endDate: "2019-06-21", version: 3 });
  });

  it("an undone check-in no longer holds the dates", async () => {
    const s = await setup();
    const workshop = expectOk(await createWorkshop(s.manager, workshopForm(s.world.projectId)));
    const ana = await insertPerson(database.db, s.world.projectId, "Ana", "Cruz", "woman");
    const send = (items: ReturnType<typeof checkInItem>[]) => recordCheckIns(s.manager, { projectId: s.world.projectId, workshopId: workshop.id, items });
    expectOk(await send([checkInItem(ana.id, "2019-06-19")]));
    expectOk(await send([checkInItem(ana.id, "2019-06-19", "undo")]));
    expectOk(await updateWorkshop(s.manager, { ...workshopForm(s.world.projectId), workshopId: workshop.id, version: workshop.version, endDate: "2019-06-18" }));
  });

  it("a refused edit leaves the workshop, its invitations and agenda as they were", async () => {
    const s = await setup();
    const police = await insertInstitution(database.db, "Policía Nacional");
    const workshop = expectOk(
      await createWorkshop(s.manager, workshopForm(s.world.projectId, { invitedInstitutionIds: [police.id], agenda: [{ day: "2019-06-19", agenda: "Validación" }] })),
    );
    const ana = await insertPerson(database.db, s.world.projectId, "Ana", "Cruz", "woman");
    expectOk(await recordCheckIns(s.manager, { projectId: s.world.projectId, workshopId: workshop.id, items: [checkInItem(ana.id, "2019-06-19")] }));
    const audits = (await database.db.select().from(auditEntries).where(eq(auditEntries.entityId, workshop.id))).length;
    const edit = { ...workshopForm(s.world.projectId), workshopId: workshop.id, version: workshop.version, invitedInstitutionIds: [], agenda: [], title: "Otro" };
    expectFailure(await updateWorkshop(s.manager, { ...edit, endDate: "2019-06-18" }));
    expectFailure(await updateWorkshop(s.manager, { ...edit, version: 99 }));
    const [row] = await database.db.select().from(workshops).where(eq(workshops.id, workshop.id));
    expect(row).toMatchObject({ title: workshop.title, version: 1 });
    expect(await database.db.select().from(workshopInvitations).where(eq(workshopInvitations.workshopId, workshop.id))).toHaveLength(1);
    expect(await database.db.select().from(workshopAgenda).where(eq(workshopAgenda.workshopId, workshop.id))).toHaveLength(1);
    expect((await database.db.select().from(auditEntries).where(eq(auditEntries.entityId, workshop.id))).length).toBe(audits);
  });

  it("an edit records what changed, invitations included, and duplicates in the invitation list count once", async () => {
    const s = await setup();
    const police = await insertInstitution(database.db, "Policía Nacional");
    const ministry = await insertInstitution(database.db, "Ministerio Público");
    const workshop = expectOk(await createWorkshop(s.manager, workshopForm(s.world.projectId, { invitedInstitutionIds: [police.id, police.id] })));
    const edit = { ...workshopForm(s.world.projectId), workshopId: workshop.id, version: workshop.version };
    expectOk(await updateWorkshop(s.manager, { ...edit, city: "La Ceiba", invitedInstitutionIds: [ministry.id, police.id, ministry.id] }));
    const detail = expectOk(await getWorkshop(s.manager, { projectId: s.world.projectId, workshopId: workshop.id }));
    expect(detail.invited.map((i) => i.id).sort()).toEqual([police.id, ministry.id].sort());
    const [update] = (await database.db.select().from(auditEntries).where(eq(auditEntries.entityId, workshop.id))).filter((a) => a.action === "workshops.update");
    expect(update!.changes).toMatchObject({ city: { before: "Tegucigalpa", after: "La Ceiba" }, invited: { before: [police.id], after: [police.id, ministry.id].sort() } });
  });

  it("an edit may not take a workshop of another project, nor attach another project's mission", async () => {
    const s = await setup();
    const other = await createWorld(database.db);
    const otherManager = await other.ctx("manager");
    const theirs = expectOk(await createWorkshop(otherManager, workshopForm(other.projectId)));
    const edit = { ...workshopForm(s.world.projectId), workshopId: theirs.id, version: theirs.version, title: "Robado" };
    expect(expectFailure(await updateWorkshop(s.manager, edit)).error).toBe("not_found");
    const [row] = await database.db.select().from(workshops).where(eq(workshops.id, theirs.id));
    expect(row!.title).toBe(theirs.title);
    const ours = expectOk(await createWorkshop(s.manager, workshopForm(s.world.projectId)));
    const theirMission = expectOk(
      await createMission(otherManager, { projectId: other.projectId, title: written("M"), country: "CR", startDate: "2019-06-01", endDate: "2019-06-30" }),
    );
    const attach = { ...workshopForm(s.world.projectId), workshopId: ours.id, version: ours.version, missionId: theirMission.id };
    expect(expectFailure(await updateWorkshop(s.manager, attach)).fieldErrors).toEqual({ missionId: { key: "unknownMission" } });
  });

  it("the list keeps workshops overlapping a period, including ones starting before and ending after it", async () => {
    const s = await setup();
    for (const [title, startDate, endDate] of [
      ["Before", "2019-05-01", "2019-05-02"],
      ["Straddles start", "2019-05-31", "2019-06-02"],
      ["Inside", "2019-06-10", "2019-06-11"],
      ["Straddles end", "2019-06-30", "2019-07-01"],
      ["Covers all", "2019-05-31", "2019-06-30"],
      ["After", "2019-07-02", "2019-07-03"],
    ] as const) {
      expectOk(await createWorkshop(s.manager, workshopForm(s.world.projectId, { title, startDate, endDate })));
    }
    const page = expectOk(await listWorkshops(s.manager, { projectId: s.world.projectId, from: "2019-06-01", to: "2019-06-30", sort: "startDate", dir: "asc" }));
    expect(page.items.map((w) => w.title)).toEqual(["Covers all", "Straddles start", "Inside", "Straddles end"]);
    expect(page.total).toBe(4);
  });

  it("filters by a city typed without its accent", async () => {
    const s = await setup();
    expectOk(await createWorkshop(s.manager, workshopForm(s.world.projectId, { city: "Comayagüela" })));
    const page = expectOk(await listWorkshops(s.manager, { projectId: s.world.projectId, city: "comayaguela" }));
    expect(page.items.map((w) => w.city)).toEqual(["Comayagüela"]);
  });

  it("paging gives every workshop once, with the right total", async () => {
    const s = await setup();
    for (let i = 0; i < 5; i++) expectOk(await createWorkshop(s.manager, workshopForm(s.world.projectId, { title: `Taller ${i}` })));
    const seen: string[] = [];
    for (const page of [1, 2, 3]) {
      const result = expectOk(await listWorkshops(s.manager, { projectId: s.world.projectId, page, pageSize: 2 }));
      expect(result.total).toBe(5);
      seen.push(...result.items.map((w) => w.title));
    }
    expect(seen.sort()).toEqual(["Taller 0", "Taller 1", "Taller 2", "Taller 3", "Taller 4"]);
  });

  it("a search term with LIKE wildcards is taken literally", async () => {
    const s = await setup();
    expectOk(await createWorkshop(s.manager, workshopForm(s.world.projectId, { title: "Taller 100% práctico" })));
    expectOk(await createWorkshop(s.manager, workshopForm(s.world.projectId, { title: "Taller 1000 prácticas" })));
    const page = expectOk(await listWorkshops(s.manager, { projectId: s.world.projectId, q: "100%" }));
    expect(page.items.map((w) => w.title)).toEqual(["Taller 100% práctico"]);
  });

  it("field staff and partners may not create or edit", async () => {
    const s = await setup();
    expect(expectFailure(await createWorkshop(await s.world.ctx("field"), workshopForm(s.world.projectId))).error).toBe("forbidden");
    expect(expectFailure(await createWorkshop(await s.world.ctx("partner"), workshopForm(s.world.projectId))).error).toBe("forbidden");
  });
});
