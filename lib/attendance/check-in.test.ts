import { and, count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { createTestDatabase } from "@/db/testing";
import { attendance, participantProjects, workshopInvitations } from "@/db/schema";
import { expectFailure, expectOk } from "@/lib/testing/helpers";
import { checkInItem, insertInstitution, insertPerson, insertWorkshop } from "@/lib/testing/workshops";
import { createWorld } from "@/lib/testing/world";
import { recordCheckIns, getAttendanceDay, searchCheckIn } from "./use-cases";

let database: Database;

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

async function setup() {
  const world = await createWorld(database.db);
  const workshop = await insertWorkshop(database.db, world.projectId, { startDate: "2019-06-18", endDate: "2019-06-19" });
  const ana = await insertPerson(database.db, world.projectId, "Ana", "Martínez", "woman");
  return { world, workshop, ana, field: await world.ctx("field") };
}

type Setup = Awaited<ReturnType<typeof setup>>;

const send = async (s: Setup, items: ReturnType<typeof checkInItem>[], ctx = s.field) => recordCheckIns(ctx, { projectId: s.world.projectId, workshopId: s.workshop.id, items });

async function recordsOf(s: Setup, day?: string) {
  const [row] = await database.db
    .select({ n: count() })
    .from(attendance)
    .where(and(eq(attendance.workshopId, s.workshop.id), day ? eq(attendance.day, day) : undefined));
  return Number(row!.n);
}

describe("attendance.checkIn", () => {
  it("marks a person present on one day and shows them in that day's list", async () => {
    const s = await setup();
    const results = expectOk(await send(s, [checkInItem(s.ana.id, "2019-06-18")]));
    expect(results).toMatchObject([{ outcome: "checked_in", replayed: false }]);
    const day = expectOk(await getAttendanceDay(s.field, { projectId: s.world.projectId, workshopId: s.workshop.id, day: "2019-06-18" }));
    expect(day.present.map((p) => `${p.givenNames} ${p.familyNames}`)).toEqual(["Ana Martínez"]);
    expect(await recordsOf(s, "2019-06-19")).toBe(0);
  });

  it("replaying the same check-in three times leaves one record and gives the same answer", async () => {
    const s = await setup();
    const item = checkInItem(s.ana.id, "2019-06-18");
    const answers = [];
    for (let i = 0; i < 3; i++) answers.push(expectOk(await send(s, [item]))[0]);
    expect(answers.map((a) => [a!.outcome, a!.replayed])).toEqual([
      ["checked_in", false],
      ["checked_in", true],
      ["checked_in", true],
    ]);
    expect(await recordsOf(s)).toBe(1);
  });

  it("a check-in replayed after its undo does not bring the person back", async () => {
    const s = await setup();
    const checkIn = checkInItem(s.ana.id, "2019-06-18");
    expectOk(await send(s, [checkIn]));
    expect(expectOk(await send(s, [checkInItem(s.ana.id, "2019-06-18", "undo")]))[0]!.outcome).toBe("undone");
    expect(expectOk(await send(s, [checkIn]))[0]).toMatchObject({ outcome: "checked_in", replayed: true });
    expect(await recordsOf(s)).toBe(0);
  });

  it("the same person checked in from two phones is one record, the second told they are already present", async () => {
    const s = await setup();
    const manager = await s.world.ctx("manager");
    const [first, second] = await Promise.all([send(s, [checkInItem(s.ana.id, "2019-06-18")]), send(s, [checkInItem(s.ana.id, "2019-06-18")], manager)]);
    const outcomes = [expectOk(first!)[0]!.outcome, expectOk(second!)[0]!.outcome].sort();
    expect(outcomes).toEqual(["already_present", "checked_in"]);
    expect(await recordsOf(s)).toBe(1);
  });

  it("two phones sending overlapping batches at once both succeed, one record per person and day", async () => {
    const s = await setup();
    const people = [s.ana, ...(await Promise.all(["Luis", "Rosa", "Iris"].map((n) => insertPerson(database.db, s.world.projectId, n, "Díaz", "woman"))))];
    const manager = await s.world.ctx("manager");
    const batchA = people.map((p) => checkInItem(p.id, "2019-06-18"));
    const batchB = [...people].reverse().map((p) => checkInItem(p.id, "2019-06-18"));
    const results = await Promise.all([send(s, batchA), send(s, batchB, manager)]);
    const outcomes = results.flatMap((r) => expectOk(r).map((i) => i.outcome));
    expect(outcomes.filter((o) => o === "checked_in")).toHaveLength(4);
    expect(outcomes.filter((o) => o === "already_present")).toHaveLength(4);
    expect(await recordsOf(s)).toBe(4);
  });

  it("refuses, item by item, a day outside the workshop, an unknown person and a cancelled workshop", async () => {
    const s = await setup();
    const stranger = await insertPerson(database.db, s.world.otherProjectId, "Otra", "Persona", "woman");
    const results = expectOk(await send(s, [checkInItem(s.ana.id, "2019-06-20"), checkInItem(stranger.id, "2019-06-18"), checkInItem(s.ana.id, "2019-06-19")]));
    expect(results.map((r) => [r.outcome, r.reason])).toEqual([
      ["refused", "dayOutsideWorkshop"],
      ["refused", "unknownParticipant"],
      ["checked_in", undefined],
    ]);
    const cancelled = await insertWorkshop(database.db, s.world.projectId, { status: "cancelled" });
    const refused = expectOk(await recordCheckIns(s.field, { projectId: s.world.projectId, workshopId: cancelled.id, items: [checkInItem(s.ana.id, "2019-06-18")] }));
    expect(refused[0]).toMatchObject({ outcome: "refused", reason: "workshopCancelled" });
    expect(await recordsOf(s)).toBe(1);
  });

  it("undo of someone not present says so and changes nothing", async () => {
    const s = await setup();
    expect(expectOk(await send(s, [checkInItem(s.ana.id, "2019-06-18", "undo")]))[0]!.outcome).toBe("not_present");
  });

  it("keeps the institution the person had on the day, and links them to the project", async () => {
    const s = await setup();
    const ministry = await insertInstitution(database.db, "Secretaría de Trabajo");
    const newcomer = await insertPerson(database.db, s.world.projectId, "Karla", "Zelaya", "woman", ministry.id);
    await database.db.delete(participantProjects).where(eq(participantProjects.participantId, newcomer.id));
    // Not known to the project any more: field staff cannot see her, so cannot check her in.
    expect(expectOk(await send(s, [checkInItem(newcomer.id, "2019-06-18")]))[0]!.reason).toBe("unknownParticipant");
    const admin = await s.world.ctx("admin");
    expect(expectOk(await send(s, [checkInItem(newcomer.id, "2019-06-18")], admin))[0]!.outcome).toBe("checked_in");
    const [record] = await database.db.select().from(attendance).where(eq(attendance.participantId, newcomer.id));
    expect(record!.institutionId).toBe(ministry.id);
    const links = await database.db.select().from(participantProjects).where(eq(participantProjects.participantId, newcomer.id));
    expect(links.map((l) => l.projectId)).toEqual([s.world.projectId]);
  });

  it("refuses partners and a workshop of another project, and bad input, writing nothing", async () => {
    const s = await setup();
    const partner = await s.world.ctx("partner");
    expect(expectFailure(await send(s, [checkInItem(s.ana.id, "2019-06-18")], partner)).error).toBe("forbidden");
    const elsewhere = await insertWorkshop(database.db, s.world.otherProjectId);
    expect(expectFailure(await recordCheckIns(s.field, { projectId: s.world.projectId, workshopId: elsewhere.id, items: [checkInItem(s.ana.id, "2019-06-18")] })).error).toBe(
      "not_found",
    );
    const bad = expectFailure(
      await recordCheckIns(s.field, { projectId: s.world.projectId, workshopId: s.workshop.id, items: [{ id: "not-an-id", participantId: s.ana.id, day: "18/06/2019" }] }),
    );
    expect(bad.fieldErrors).toMatchObject({ "items.0.id": { key: "invalidFormat" }, "items.0.day": { key: "invalidDate" } });
    expect(await recordsOf(s)).toBe(0);
  });
});

describe("attendance.day counters", () => {
  it("counts the day's people by sex and by their institution's sector", async () => {
    const s = await setup();
    const state = await insertInstitution(database.db, "Policía Nacional", "state");
    const ngo = await insertInstitution(database.db, "Calidad de Vida", "civil_society");
    const people = [
      await insertPerson(database.db, s.world.projectId, "Rosa", "Cruz", "woman", state.id),
      await insertPerson(database.db, s.world.projectId, "Luis", "Paz", "man", state.id),
      await insertPerson(database.db, s.world.projectId, "Iris", "Lobo", "woman", ngo.id),
      await insertPerson(database.db, s.world.projectId, "Alex", "Rivera", "not_stated"),
    ];
    expectOk(
      await send(
        s,
        people.map((p) => checkInItem(p.id, "2019-06-18")),
      ),
    );
    const day = expectOk(await getAttendanceDay(s.field, { projectId: s.world.projectId, workshopId: s.workshop.id, day: "2019-06-18" }));
    expect(day.counts).toEqual({ present: 4, women: 2, men: 1, otherSex: 1, state: 2, civilSociety: 1, otherSector: 0, noInstitution: 1 });
  });
});

describe("attendance.search", () => {
  it("finds people by any words of their name without accents, invited institutions and earlier days first", async () => {
    const s = await setup();
    const invited = await insertInstitution(database.db, "Ministerio Público");
    await database.db.insert(workshopInvitations).values({ workshopId: s.workshop.id, institutionId: invited.id });
    const fromInvited = await insertPerson(database.db, s.world.projectId, "José", "Martínez López", "man", invited.id);
    const other = await insertPerson(database.db, s.world.projectId, "Josefa", "Martínez", "woman");
    expectOk(await send(s, [checkInItem(s.ana.id, "2019-06-18")]));
    const search = (q: string) => searchCheckIn(s.field, { projectId: s.world.projectId, workshopId: s.workshop.id, day: "2019-06-19", q });
    const found = expectOk(await search("martinez"));
    expect(found.map((c) => [c.id, c.group, c.present])).toEqual([
      [s.ana.id, "earlierDay", false],
      [fromInvited.id, "invited", false],
      [other.id, "directory", false],
    ]);
    expect(expectOk(await search("jose lopez")).map((c) => c.id)).toEqual([fromInvited.id]);
    // With nothing typed, only the expected people are listed.
    expect(
      expectOk(await search(""))
        .map((c) => c.id)
        .sort(),
    ).toEqual([s.ana.id, fromInvited.id].sort());
    const today = expectOk(await searchCheckIn(s.field, { projectId: s.world.projectId, workshopId: s.workshop.id, day: "2019-06-18", q: "ana" }));
    expect(today.find((c) => c.id === s.ana.id)?.present).toBe(true);
  });
});
