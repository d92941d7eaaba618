import { eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { attendance, auditEntries, participants, projects, retentionRuns } from "@/db/schema";
import { createTestDatabase } from "@/db/testing";
import { expectFailure, expectOk, uniqueTag, written } from "@/lib/testing/helpers";
import { insertPerson, insertWorkshop } from "@/lib/testing/workshops";
import { linkToProject } from "@/lib/testing/participants";
import { getProject, updateProject } from "@/lib/projects/use-cases";
import { createWorld, type World } from "@/lib/testing/world";
import { getRetention, runRetentionNow } from "./use-cases";
import { listRetention, runRetention } from "./run";

// A fixed "today": projects end relative to it, whatever day the suite runs.
const now = new Date("2031-06-15T03:00:00Z");

let database: Database;
let w: World;

beforeAll(async () => {
  database = await createTestDatabase();
  w = await createWorld(database.db);
});
afterAll(() => database.close());

async function project(endDate: string, fields: Partial<typeof projects.$inferInsert> = {}) {
  const [row] = await w.db
    .insert(projects)
    .values({ code: `R-${uniqueTag()}`.toUpperCase(), name: written("Retention"), country: "HN", startDate: "2015-01-01", endDate, status: "closed", ...fields })
    .returning();
  return row!;
}

async function person(projectId: string, familyNames: string) {
  return insertPerson(w.db, projectId, "Ana", familyNames, "woman");
}

async function row(participantId: string) {
  const [found] = await w.db.select().from(participants).where(eq(participants.id, participantId));
  return found!;
}

describe("retention", () => {
  it("anonymises a person whose only project ended six years ago, keeps one also in an active project, and one under a legal hold", async () => {
    const ended = await project("2025-05-31");
    const active = await project("2033-12-31", { status: "active" });
    const held = await project("2024-01-31", { legalHold: true });
    const gone = await person(ended.id, "Vencida");
    const workshop = await insertWorkshop(w.db, ended.id);
    await w.db.insert(attendance).values({ workshopId: workshop.id, participantId: gone.id, day: "2019-06-18" });
    const stillActive = await person(ended.id, "Activa");
    await linkToProject(w.db, stillActive.id, active.id);
    const onHold = await person(ended.id, "Retenida");
    await linkToProject(w.db, onHold.id, held.id);

    const outcome = await runRetention(w.db, { now, actorId: null });
    expect(outcome.skipped).toBe(false);

    const erased = await row(gone.id);
    expect(erased).toMatchObject({ givenNames: "", familyNames: "", email: null, isErased: true, sex: "woman" });
    // Attendance, and so every count, stays.
    expect(await w.db.select().from(attendance).where(eq(attendance.participantId, gone.id))).toHaveLength(1);
    expect(await row(stillActive.id)).toMatchObject({ familyNames: "Activa", isErased: false });
    expect(await row(onHold.id)).toMatchObject({ familyNames: "Retenida", isErased: false });
    expect(outcome.byProject).toContainEqual({ projectId: ended.id, peopleCount: 1 });
  });

  it("keeps the people of a project not yet closed, even long past its planned end date", async () => {
    const late = await project("2012-12-31", { status: "active" });
    const kept = await person(late.id, "Atrasada");
    await runRetention(w.db, { now, actorId: null });
    expect(await row(kept.id)).toMatchObject({ familyNames: "Atrasada", isErased: false });
  });

  it("counts a person under their latest project, with its own period", async () => {
    const longKept = await project("2020-12-31", { retentionYears: 20 });
    const short = await project("2020-12-31", { retentionYears: 1 });
    const kept = await person(longKept.id, "Larga");
    await linkToProject(w.db, kept.id, short.id);
    const goes = await person(short.id, "Corta");
    await runRetention(w.db, { now, actorId: w.userIds.admin });
    expect((await row(kept.id)).isErased).toBe(false);
    expect((await row(goes.id)).isErased).toBe(true);
  });

  it("the register holds counts per project and when, never a name; a second run does nothing more", async () => {
    const ended = await project("2023-03-31");
    const people = [await person(ended.id, "Registro-Uno"), await person(ended.id, "Registro-Dos")];
    const admin = await w.ctx("admin");
    const due = (await listRetention(w.db, now.toISOString().slice(0, 10))).find((p) => p.projectId === ended.id);
    expect(due).toMatchObject({ dueOn: "2028-03-31", peopleDue: 2, peopleHeld: 2 });

    await runRetention(w.db, { now, actorId: w.userIds.admin });
    const lines = await w.db.select().from(retentionRuns).where(eq(retentionRuns.projectId, ended.id));
    expect(lines).toEqual([expect.objectContaining({ peopleCount: 2, actorId: w.userIds.admin, ranAt: now })]);
    const register = JSON.stringify(expectOk(await getRetention(admin, {})).runs);
    expect(register).not.toContain("Registro");
    const audit = await w.db
      .select()
      .from(auditEntries)
      .where(inArray(auditEntries.entityId, [ended.id, ...people.map((p) => p.id)]));
    expect(audit.map((a) => a.action).sort()).toEqual(["retention.erase", "retention.erase", "retention.run"]);
    expect(JSON.stringify(audit)).not.toContain("Registro");

    const before = await w.db.select().from(participants);
    const again = await runRetention(w.db, { now, actorId: w.userIds.admin });
    expect(again.people).toBe(0);
    expect(await w.db.select().from(participants)).toEqual(before);
    expect(await w.db.select().from(retentionRuns).where(eq(retentionRuns.projectId, ended.id))).toHaveLength(1);
  });

  it("the daily job runs once a day, even when two instances start it together", async () => {
    const day = new Date("2032-02-01T02:30:00Z");
    const ended = await project("2025-01-31");
    const gone = await person(ended.id, "Diaria");
    const [first, second] = await Promise.all([runRetention(w.db, { now: day, actorId: null }), runRetention(w.db, { now: day, actorId: null })]);
    expect([first.skipped, second.skipped].sort()).toEqual([false, true]);
    expect((await row(gone.id)).isErased).toBe(true);
    expect((await runRetention(w.db, { now: new Date("2032-02-01T20:00:00Z"), actorId: null })).skipped).toBe(true);
    expect((await runRetention(w.db, { now: new Date("2032-02-02T02:00:00Z"), actorId: null })).skipped).toBe(false);
  });

  it("only an administrator sees what is due and runs it", async () => {
    for (const role of ["manager", "field", "partner", "outsider", "loner"] as const) {
      expect(expectFailure(await getRetention(await w.ctx(role), {})).error).toMatch(/forbidden|not_found/);
      expect(expectFailure(await runRetentionNow(await w.ctx(role), {})).error).toMatch(/forbidden|not_found/);
    }
    expect(expectFailure(await runRetentionNow(await w.ctx("anonymous"), {})).error).toBe("unauthenticated");
  });

  it("a project's manager sets its retention period (1 to 50 years) and legal hold on its edit form", async () => {
    const manager = await w.ctx("manager");
    const { project } = expectOk(await getProject(manager, { projectId: w.projectId }));
    expect(project).toMatchObject({ retentionYears: 5, legalHold: false });
    const form = { ...project, projectId: project.id, retentionYears: "10", legalHold: "on" };
    expect(expectFailure(await updateProject(manager, { ...form, retentionYears: "0" })).fieldErrors).toHaveProperty("retentionYears");
    expect(expectFailure(await updateProject(manager, { ...form, retentionYears: "51" })).fieldErrors).toHaveProperty("retentionYears");
    expect(expectFailure(await updateProject(await w.ctx("field"), form)).error).toMatch(/forbidden|not_found/);
    expect(expectOk(await updateProject(manager, form))).toMatchObject({ retentionYears: 10, legalHold: true });
    const saved = expectOk(await getProject(manager, { projectId: w.projectId })).project;
    // An edit that leaves the hold and the period out (an older API client) keeps them: it never lifts the hold.
    const { legalHold: _, retentionYears: __, ...neither } = { ...saved, projectId: saved.id };
    const kept = expectOk(await updateProject(manager, { ...neither, funder: "GAC" }));
    expect(kept).toMatchObject({ funder: "GAC", retentionYears: 10, legalHold: true });
    expect(expectOk(await updateProject(manager, { ...kept, projectId: kept.id, legalHold: false }))).toMatchObject({ retentionYears: 10, legalHold: false });
  });
});
