import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { createTestDatabase } from "@/db/testing";
import { attendance, workshopInvitations } from "@/db/schema";
import { getInstitution, mergeInstitutions } from "@/lib/institutions/use-cases";
import { mergeParticipants } from "@/lib/participants/duplicates";
import { exportParticipantData } from "@/lib/participants/personal-data";
import { getParticipant } from "@/lib/participants/use-cases";
import { expectOk } from "@/lib/testing/helpers";
import { checkInItem, insertInstitution, insertPerson, insertWorkshop } from "@/lib/testing/workshops";
import { createWorld } from "@/lib/testing/world";
import { recordCheckIns } from "./use-cases";

let database: Database;

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

describe("merges keep attendance", () => {
  it("merging two records of one person keeps every day they attended, once", async () => {
    const world = await createWorld(database.db);
    const manager = await world.ctx("manager");
    const workshop = await insertWorkshop(database.db, world.projectId);
    const keep = await insertPerson(database.db, world.projectId, "José Luis", "Martínez", "man");
    const other = await insertPerson(database.db, world.projectId, "Jose L.", "Martinez Lopez", "man");
    const items = [checkInItem(keep.id, "2019-06-18"), checkInItem(other.id, "2019-06-18"), checkInItem(other.id, "2019-06-19")];
    expectOk(await recordCheckIns(manager, { projectId: world.projectId, workshopId: workshop.id, items }));
    expectOk(await mergeParticipants(manager, { keepId: keep.id, otherId: other.id }));
    const days = await database.db.select({ participantId: attendance.participantId, day: attendance.day }).from(attendance).where(eq(attendance.workshopId, workshop.id));
    expect(days.map((d) => [d.participantId, d.day]).sort()).toEqual([
      [keep.id, "2019-06-18"],
      [keep.id, "2019-06-19"],
    ]);
  });

  it("merging two institution records moves the attendance counted there and their invitations", async () => {
    const world = await createWorld(database.db);
    const manager = await world.ctx("manager");
    const source = await insertInstitution(database.db, "Secretaria de Salud");
    const target = await insertInstitution(database.db, "Secretaría de Salud");
    const workshop = await insertWorkshop(database.db, world.projectId);
    await database.db.insert(workshopInvitations).values([
      { workshopId: workshop.id, institutionId: source.id },
      { workshopId: workshop.id, institutionId: target.id },
    ]);
    const nurse = await insertPerson(database.db, world.projectId, "Rosa", "Cruz", "woman", source.id);
    expectOk(await recordCheckIns(manager, { projectId: world.projectId, workshopId: workshop.id, items: [checkInItem(nurse.id, "2019-06-18")] }));
    expectOk(await mergeInstitutions(manager, { sourceId: source.id, targetId: target.id }));
    const [record] = await database.db.select().from(attendance).where(eq(attendance.participantId, nurse.id));
    expect(record!.institutionId).toBe(target.id);
    const invited = await database.db.select().from(workshopInvitations).where(eq(workshopInvitations.workshopId, workshop.id));
    expect(invited.map((i) => i.institutionId)).toEqual([target.id]);
  });
});

describe("a participant's record", () => {
  it("shows the days they attended, and the personal-data export lists them", async () => {
    const world = await createWorld(database.db);
    const manager = await world.ctx("manager");
    const workshop = await insertWorkshop(database.db, world.projectId, { title: "Taller de Tegucigalpa" });
    const ana = await insertPerson(database.db, world.projectId, "Ana", "Cruz", "woman");
    expectOk(await recordCheckIns(manager, { projectId: world.projectId, workshopId: workshop.id, items: [checkInItem(ana.id, "2019-06-19"), checkInItem(ana.id, "2019-06-18")] }));
    const record = expectOk(await getParticipant(manager, { participantId: ana.id }));
    expect(record.attended.map((a) => [a.title, a.day])).toEqual([
      ["Taller de Tegucigalpa", "2019-06-19"],
      ["Taller de Tegucigalpa", "2019-06-18"],
    ]);
    const exported = expectOk(await exportParticipantData(manager, { participantId: ana.id }));
    expect(exported.attendance).toHaveLength(2);
  });
});

describe("an institution's record", () => {
  it("lists the workshops its people attended, with how many came", async () => {
    const world = await createWorld(database.db);
    const manager = await world.ctx("manager");
    const police = await insertInstitution(database.db, "Policía Nacional");
    const workshop = await insertWorkshop(database.db, world.projectId, { title: "Taller de Tegucigalpa" });
    const people = [
      await insertPerson(database.db, world.projectId, "Ana", "Cruz", "woman", police.id),
      await insertPerson(database.db, world.projectId, "Luis", "Paz", "man", police.id),
    ];
    const items = [checkInItem(people[0]!.id, "2019-06-18"), checkInItem(people[0]!.id, "2019-06-19"), checkInItem(people[1]!.id, "2019-06-18")];
    expectOk(await recordCheckIns(manager, { projectId: world.projectId, workshopId: workshop.id, items }));
    const record = expectOk(await getInstitution(manager, { institutionId: police.id }));
    expect(record.workshops.map((w) => [w.title, w.people])).toEqual([["Taller de Tegucigalpa", 2]]);
    // Someone from another project sees the institution, not this project's workshops.
    expect(expectOk(await getInstitution(await world.ctx("outsider"), { institutionId: police.id })).workshops).toEqual([]);
  });
});
