import crypto from "node:crypto";
import { and, count, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { createTestDatabase } from "@/db/testing";
import { attendance, auditEntries, participantProjects, participants, projectMembers, workshopInvitations } from "@/db/schema";
import { listDuplicatePairs } from "@/lib/participants/duplicates";
import { expectFailure, expectOk } from "@/lib/testing/helpers";
import { insertInstitution, insertPerson, insertWorkshop } from "@/lib/testing/workshops";
import { createWorld } from "@/lib/testing/world";
import { getOfflineRoster, syncOutbox } from "./use-cases";
import type { SyncInput } from "./schemas";

let database: Database;

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

async function setup() {
  const world = await createWorld(database.db);
  const workshop = await insertWorkshop(database.db, world.projectId);
  const ana = await insertPerson(database.db, world.projectId, "Ana", "Martínez", "woman");
  return { world, workshop, ana, field: await world.ctx("field") };
}
type Setup = Awaited<ReturnType<typeof setup>>;

const newPerson = (givenNames: string, familyNames: string, extra: Record<string, unknown> = {}) => ({
  id: crypto.randomUUID(),
  kind: "participant" as const,
  participant: { givenNames, familyNames, sex: "woman" as const, ...extra },
});
const checkIn = (participantId: string, day: string, kind: "check_in" | "undo" = "check_in") => ({ id: crypto.randomUUID(), kind, participantId, day });
const outbox = (s: Setup, items: SyncInput["items"], sender: { user: { id: string } | null } = s.field): SyncInput => ({
  projectId: s.world.projectId,
  workshopId: s.workshop.id,
  userId: sender.user!.id,
  items,
});

async function state(workshopId: string, projectId: string) {
  const records = await database.db.select({ participantId: attendance.participantId, day: attendance.day }).from(attendance).where(eq(attendance.workshopId, workshopId));
  const [people] = await database.db.select({ n: count() }).from(participantProjects).where(eq(participantProjects.projectId, projectId));
  return { records: records.map((r) => `${r.participantId}@${r.day}`).sort(), people: Number(people!.n) };
}

describe("attendance.sync", () => {
  it("creates the people made offline, then checks them in, each item answered in order", async () => {
    const s = await setup();
    const rosa = newPerson("Rosa", "Nueva");
    const results = expectOk(
      await syncOutbox(s.field, outbox(s, [rosa, checkIn(rosa.id, "2019-06-18"), checkIn(s.ana.id, "2019-06-18"), checkIn(s.ana.id, "2019-06-18", "undo")])),
    );
    expect(results.map((r) => r.outcome)).toEqual(["created", "checked_in", "checked_in", "undone"]);
    expect((await state(s.workshop.id, s.world.projectId)).records).toEqual([`${rosa.id}@2019-06-18`]);
  });

  it("the same outbox sent three times (lost acknowledgements) leaves the same server state", async () => {
    const s = await setup();
    const rosa = newPerson("Rosa", "Repetida");
    const input = outbox(s, [rosa, checkIn(rosa.id, "2019-06-18"), checkIn(s.ana.id, "2019-06-19")]);
    expectOk(await syncOutbox(s.field, input));
    const after = await state(s.workshop.id, s.world.projectId);
    for (let i = 0; i < 2; i++) {
      const again = expectOk(await syncOutbox(s.field, input));
      expect(again.map((r) => r.outcome)).toEqual(["already_created", "checked_in", "checked_in"]);
    }
    expect(await state(s.workshop.id, s.world.projectId)).toEqual(after);
  });

  it("a refused item does not block the items after it, and says why", async () => {
    const s = await setup();
    const nameless = newPerson("", "");
    const unknownInstitution = newPerson("Iris", "Lobo", { institutionId: crypto.randomUUID() });
    const results = expectOk(await syncOutbox(s.field, outbox(s, [nameless, unknownInstitution, checkIn(s.ana.id, "2019-07-01"), checkIn(s.ana.id, "2019-06-19")])));
    expect(results.map((r) => [r.outcome, "reason" in r ? r.reason : undefined])).toEqual([
      ["refused", "invalid"],
      ["refused", "invalid"],
      ["refused", "dayOutsideWorkshop"],
      ["checked_in", undefined],
    ]);
    expect(results[0]).toMatchObject({ fieldErrors: { familyNames: { key: "nameRequired" } } });
    expect(results[1]).toMatchObject({ fieldErrors: { institutionId: { key: "unknownInstitution" } } });
  });

  it("a person created offline on two devices lands in the duplicates queue", async () => {
    const s = await setup();
    const manager = await s.world.ctx("manager");
    expectOk(await syncOutbox(s.field, outbox(s, [newPerson("Xiomara", "Colindres Paz")])));
    expectOk(await syncOutbox(manager, outbox(s, [newPerson("Xiomara", "Colindres Paz")], manager)));
    const queue = expectOk(await listDuplicatePairs(manager, { page: 1, pageSize: 100 }));
    expect(queue.items.some((p) => p.first.familyNames === "Colindres Paz" && p.second.familyNames === "Colindres Paz")).toBe(true);
  });

  it("refuses, and audits, a user removed from the project since the outbox was filled", async () => {
    const s = await setup();
    await database.db.delete(projectMembers).where(eq(projectMembers.userId, s.world.userIds.field));
    const before = await state(s.workshop.id, s.world.projectId);
    expect(expectFailure(await syncOutbox(s.field, outbox(s, [checkIn(s.ana.id, "2019-06-18")]))).error).toBe("not_found");
    expect(await state(s.workshop.id, s.world.projectId)).toEqual(before);
    // No longer theirs: filed under the user, never in the project's own history.
    const audit = await database.db.select().from(auditEntries).where(eq(auditEntries.actorId, s.world.userIds.field));
    expect(audit.map((a) => [a.action, a.entityType, a.entityId, a.projectId])).toEqual([["attendance.sync", "user", s.world.userIds.field, null]]);
  });

  it("audits refused calls at most once a minute per user, however many arrive", async () => {
    const s = await setup();
    const partner = await s.world.ctx("partner");
    for (let i = 0; i < 5; i++) expect(expectFailure(await syncOutbox(partner, outbox(s, [checkIn(s.ana.id, "2019-06-18")], partner))).error).toBe("forbidden");
    const outsider = await s.world.ctx("outsider");
    const foreign = { ...outbox(s, [checkIn(s.ana.id, "2019-06-18")], outsider), projectId: crypto.randomUUID(), workshopId: crypto.randomUUID() };
    for (let i = 0; i < 5; i++) expect(expectFailure(await syncOutbox(outsider, foreign)).error).toBe("not_found");
    const refusals = async (actorId: string) =>
      database.db
        .select()
        .from(auditEntries)
        .where(and(eq(auditEntries.actorId, actorId), eq(auditEntries.action, "attendance.sync")));
    expect(await refusals(s.world.userIds.partner)).toHaveLength(1);
    expect(await refusals(s.world.userIds.outsider)).toHaveLength(1);
    // A minute later, the next refusal is recorded again.
    await database.db.update(auditEntries).set({ at: sql`now() - interval '61 seconds'` }).where(eq(auditEntries.actorId, s.world.userIds.partner));
    expectFailure(await syncOutbox(partner, outbox(s, [checkIn(s.ana.id, "2019-06-18")], partner)));
    expect(await refusals(s.world.userIds.partner)).toHaveLength(2);
  });

  it("checks the project and workshop before anything else: another user's outbox for a foreign project or workshop is not found, audited under the caller only", async () => {
    const s = await setup();
    const outsider = await s.world.ctx("outsider");
    // The outsider names the fixture project's workshop and the field user's outbox.
    expect(expectFailure(await syncOutbox(outsider, outbox(s, [checkIn(s.ana.id, "2019-06-18")]))).error).toBe("not_found");
    // A member naming a workshop of another project under their own project.
    const elsewhere = await insertWorkshop(database.db, s.world.otherProjectId);
    expect(expectFailure(await syncOutbox(s.field, { ...outbox(s, [checkIn(s.ana.id, "2019-06-18")]), workshopId: elsewhere.id })).error).toBe("not_found");
    for (const workshopId of [s.workshop.id, elsewhere.id]) expect(await database.db.select().from(auditEntries).where(eq(auditEntries.entityId, workshopId))).toEqual([]);
    const filed = await database.db.select().from(auditEntries).where(eq(auditEntries.action, "attendance.sync"));
    expect(filed.filter((a) => a.projectId === s.world.projectId || a.projectId === s.world.otherProjectId)).toEqual([]);
  });
});

describe("an outbox made by another user of the device", () => {
  it("is refused item by item and audited, and changes nothing, even for a manager of the project", async () => {
    const s = await setup();
    const before = await state(s.workshop.id, s.world.projectId);
    const manager = await s.world.ctx("manager");
    const items = [newPerson("Rosa", "Cruz"), checkIn(s.ana.id, "2019-06-18")];
    const results = expectOk(await syncOutbox(manager, outbox(s, items, s.field)));
    expect(results).toEqual(items.map((i) => ({ id: i.id, outcome: "refused", reason: "otherUser" })));
    expect(await state(s.workshop.id, s.world.projectId)).toEqual(before);
    const audit = await database.db.select().from(auditEntries).where(eq(auditEntries.entityId, s.workshop.id));
    expect(audit.map((a) => [a.action, a.actorId, a.projectId])).toEqual([["attendance.sync", s.world.userIds.manager, s.world.projectId]]);
  });
});

describe("attendance.offlineRoster", () => {
  it("holds the expected people with names, institution and sex, never contact details", async () => {
    const s = await setup();
    const police = await insertInstitution(database.db, "Policía Nacional");
    const [withContacts] = await database.db
      .insert(participants)
      .values({ givenNames: "Luis", familyNames: "Paz", sex: "man", institutionId: police.id, email: "luis@example.org", phone: "+504 2222-3333", searchText: "luis paz" })
      .returning();
    await database.db.insert(participantProjects).values({ participantId: withContacts!.id, projectId: s.world.projectId });
    await database.db.insert(workshopInvitations).values({ workshopId: s.workshop.id, institutionId: police.id });
    const roster = expectOk(await getOfflineRoster(s.field, { projectId: s.world.projectId, workshopId: s.workshop.id }));
    expect(roster.days).toEqual(["2019-06-18", "2019-06-19"]);
    expect(roster.people).toEqual([
      { id: withContacts!.id, givenNames: "Luis", familyNames: "Paz", sex: "man", institutionName: "Policía Nacional", sector: police.sector, invited: true },
    ]);
    expect(roster.present).toEqual([]);
    expect(JSON.stringify(roster)).not.toMatch(/example\.org|2222/);
    expect(roster.institutions.some((i) => i.id === police.id)).toBe(true);
    expect(expectFailure(await getOfflineRoster(await s.world.ctx("partner"), { projectId: s.world.projectId, workshopId: s.workshop.id })).error).toBe("forbidden");
  });

  it("says who is present on which day, latest first, including people of no invited institution", async () => {
    const s = await setup();
    expectOk(await syncOutbox(s.field, outbox(s, [checkIn(s.ana.id, "2019-06-18")])));
    const newcomer = newPerson("Rosa", "Cruz");
    expectOk(await syncOutbox(s.field, outbox(s, [newcomer, checkIn(newcomer.id, "2019-06-19"), checkIn(s.ana.id, "2019-06-19")])));
    const roster = expectOk(await getOfflineRoster(s.field, { projectId: s.world.projectId, workshopId: s.workshop.id }));
    expect(roster.present.at(-1)).toMatchObject({ participantId: s.ana.id, day: "2019-06-18", givenNames: "Ana", sex: "woman" });
    expect(roster.present.map((p) => `${p.participantId}@${p.day}`).sort()).toEqual([`${s.ana.id}@2019-06-18`, `${s.ana.id}@2019-06-19`, `${newcomer.id}@2019-06-19`].sort());
    expect(roster.people.map((p) => [p.givenNames, p.invited]).sort()).toEqual([
      ["Ana", false],
      ["Rosa", false],
    ]);
  });
});
