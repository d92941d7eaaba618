import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { createTestDatabase } from "@/db/testing";
import { recordCheckIns } from "@/lib/attendance/use-cases";
import { createMission } from "@/lib/missions/use-cases";
import { expectFailure, expectOk, written } from "@/lib/testing/helpers";
import { checkInItem, insertInstitution, insertPerson, workshopForm } from "@/lib/testing/workshops";
import { createWorld } from "@/lib/testing/world";
import { createWorkshop, getWorkshop, listWorkshops, updateWorkshop } from "./use-cases";

let database: Database;

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

describe("workshops", () => {
  it("field staff see a workshop's mission only when they travel on it, managers always", async () => {
    const world = await createWorld(database.db);
    const manager = await world.ctx("manager");
    const mission = (title: string, teamUserIds: string[]) =>
      createMission(manager, { projectId: world.projectId, title: written(title, "es"), country: "HN", startDate: "2019-06-01", endDate: "2019-06-30", teamUserIds }).then(
        expectOk,
      );
    const travelled = await mission("Misión con el equipo de campo", [world.userIds.field]);
    const elsewhere = await mission("Misión de la dirección", [world.userIds.manager]);
    const withTeam = expectOk(await createWorkshop(manager, workshopForm(world.projectId, { missionId: travelled.id })));
    const without = expectOk(await createWorkshop(manager, workshopForm(world.projectId, { missionId: elsewhere.id })));
    const field = await world.ctx("field");
    const seenBy = async (ctx: typeof field, workshopId: string) => {
      const { workshop, mission } = expectOk(await getWorkshop(ctx, { projectId: world.projectId, workshopId }));
      return { missionId: workshop.missionId, mission: mission?.title.es ?? null };
    };
    expect(await seenBy(field, withTeam.id)).toEqual({ missionId: travelled.id, mission: "Misión con el equipo de campo" });
    expect(await seenBy(field, without.id)).toEqual({ missionId: null, mission: null });
    expect(await seenBy(manager, without.id)).toEqual({ missionId: elsewhere.id, mission: "Misión de la dirección" });
  });

  it("a manager creates a two-day workshop with invited institutions and a per-day agenda", async () => {
    const world = await createWorld(database.db);
    const manager = await world.ctx("manager");
    const police = await insertInstitution(database.db, "Policía Nacional");
    const workshop = expectOk(
      await createWorkshop(manager, workshopForm(world.projectId, { invitedInstitutionIds: [police.id], agenda: [{ day: "2019-06-19", agenda: "Validación" }] })),
    );
    const detail = expectOk(await getWorkshop(await world.ctx("field"), { projectId: world.projectId, workshopId: workshop.id }));
    expect(detail.days).toEqual(["2019-06-18", "2019-06-19"]);
    expect(detail.invited.map((i) => i.name)).toEqual(["Policía Nacional"]);
    expect(detail.agenda).toEqual([{ day: "2019-06-19", agenda: "Validación" }]);
    expect(detail).toMatchObject({ canEdit: false, canCheckIn: true });
  });

  it("refuses an agenda day outside the dates, an unknown institution, another project's mission, and a 40-day workshop", async () => {
    const world = await createWorld(database.db);
    const manager = await world.ctx("manager");
    const create = async (overrides: Parameters<typeof workshopForm>[1]) => expectFailure(await createWorkshop(manager, workshopForm(world.projectId, overrides))).fieldErrors;
    expect(await create({ agenda: [{ day: "2019-06-20", agenda: "x" }] })).toEqual({ agenda: { key: "dayOutsideWorkshop" } });
    expect(await create({ invitedInstitutionIds: [crypto.randomUUID()] })).toEqual({ invitedInstitutionIds: { key: "unknownInstitution" } });
    expect(await create({ endDate: "2019-07-28" })).toEqual({ endDate: { key: "workshopTooLong" } });
    const other = await createWorld(database.db);
    const elsewhere = expectOk(
      await createMission(await other.ctx("manager"), { projectId: other.projectId, title: written("M"), country: "CR", startDate: "2019-06-01", endDate: "2019-06-30" }),
    );
    expect(await create({ missionId: elsewhere.id })).toEqual({ missionId: { key: "unknownMission" } });
  });

  it("lists with filters by type, status, city and period; partners see neither minutes nor mission", async () => {
    const world = await createWorld(database.db);
    const manager = await world.ctx("manager");
    const mission = expectOk(await createMission(manager, { projectId: world.projectId, title: written("M"), country: "HN", startDate: "2019-06-01", endDate: "2019-06-30" }));
    const baseline = expectOk(await createWorkshop(manager, workshopForm(world.projectId, { missionId: mission.id, minutes: "Acta interna" })));
    expectOk(
      await createWorkshop(
        manager,
        workshopForm(world.projectId, { title: "Formación", type: "training", city: "San Pedro Sula", startDate: "2020-02-03", endDate: "2020-02-03" }),
      ),
    );
    const titles = async (filters: object) => expectOk(await listWorkshops(manager, { projectId: world.projectId, ...filters })).items.map((w) => w.title);
    expect(await titles({})).toEqual(["Formación", "Taller de línea de base"]);
    expect(await titles({ type: "training" })).toEqual(["Formación"]);
    expect(await titles({ city: "pedro" })).toEqual(["Formación"]);
    expect(await titles({ from: "2019-06-19", to: "2019-12-31" })).toEqual(["Taller de línea de base"]);
    expect(await titles({ missionId: mission.id })).toEqual(["Taller de línea de base"]);
    expect(await titles({ q: "linea" })).toEqual(["Taller de línea de base"]);
    const seen = expectOk(await getWorkshop(await world.ctx("partner"), { projectId: world.projectId, workshopId: baseline.id }));
    expect(seen).toMatchObject({ workshop: { minutes: "", missionId: null }, mission: null, canCheckIn: false });
  });

  it("an edit may not strand recorded attendance outside the new dates, and a stale edit is refused", async () => {
    const world = await createWorld(database.db);
    const manager = await world.ctx("manager");
    const workshop = expectOk(await createWorkshop(manager, workshopForm(world.projectId)));
    const ana = await insertPerson(database.db, world.projectId, "Ana", "Cruz", "woman");
    expectOk(await recordCheckIns(manager, { projectId: world.projectId, workshopId: workshop.id, items: [checkInItem(ana.id, "2019-06-19")] }));
    const edit = { ...workshopForm(world.projectId), workshopId: workshop.id, version: workshop.version };
    expect(expectFailure(await updateWorkshop(manager, { ...edit, endDate: "2019-06-18" })).fieldErrors).toEqual({ startDate: { key: "attendanceOutsideDates" } });
    expectOk(await updateWorkshop(manager, { ...edit, status: "held" }));
    expect(expectFailure(await updateWorkshop(manager, { ...edit, status: "cancelled" })).error).toBe("stale");
    expect(expectFailure(await updateWorkshop(await world.ctx("field"), { ...edit, version: 2 })).error).toBe("forbidden");
  });
});
