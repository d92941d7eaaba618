import crypto from "node:crypto";
import { and, count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { createTestDatabase } from "@/db/testing";
import { attendance, auditEntries, institutions, workshops } from "@/db/schema";
import { dayView } from "@/lib/offline/check-in-view";
import { listDuplicatePairs } from "@/lib/participants/duplicates";
import { eraseParticipant } from "@/lib/participants/personal-data";
import { createParticipant, updateParticipant } from "@/lib/participants/use-cases";
import { expectFailure, expectOk } from "@/lib/testing/helpers";
import { participantEditForm, participantForm, participantRow, projectIdsOf } from "@/lib/testing/participants";
import { insertInstitution, insertPerson, insertWorkshop } from "@/lib/testing/workshops";
import { createWorld } from "@/lib/testing/world";
import { getOfflineRoster, getAttendanceDay, syncOutbox } from "./use-cases";
import type { SyncInput } from "./schemas";

let database: Database;

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

const day1 = "2019-06-18";
const day2 = "2019-06-19";

async function setup() {
  const world = await createWorld(database.db);
  const workshop = await insertWorkshop(database.db, world.projectId);
  const ana = await insertPerson(database.db, world.projectId, "Ana", "Martínez", "woman");
  return { world, workshop, ana, field: await world.ctx("field"), manager: await world.ctx("manager") };
}
type Setup = Awaited<ReturnType<typeof setup>>;

const newPerson = (givenNames: string, familyNames: string, extra: Record<string, unknown> = {}) => ({
  id: crypto.randomUUID(),
  kind: "participant" as const,
  participant: { givenNames, familyNames, sex: "woman" as const, ...extra },
});
const checkIn = (participantId: string, day = day1, kind: "check_in" | "undo" = "check_in") => ({ id: crypto.randomUUID(), kind, participantId, day });
const outbox = (s: Setup, items: SyncInput["items"], sender: { user: { id: string } | null } = s.field): SyncInput => ({
  projectId: s.world.projectId,
  workshopId: s.workshop.id,
  userId: sender.user!.id,
  items,
});
const outcomes = (results: { outcome: string }[]) => results.map((r) => r.outcome);

async function records(workshopId: string) {
  const rows = await database.db.select({ participantId: attendance.participantId, day: attendance.day }).from(attendance).where(eq(attendance.workshopId, workshopId));
  return rows.map((r) => `${r.participantId}@${r.day}`).sort();
}

async function auditCount(action: string, entityId: string) {
  const [row] = await database.db
    .select({ n: count() })
    .from(auditEntries)
    .where(and(eq(auditEntries.action, action), eq(auditEntries.entityId, entityId)));
  return Number(row!.n);
}

describe("one batch holding several changes of one person", () => {
  it("a person created, checked in and undone in one batch is created once and not present", async () => {
    const s = await setup();
    const rosa = newPerson("Rosa", "Una Vez");
    const results = expectOk(await syncOutbox(s.field, outbox(s, [rosa, checkIn(rosa.id), checkIn(rosa.id, day1, "undo")])));
    expect(outcomes(results)).toEqual(["created", "checked_in", "undone"]);
    expect(await records(s.workshop.id)).toEqual([]);
    expect(await projectIdsOf(database.db, rosa.id)).toEqual([s.world.projectId]);
    expect(await auditCount("participants.create", rosa.id)).toBe(1);
  });

  it("an undo made before a check-in, in the same batch, leaves the person present", async () => {
    const s = await setup();
    const results = expectOk(await syncOutbox(s.field, outbox(s, [checkIn(s.ana.id, day1, "undo"), checkIn(s.ana.id)])));
    expect(outcomes(results)).toEqual(["not_present", "checked_in"]);
    expect(await records(s.workshop.id)).toEqual([`${s.ana.id}@${day1}`]);
  });

  it("the same person tapped twice, and the same new person sent twice, make one record each", async () => {
    const s = await setup();
    const rosa = newPerson("Rosa", "Dos Veces");
    const results = expectOk(await syncOutbox(s.field, outbox(s, [rosa, rosa, checkIn(s.ana.id), checkIn(s.ana.id)])));
    expect(outcomes(results).slice(2)).toEqual(["checked_in", "already_present"]);
    expect(await records(s.workshop.id)).toEqual([`${s.ana.id}@${day1}`]);
    expect(await auditCount("participants.create", rosa.id)).toBe(1);
  });
});

describe("batches arriving out of step", () => {
  it("an operation id already recorded for one workshop, sent to another, is refused without its outcome and writes nothing", async () => {
    const s = await setup();
    const second = await insertWorkshop(database.db, s.world.projectId, { title: "Segundo taller" });
    const tap = checkIn(s.ana.id);
    expect(expectOk(await syncOutbox(s.field, outbox(s, [tap])))).toEqual([{ id: tap.id, outcome: "checked_in", replayed: false }]);
    const replay = expectOk(await syncOutbox(s.field, { ...outbox(s, [tap]), workshopId: second.id }));
    expect(replay).toEqual([{ id: tap.id, outcome: "refused", reason: "idTaken", replayed: false }]);
    expect(await records(second.id)).toEqual([]);
    expect(await records(s.workshop.id)).toEqual([`${s.ana.id}@${day1}`]);
    // The first workshop still answers its own replay.
    expect(expectOk(await syncOutbox(s.field, outbox(s, [tap])))).toEqual([{ id: tap.id, outcome: "checked_in", replayed: true }]);
  });

  it("a check-in sent before its person exists is refused, and stays refused when replayed after they arrive", async () => {
    const s = await setup();
    const rosa = newPerson("Rosa", "Tardía");
    const early = checkIn(rosa.id);
    expect(expectOk(await syncOutbox(s.field, outbox(s, [early])))).toEqual([{ id: early.id, outcome: "refused", reason: "unknownParticipant", replayed: false }]);
    expectOk(await syncOutbox(s.field, outbox(s, [rosa])));
    expect(expectOk(await syncOutbox(s.field, outbox(s, [early])))[0]).toMatchObject({ outcome: "refused", reason: "unknownParticipant", replayed: true });
    expect(outcomes(expectOk(await syncOutbox(s.field, outbox(s, [checkIn(rosa.id)]))))).toEqual(["checked_in"]);
  });

  it("a batch replayed after a later undo brings no one back and creates no one twice", async () => {
    const s = await setup();
    const rosa = newPerson("Rosa", "Repetida");
    const first = outbox(s, [rosa, checkIn(rosa.id), checkIn(s.ana.id)]);
    expectOk(await syncOutbox(s.field, first));
    expectOk(await syncOutbox(s.field, outbox(s, [checkIn(rosa.id, day1, "undo"), checkIn(s.ana.id, day1, "undo")])));
    const replay = expectOk(await syncOutbox(s.field, first));
    expect(replay.map((r) => [r.outcome, "replayed" in r ? r.replayed : null])).toEqual([
      ["already_created", null],
      ["checked_in", true],
      ["checked_in", true],
    ]);
    expect(await records(s.workshop.id)).toEqual([]);
    expect(await auditCount("participants.create", rosa.id)).toBe(1);
  });

  it("two devices sending the same people at the same moment make one record per person and day", async () => {
    const s = await setup();
    const luis = await insertPerson(database.db, s.world.projectId, "Luis", "Paz", "man");
    const [a, b] = await Promise.all([
      syncOutbox(s.field, outbox(s, [checkIn(s.ana.id), checkIn(luis.id), checkIn(s.ana.id, day2)])),
      syncOutbox(s.manager, outbox(s, [checkIn(luis.id), checkIn(s.ana.id), checkIn(luis.id, day2)], s.manager)),
    ]);
    const all = [...expectOk(a), ...expectOk(b)];
    expect(all.filter((r) => r.outcome === "checked_in")).toHaveLength(4);
    expect(all.filter((r) => r.outcome === "already_present")).toHaveLength(2);
    expect(await records(s.workshop.id)).toEqual([`${s.ana.id}@${day1}`, `${s.ana.id}@${day2}`, `${luis.id}@${day1}`, `${luis.id}@${day2}`].sort());
  });
});

describe("what the server checks again when the outbox arrives", () => {
  it("a workshop cancelled meanwhile: people are created, check-ins refused for good, a new tap after it is restored counts", async () => {
    const s = await setup();
    await database.db.update(workshops).set({ status: "cancelled" }).where(eq(workshops.id, s.workshop.id));
    const rosa = newPerson("Rosa", "Cancelada");
    const late = checkIn(rosa.id);
    const results = expectOk(await syncOutbox(s.field, outbox(s, [rosa, late, checkIn(s.ana.id, day2, "undo")])));
    expect(results.map((r) => [r.outcome, "reason" in r ? r.reason : undefined])).toEqual([
      ["created", undefined],
      ["refused", "workshopCancelled"],
      ["refused", "workshopCancelled"],
    ]);
    await database.db.update(workshops).set({ status: "held" }).where(eq(workshops.id, s.workshop.id));
    expect(expectOk(await syncOutbox(s.field, outbox(s, [late])))[0]).toMatchObject({ outcome: "refused", reason: "workshopCancelled" });
    expect(outcomes(expectOk(await syncOutbox(s.field, outbox(s, [checkIn(rosa.id)]))))).toEqual(["checked_in"]);
  });

  it("refuses a day outside the workshop, even the day before it starts", async () => {
    const s = await setup();
    const results = expectOk(await syncOutbox(s.field, outbox(s, [checkIn(s.ana.id, "2019-06-17"), checkIn(s.ana.id, "2019-06-20"), checkIn(s.ana.id, day2)])));
    expect(results.map((r) => ("reason" in r ? r.reason : r.outcome))).toEqual(["dayOutsideWorkshop", "dayOutsideWorkshop", "checked_in"]);
  });

  it("a person known only to a project the user has no place in is refused as unknown, and not linked", async () => {
    const s = await setup();
    const stranger = await insertPerson(database.db, s.world.otherProjectId, "Elena", "Ajena", "woman");
    const results = expectOk(await syncOutbox(s.field, outbox(s, [checkIn(stranger.id)])));
    expect(results[0]).toMatchObject({ outcome: "refused", reason: "unknownParticipant" });
    expect(await projectIdsOf(database.db, stranger.id)).toEqual([s.world.otherProjectId]);
    expect(await records(s.workshop.id)).toEqual([]);
  });

  it("a new person under an id already used in another project is refused, never linked nor renamed", async () => {
    const s = await setup();
    const stranger = await insertPerson(database.db, s.world.otherProjectId, "Elena", "Ajena", "woman");
    const results = expectOk(await syncOutbox(s.field, outbox(s, [{ ...newPerson("Rosa", "Impostora"), id: stranger.id }])));
    expect(results[0]).toMatchObject({ outcome: "refused", reason: "invalid", fieldErrors: { id: { key: "idTaken" } } });
    expect(await projectIdsOf(database.db, stranger.id)).toEqual([s.world.otherProjectId]);
    expect((await participantRow(database.db, stranger.id))?.familyNames).toBe("Ajena");
  });

  it("a new person of an institution archived meanwhile is still created with it", async () => {
    const s = await setup();
    const archived = await insertInstitution(database.db, "Fiscalía Cerrada");
    await database.db.update(institutions).set({ isActive: false }).where(eq(institutions.id, archived.id));
    const rosa = newPerson("Rosa", "Archivada", { institutionId: archived.id });
    expect(outcomes(expectOk(await syncOutbox(s.field, outbox(s, [rosa, checkIn(rosa.id)]))))).toEqual(["created", "checked_in"]);
    expect((await participantRow(database.db, rosa.id))?.institutionId).toBe(archived.id);
  });

  it("consent given offline keeps its day and who recorded it; half a consent is refused", async () => {
    const s = await setup();
    const rosa = newPerson("Rosa", "Consiente", { consentForm: "verbal", consentDate: day1 });
    const half = newPerson("Iris", "Media", { consentForm: "written" });
    const results = expectOk(await syncOutbox(s.field, outbox(s, [rosa, half])));
    expect(outcomes(results)).toEqual(["created", "refused"]);
    expect(results[1]).toMatchObject({ fieldErrors: { consentForm: { key: "consentIncomplete" } } });
    expect(await participantRow(database.db, rosa.id)).toMatchObject({ consentForm: "verbal", consentDate: day1, consentRecordedById: s.world.userIds.field });
  });

  it("contact details given at the door are kept as the participants' form keeps them, refused by its rules, and never reach the roster", async () => {
    const s = await setup();
    const rosa = newPerson("Rosa", "Contacto", { email: "  Rosa.Contacto@Example.ORG ", phone: "+504 9999-1234", preferredLanguage: "es" });
    const blank = newPerson("Iris", "Sin Contacto", { email: " ", phone: "", preferredLanguage: "" });
    const bad = { email: "rosa@", phone: "call me", preferredLanguage: "de" };
    const wrong = newPerson("Eva", "Errónea", bad);
    const results = expectOk(await syncOutbox(s.field, outbox(s, [rosa, checkIn(rosa.id), blank, wrong])));
    expect(outcomes(results)).toEqual(["created", "checked_in", "created", "refused"]);
    expect(await participantRow(database.db, rosa.id)).toMatchObject({ email: "rosa.contacto@example.org", phone: "+504 9999-1234", preferredLanguage: "es" });
    expect(await participantRow(database.db, blank.id)).toMatchObject({ email: null, phone: null, preferredLanguage: null });
    const byForm = expectFailure(await createParticipant(s.manager, participantForm(s.world.projectId, bad)));
    expect(Object.keys(byForm.fieldErrors ?? {}).sort()).toEqual(["email", "phone", "preferredLanguage"]);
    expect(results[3]).toMatchObject({ outcome: "refused", reason: "invalid", fieldErrors: byForm.fieldErrors });
    expect(await participantRow(database.db, wrong.id)).toBeUndefined();
    const roster = expectOk(await getOfflineRoster(s.field, { projectId: s.world.projectId, workshopId: s.workshop.id }));
    expect(roster.present.map((p) => p.participantId)).toEqual([rosa.id]);
    expect(JSON.stringify(roster)).not.toMatch(/example\.org|9999|"es"/i);
  });

  it("a person created offline with the name of someone on file lands in the duplicates queue", async () => {
    const s = await setup();
    const onFile = expectOk(await createParticipant(s.manager, participantForm(s.world.projectId, { givenNames: "Zoila", familyNames: "Quiroga Lara" })));
    const twin = newPerson("Zoila", "Quiroga Lara");
    expect(outcomes(expectOk(await syncOutbox(s.field, outbox(s, [twin]))))).toEqual(["created"]);
    const queue = expectOk(await listDuplicatePairs(s.manager, { page: 1, pageSize: 100 }));
    expect(queue.items.some((p) => [p.first.id, p.second.id].sort().join() === [twin.id, onFile.id].sort().join())).toBe(true);
  });

  it("a partner, and the manager of another project, are refused as a whole and audited (the outsider under their own name only); nothing is written", async () => {
    const s = await setup();
    const rosa = newPerson("Rosa", "Sin Permiso");
    const items = [rosa, checkIn(rosa.id), checkIn(s.ana.id)];
    const partner = await s.world.ctx("partner");
    const outsider = await s.world.ctx("outsider");
    expect(expectFailure(await syncOutbox(partner, outbox(s, items, partner))).error).toBe("forbidden");
    expect(expectFailure(await syncOutbox(outsider, outbox(s, items, outsider))).error).toBe("not_found");
    expect(await participantRow(database.db, rosa.id)).toBeUndefined();
    expect(await records(s.workshop.id)).toEqual([]);
    const audit = await database.db.select().from(auditEntries).where(eq(auditEntries.action, "attendance.sync"));
    const mine = audit.filter((a) => a.actorId === s.world.userIds.partner || a.actorId === s.world.userIds.outsider);
    expect(mine.map((a) => [a.actorId, a.entityType, a.entityId, a.projectId]).sort()).toEqual(
      [
        [s.world.userIds.partner, "workshop", s.workshop.id, s.world.projectId],
        [s.world.userIds.outsider, "user", s.world.userIds.outsider, null],
      ].sort(),
    );
  });

  it("takes 200 changes in one request and refuses 201 as a whole", async () => {
    const s = await setup();
    const taps = (n: number) => Array.from({ length: n }, (_, i) => checkIn(s.ana.id, day1, i % 2 ? "undo" : "check_in"));
    const results = expectOk(await syncOutbox(s.field, outbox(s, taps(200))));
    expect(new Set(outcomes(results))).toEqual(new Set(["checked_in", "undone"]));
    expect(expectFailure(await syncOutbox(s.field, outbox(s, [checkIn(s.ana.id, day2), ...taps(200)]))).error).toBe("invalid");
    expect(await records(s.workshop.id)).toEqual([]);
  });
});

describe("the roster the device gets back after a sync", () => {
  it("lists the people of one batch latest first, as the device showed them", async () => {
    const s = await setup();
    const people = [s.ana];
    for (const name of ["Berta", "Carla", "Diana", "Elsa", "Flor", "Gina", "Hilda"]) people.push(await insertPerson(database.db, s.world.projectId, name, "Orden", "woman"));
    expectOk(
      await syncOutbox(
        s.field,
        outbox(
          s,
          people.map((p) => checkIn(p.id)),
        ),
      ),
    );
    const roster = expectOk(await getOfflineRoster(s.field, { projectId: s.world.projectId, workshopId: s.workshop.id }));
    expect(roster.present.map((p) => p.participantId)).toEqual(people.map((p) => p.id).reverse());
  });

  it("gives the check-in screen the server's counters when someone present was erased since", async () => {
    const s = await setup();
    const luis = await insertPerson(database.db, s.world.projectId, "Luis", "Borrado", "man");
    expectOk(await syncOutbox(s.field, outbox(s, [checkIn(s.ana.id), checkIn(luis.id)])));
    expectOk(await eraseParticipant(s.manager, { participantId: luis.id }));
    const input = { projectId: s.world.projectId, workshopId: s.workshop.id };
    const roster = expectOk(await getOfflineRoster(s.field, input));
    const server = expectOk(await getAttendanceDay(s.field, { ...input, day: day1 }));
    expect(dayView(roster, [], day1).counts).toEqual(server.counts);
  });

  it("gives the check-in screen the server's counters when someone present has changed institution since", async () => {
    const s = await setup();
    const ministry = await insertInstitution(database.db, "Secretaría de Seguridad", "state");
    const ngo = await insertInstitution(database.db, "Asociación Nueva", "civil_society");
    const luis = await insertPerson(database.db, s.world.projectId, "Luis", "Mudado", "man", ministry.id);
    expectOk(await syncOutbox(s.field, outbox(s, [checkIn(luis.id)])));
    expectOk(await updateParticipant(s.manager, participantEditForm((await participantRow(database.db, luis.id))!, { institutionId: ngo.id })));
    const input = { projectId: s.world.projectId, workshopId: s.workshop.id };
    const roster = expectOk(await getOfflineRoster(s.field, input));
    const server = expectOk(await getAttendanceDay(s.field, { ...input, day: day1 }));
    expect(server.counts).toMatchObject({ state: 1, civilSociety: 0 });
    expect(dayView(roster, [], day1).counts).toEqual(server.counts);
  });
});
