import crypto from "node:crypto";
import { and, count, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { executeRows, type Database } from "@/db/client";
import { createTestDatabase } from "@/db/testing";
import { attendance, participantProjects, projectMembers } from "@/db/schema";
import { eraseParticipant } from "@/lib/participants/personal-data";
import { expectFailure, expectOk, insertUser, ctxFor } from "@/lib/testing/helpers";
import { checkInItem, insertPerson, insertWorkshop } from "@/lib/testing/workshops";
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
  const luis = await insertPerson(database.db, world.projectId, "Luis", "Paz", "man");
  return { world, workshop, ana, luis, field: await world.ctx("field") };
}
type Setup = Awaited<ReturnType<typeof setup>>;
type Item = ReturnType<typeof checkInItem>;

const send = (s: Setup, items: Item[], ctx = s.field, workshopId = s.workshop.id) => recordCheckIns(ctx, { projectId: s.world.projectId, workshopId, items });

async function records(workshopId: string, participantId?: string, day?: string) {
  const [row] = await database.db
    .select({ n: count() })
    .from(attendance)
    .where(and(eq(attendance.workshopId, workshopId), participantId ? eq(attendance.participantId, participantId) : undefined, day ? eq(attendance.day, day) : undefined));
  return Number(row!.n);
}

/** The whole tally against a group-by of every attendance record, all projects at once. */
async function tallyMismatches() {
  return executeRows<{ project_id: string; participant_id: string; kept: number | null; counted: number | null }>(
    database.db,
    sql`
    with counted as (
      select w.project_id, a.participant_id, count(*)::int as n from attendance a join workshops w on w.id = a.workshop_id group by 1, 2
    )
    select coalesce(s.project_id, c.project_id) as project_id, coalesce(s.participant_id, c.participant_id) as participant_id, s.records as kept, c.n as counted
    from attendance_project_people s full join counted c on c.project_id = s.project_id and c.participant_id = s.participant_id
    where s.records is distinct from c.n`,
  );
}

describe("check-in batches ", () => {
  it("the same id twice in one batch is applied once and both answers agree", async () => {
    const s = await setup();
    const item = checkInItem(s.ana.id, "2019-06-18");
    const results = expectOk(await send(s, [item, { ...item }]));
    expect(results).toHaveLength(2);
    expect(results[0]).toEqual(results[1]);
    expect(results[0]).toMatchObject({ outcome: "checked_in", replayed: false });
    expect(await records(s.workshop.id)).toBe(1);
  });

  it("answers come back in the order the device sent them, whatever the internal ordering", async () => {
    const s = await setup();
    const items = [checkInItem(s.luis.id, "2019-06-19"), checkInItem(s.ana.id, "2019-06-18"), checkInItem(s.luis.id, "2019-06-18"), checkInItem(s.ana.id, "2019-06-20")];
    const results = expectOk(await send(s, items));
    expect(results.map((r) => r.id)).toEqual(items.map((i) => i.id));
    expect(results.map((r) => r.outcome)).toEqual(["checked_in", "checked_in", "checked_in", "refused"]);
  });

  it("a check-in then its undo in one batch leave the person absent; an undo then a check-in leave them present", async () => {
    const s = await setup();
    const r1 = expectOk(await send(s, [checkInItem(s.ana.id, "2019-06-18"), checkInItem(s.ana.id, "2019-06-18", "undo")]));
    expect(r1.map((r) => r.outcome)).toEqual(["checked_in", "undone"]);
    expect(await records(s.workshop.id, s.ana.id)).toBe(0);
    const r2 = expectOk(await send(s, [checkInItem(s.luis.id, "2019-06-18", "undo"), checkInItem(s.luis.id, "2019-06-18")]));
    expect(r2.map((r) => r.outcome)).toEqual(["not_present", "checked_in"]);
    expect(await records(s.workshop.id, s.luis.id)).toBe(1);
  });

  it("undo then a fresh check-in (new id) brings the person back, and the tally follows", async () => {
    const s = await setup();
    expectOk(await send(s, [checkInItem(s.ana.id, "2019-06-18")]));
    expect(expectOk(await send(s, [checkInItem(s.ana.id, "2019-06-18", "undo")]))[0]!.outcome).toBe("undone");
    expect(expectOk(await send(s, [checkInItem(s.ana.id, "2019-06-18")]))[0]).toMatchObject({ outcome: "checked_in", replayed: false });
    expect(await records(s.workshop.id, s.ana.id, "2019-06-18")).toBe(1);
    expect(await tallyMismatches()).toEqual([]);
  });

  it("replaying an undo after a later check-in does not remove the person again", async () => {
    const s = await setup();
    expectOk(await send(s, [checkInItem(s.ana.id, "2019-06-18")]));
    const undo = checkInItem(s.ana.id, "2019-06-18", "undo");
    expectOk(await send(s, [undo]));
    expectOk(await send(s, [checkInItem(s.ana.id, "2019-06-18")]));
    expect(expectOk(await send(s, [undo]))[0]).toMatchObject({ outcome: "undone", replayed: true });
    expect(await records(s.workshop.id, s.ana.id)).toBe(1);
  });

  it("an id already used for one person does not check in another person under the same id", async () => {
    const s = await setup();
    const id = crypto.randomUUID();
    expectOk(await send(s, [{ id, participantId: s.ana.id, day: "2019-06-18", action: "check_in" }]));
    const again = expectOk(await send(s, [{ id, participantId: s.luis.id, day: "2019-06-19", action: "check_in" }]));
    expect(again[0]!.replayed).toBe(true);
    expect(await records(s.workshop.id, s.luis.id)).toBe(0);
  });

  it("an id used in one workshop, replayed to another workshop, is refused without the first one's outcome and records nothing there", async () => {
    const s = await setup();
    const other = await insertWorkshop(database.db, s.world.projectId, { startDate: "2019-06-18", endDate: "2019-06-19" });
    const item = checkInItem(s.ana.id, "2019-06-18");
    expectOk(await send(s, [item]));
    expect(expectOk(await send(s, [item], s.field, other.id))).toEqual([{ id: item.id, outcome: "refused", reason: "idTaken", replayed: false }]);
    expect(await records(other.id)).toBe(0);
    expect(await records(s.workshop.id)).toBe(1);
  });

  it("a refused item stays refused on replay, even once the refusal no longer applies", async () => {
    const s = await setup();
    const outside = checkInItem(s.ana.id, "2019-06-20");
    expect(expectOk(await send(s, [outside]))[0]).toMatchObject({ outcome: "refused", reason: "dayOutsideWorkshop", replayed: false });
    expect(expectOk(await send(s, [outside]))[0]).toMatchObject({ outcome: "refused", reason: "dayOutsideWorkshop", replayed: true });
    expect(await records(s.workshop.id)).toBe(0);
  });

  it("an erased participant cannot be checked in", async () => {
    const s = await setup();
    const manager = await s.world.ctx("manager");
    expectOk(await eraseParticipant(manager, { participantId: s.ana.id }));
    const [result] = expectOk(await send(s, [checkInItem(s.ana.id, "2019-06-18")]));
    expect(result).toMatchObject({ outcome: "refused", reason: "unknownParticipant" });
    expect(await records(s.workshop.id)).toBe(0);
    // Nor is she offered on the check-in screen.
    const found = expectOk(await searchCheckIn(s.field, { projectId: s.world.projectId, workshopId: s.workshop.id, day: "2019-06-18", q: "" }));
    expect(found.map((c) => c.id)).not.toContain(s.ana.id);
  });

  it("a participant id that does not exist is refused item by item, the rest recorded", async () => {
    const s = await setup();
    const results = expectOk(await send(s, [checkInItem(crypto.randomUUID(), "2019-06-18"), checkInItem(s.ana.id, "2019-06-18")]));
    expect(results.map((r) => [r.outcome, r.reason])).toEqual([
      ["refused", "unknownParticipant"],
      ["checked_in", undefined],
    ]);
  });

  it("field staff of another project are refused, writing nothing; so is their manager sending to their own project", async () => {
    const s = await setup();
    const other = await createWorld(database.db);
    const otherField = await other.ctx("field");
    // Not a member: the project is not even acknowledged.
    expect(expectFailure(await send(s, [checkInItem(s.ana.id, "2019-06-18")], otherField)).error).toBe("not_found");
    const outsider = await s.world.ctx("outsider");
    const viaOwnProject = await recordCheckIns(outsider, { projectId: s.world.otherProjectId, workshopId: s.workshop.id, items: [checkInItem(s.ana.id, "2019-06-18")] });
    expect(expectFailure(viaOwnProject).error).toBe("not_found");
    expect(await records(s.workshop.id)).toBe(0);
  });

  it("a person known only to another project cannot be checked in by this project's field staff, nor linked", async () => {
    const s = await setup();
    const stranger = await insertPerson(database.db, s.world.otherProjectId, "Otra", "Persona", "woman");
    expect(expectOk(await send(s, [checkInItem(stranger.id, "2019-06-18")]))[0]!.reason).toBe("unknownParticipant");
    const links = await database.db.select().from(participantProjects).where(eq(participantProjects.participantId, stranger.id));
    expect(links.map((l) => l.projectId)).toEqual([s.world.otherProjectId]);
  });

  it("staff of two projects may check in someone from the other project, who then becomes known to this one", async () => {
    const s = await setup();
    const user = await insertUser(database.db);
    await database.db.insert(projectMembers).values([
      { projectId: s.world.projectId, userId: user.id, role: "field" },
      { projectId: s.world.otherProjectId, userId: user.id, role: "field" },
    ]);
    const both = await ctxFor(database.db, user.id);
    const stranger = await insertPerson(database.db, s.world.otherProjectId, "Otra", "Persona", "woman");
    expect(expectOk(await send(s, [checkInItem(stranger.id, "2019-06-18")], both))[0]!.outcome).toBe("checked_in");
    const links = await database.db.select().from(participantProjects).where(eq(participantProjects.participantId, stranger.id));
    expect(links.map((l) => l.projectId).sort()).toEqual([s.world.projectId, s.world.otherProjectId].sort());
    // And this project's field staff now find her.
    const found = expectOk(await searchCheckIn(s.field, { projectId: s.world.projectId, workshopId: s.workshop.id, day: "2019-06-19", q: "otra" }));
    expect(found.map((c) => c.id)).toEqual([stranger.id]);
  });

  it("a batch over 200 items, or empty, is refused as invalid", async () => {
    const s = await setup();
    expect(expectFailure(await send(s, [])).error).toBe("invalid");
    const many = Array.from({ length: 201 }, () => checkInItem(s.ana.id, "2019-06-18"));
    expect(expectFailure(await send(s, many)).error).toBe("invalid");
    expect(await records(s.workshop.id)).toBe(0);
  });

  it("the day list and counters follow check-ins and undos", async () => {
    const s = await setup();
    expectOk(await send(s, [checkInItem(s.ana.id, "2019-06-18"), checkInItem(s.luis.id, "2019-06-18"), checkInItem(s.luis.id, "2019-06-19")]));
    expectOk(await send(s, [checkInItem(s.ana.id, "2019-06-18", "undo")]));
    const day = expectOk(await getAttendanceDay(s.field, { projectId: s.world.projectId, workshopId: s.workshop.id, day: "2019-06-18" }));
    expect(day.present.map((p) => p.participantId)).toEqual([s.luis.id]);
    expect(day.counts).toEqual({ present: 1, women: 0, men: 1, otherSex: 0, state: 0, civilSociety: 0, otherSector: 0, noInstitution: 1 });
    expect(await tallyMismatches()).toEqual([]);
  });

  it("the same batch sent twice at once (a retry racing the original) records once and both get the same outcome", async () => {
    const s = await setup();
    const items = [checkInItem(s.ana.id, "2019-06-18"), checkInItem(s.luis.id, "2019-06-18"), checkInItem(s.luis.id, "2019-06-19", "undo")];
    const [a, b] = await Promise.all([send(s, items), send(s, items)]);
    const first = expectOk(a!);
    const second = expectOk(b!);
    expect(first.map((r) => r.outcome)).toEqual(["checked_in", "checked_in", "not_present"]);
    expect(second.map((r) => r.outcome)).toEqual(first.map((r) => r.outcome));
    expect(await records(s.workshop.id)).toBe(2);
    expect(await tallyMismatches()).toEqual([]);
  });

  it("devices checking in and undoing the same people at once keep the tally equal to the records", async () => {
    const s = await setup();
    const people = [s.ana, s.luis, ...(await Promise.all(["Rosa", "Iris", "Jorge"].map((n) => insertPerson(database.db, s.world.projectId, n, "Díaz", "woman"))))];
    const manager = await s.world.ctx("manager");
    expectOk(
      await send(
        s,
        people.map((p) => checkInItem(p.id, "2019-06-18")),
      ),
    );
    const undoSome = people.slice(0, 3).map((p) => checkInItem(p.id, "2019-06-18", "undo"));
    const addDay = [...people].reverse().map((p) => checkInItem(p.id, "2019-06-19"));
    const again = people.map((p) => checkInItem(p.id, "2019-06-18"));
    const results = await Promise.all([send(s, undoSome), send(s, addDay, manager), send(s, again)]);
    for (const r of results) expectOk(r);
    expect(await records(s.workshop.id, undefined, "2019-06-19")).toBe(5);
    expect(await tallyMismatches()).toEqual([]);
  });
});
