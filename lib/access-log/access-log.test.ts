import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { accessLog, attendance } from "@/db/schema";
import { createTestDatabase } from "@/db/testing";
import { getWorkshopReportFile, getWorkshopReport, getSignInSheet, getOfflineRoster } from "@/lib/attendance/use-cases";
import { listDuplicatePairs } from "@/lib/participants/duplicates";
import { exportParticipants, getParticipant, listParticipants } from "@/lib/participants/use-cases";
import { exportParticipantData } from "@/lib/participants/personal-data";
import { expectFailure, expectOk } from "@/lib/testing/helpers";
import { insertPerson, insertWorkshop } from "@/lib/testing/workshops";
import { createWorld, type World } from "@/lib/testing/world";
import { flushAccessLog, flushBatchSize, recordAccess } from "@/lib/access-recording";
import { listAccessLog, listPersonAccesses } from "./use-cases";

let database: Database;
let w: World;

beforeAll(async () => {
  database = await createTestDatabase();
  w = await createWorld(database.db);
});
afterAll(() => database.close());

async function entriesBy(userId: string) {
  await flushAccessLog();
  return w.db.select().from(accessLog).where(eq(accessLog.actorId, userId));
}

/** A fresh user with the given role in the fixture project, so each test reads only its own entries. */
async function freshWorld() {
  return createWorld(database.db);
}

describe("what is recorded", () => {
  it("a participant's page is recorded as a view of that person, with who looked", async () => {
    const world = await freshWorld();
    const person = await insertPerson(world.db, world.projectId, "Ana", "Vista", "woman");
    expectOk(await getParticipant(await world.ctx("field"), { participantId: person.id }));
    expect(await entriesBy(world.userIds.field)).toMatchObject([{ action: "participant.view", resource: "participants.get", participantId: person.id }]);
  });

  it("the participant list records each person shown, in one batch", async () => {
    const world = await freshWorld();
    const shown = [await insertPerson(world.db, world.projectId, "Berta", "Lista", "woman"), await insertPerson(world.db, world.projectId, "Carlos", "Lista", "man")];
    expectOk(await listParticipants(await world.ctx("manager"), { projectId: world.projectId }));
    const entries = await entriesBy(world.userIds.manager);
    expect(entries.map((e) => e.participantId).sort()).toEqual(shown.map((p) => p.id).sort());
    expect(entries.every((e) => e.action === "participant.view" && e.resource === "participants.list")).toBe(true);
  });

  it("the participants export is one download row per project it came from", async () => {
    const world = await freshWorld();
    expectOk(await exportParticipants(await world.ctx("manager"), { projectId: world.projectId, format: "csv" }));
    expect(await entriesBy(world.userIds.manager)).toMatchObject([{ action: "file.download", resource: "participants.export", projectId: world.projectId, participantId: null }]);
  });

  it("a workshop report file with names, the sign-in sheet and the offline roster are downloads of that workshop", async () => {
    const world = await freshWorld();
    const workshop = await insertWorkshop(world.db, world.projectId);
    const input = { projectId: world.projectId, workshopId: workshop.id };
    const field = await world.ctx("field");
    expectOk(await getWorkshopReportFile(field, input));
    expectOk(await getSignInSheet(field, { ...input, day: "2019-06-18" }));
    expectOk(await getOfflineRoster(field, input));
    const entries = await entriesBy(world.userIds.field);
    expect(entries.map((e) => e.resource).sort()).toEqual(["attendance.offlineRoster", "attendance.reportFile", "attendance.signInSheet"]);
    expect(entries.every((e) => e.action === "file.download" && e.workshopId === workshop.id && e.projectId === world.projectId)).toBe(true);
  });

  it("a partner's report file holds figures only, so nothing is recorded; the report page itself records nothing", async () => {
    const world = await freshWorld();
    const workshop = await insertWorkshop(world.db, world.projectId);
    expectOk(await getWorkshopReportFile(await world.ctx("partner"), { projectId: world.projectId, workshopId: workshop.id }));
    expectOk(await getWorkshopReport(await world.ctx("field"), { projectId: world.projectId, workshopId: workshop.id }));
    expect(await entriesBy(world.userIds.partner)).toEqual([]);
    expect(await entriesBy(world.userIds.field)).toEqual([]);
  });

  it("a personal-data export is a download of that person's data, written with the export", async () => {
    const world = await freshWorld();
    const person = await insertPerson(world.db, world.projectId, "Dora", "Datos", "woman");
    expectOk(await exportParticipantData(await world.ctx("manager"), { participantId: person.id }));
    const entries = await entriesBy(world.userIds.manager);
    expect(entries).toContainEqual(expect.objectContaining({ action: "file.download", resource: "participants.exportData", participantId: person.id }));
  });

  it("running the duplicates queue is recorded", async () => {
    const world = await freshWorld();
    expectOk(await listDuplicatePairs(await world.ctx("manager"), {}));
    expect(await entriesBy(world.userIds.manager)).toMatchObject([{ action: "duplicates.review", resource: "participants.duplicates" }]);
  });

  it("a refused read records nothing", async () => {
    const world = await freshWorld();
    const person = await insertPerson(world.db, world.otherProjectId, "Elena", "Ajena", "woman");
    expectFailure(await getParticipant(await world.ctx("field"), { participantId: person.id }));
    expect(await entriesBy(world.userIds.field)).toEqual([]);
  });
});

describe("batching", () => {
  it("reads wait in memory and land in one insert when flushed", async () => {
    const world = await freshWorld();
    const person = await insertPerson(world.db, world.projectId, "Fina", "Lote", "woman");
    const ctx = await world.ctx("field");
    expectOk(await getParticipant(ctx, { participantId: person.id }));
    expectOk(await getParticipant(ctx, { participantId: person.id }));
    expect(await world.db.select().from(accessLog).where(eq(accessLog.actorId, world.userIds.field))).toEqual([]);
    await flushAccessLog();
    expect(await world.db.select().from(accessLog).where(eq(accessLog.actorId, world.userIds.field))).toHaveLength(2);
  });

  it("a full batch is written without waiting for the timer", async () => {
    const world = await freshWorld();
    const ctx = await world.ctx("admin");
    await recordAccess(
      ctx as never,
      Array.from({ length: flushBatchSize }, () => ({ action: "duplicates.review" as const, resource: "participants.duplicates" })),
    );
    await expect.poll(async () => (await world.db.select().from(accessLog).where(eq(accessLog.actorId, world.userIds.admin))).length).toBe(flushBatchSize);
  });
});

describe("browsing", () => {
  it("an administrator filters by user, person, kind and period, page by page", async () => {
    const world = await freshWorld();
    const person = await insertPerson(world.db, world.projectId, "Gala", "Filtro", "woman");
    const other = await insertPerson(world.db, world.projectId, "Hugo", "Filtro", "man");
    const field = await world.ctx("field");
    const manager = await world.ctx("manager");
    expectOk(await getParticipant(field, { participantId: person.id }));
    expectOk(await getParticipant(field, { participantId: other.id }));
    expectOk(await getParticipant(manager, { participantId: person.id }));
    await flushAccessLog();
    const admin = await world.ctx("admin");
    const byField = expectOk(await listAccessLog(admin, { actorId: world.userIds.field }));
    expect(byField.total).toBe(2);
    expect(byField.items[0]).toMatchObject({ actorName: expect.stringContaining("field"), action: "participant.view" });
    const aboutPerson = expectOk(await listAccessLog(admin, { participantId: person.id }));
    expect(aboutPerson.items.map((e) => e.actorId).sort()).toEqual([world.userIds.field, world.userIds.manager].sort());
    expect(aboutPerson.items[0]).toMatchObject({ participantName: "Gala Filtro" });
    const paged = expectOk(await listAccessLog(admin, { actorId: world.userIds.field, pageSize: 1, page: 2 }));
    expect(paged).toMatchObject({ total: 2, page: 2 });
    expect(paged.items).toHaveLength(1);
    expect(expectOk(await listAccessLog(admin, { actorId: world.userIds.field, action: "file.download" })).total).toBe(0);
    expect(expectOk(await listAccessLog(admin, { actorId: world.userIds.field, to: "2020-01-01" })).total).toBe(0);
    const today = new Date().toISOString().slice(0, 10);
    expect(expectOk(await listAccessLog(admin, { actorId: world.userIds.field, from: today, to: today })).total).toBe(2);
    expect(expectFailure(await listAccessLog(admin, { from: "2021-01-02", to: "2021-01-01" })).fieldErrors).toHaveProperty("to");
  });

  it("a person's page shows views of their record and downloads of files that named them, not others'", async () => {
    const world = await freshWorld();
    const person = await insertPerson(world.db, world.projectId, "Irene", "Persona", "woman");
    const attended = await insertWorkshop(world.db, world.projectId);
    const notAttended = await insertWorkshop(world.db, world.projectId, { title: "Otro" });
    await world.db.insert(attendance).values({ workshopId: attended.id, participantId: person.id, day: "2019-06-18" });
    const field = await world.ctx("field");
    expectOk(await getParticipant(field, { participantId: person.id }));
    expectOk(await getSignInSheet(field, { projectId: world.projectId, workshopId: attended.id, day: "2019-06-18" }));
    expectOk(await getSignInSheet(field, { projectId: world.projectId, workshopId: notAttended.id, day: "2019-06-18" }));
    expectOk(await exportParticipants(field, { projectId: world.projectId }));
    expectOk(await exportParticipants(await world.ctx("outsider"), { projectId: world.otherProjectId }));
    await flushAccessLog();
    const accesses = expectOk(await listPersonAccesses(await world.ctx("manager"), { participantId: person.id }));
    expect(accesses.items.map((e) => [e.resource, e.workshopId]).sort()).toEqual(
      [
        ["attendance.signInSheet", attended.id],
        ["participants.export", null],
        ["participants.get", null],
      ].sort(),
    );
    expect(accesses.items.every((e) => e.actorId === world.userIds.field)).toBe(true);
  });

  it("only administrators browse the log, and a person's accesses stay with those who may export their data", async () => {
    const world = await freshWorld();
    const person = await insertPerson(world.db, world.projectId, "Julia", "Reservada", "woman");
    for (const role of ["manager", "field", "partner", "outsider"] as const) {
      expect(expectFailure(await listAccessLog(await world.ctx(role), {})).error).toMatch(/forbidden|not_found/);
    }
    for (const role of ["field", "partner", "outsider"] as const) {
      expect((await listPersonAccesses(await world.ctx(role), { participantId: person.id })).ok).toBe(false);
    }
  });
});
