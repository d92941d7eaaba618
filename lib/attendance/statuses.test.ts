import crypto from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { createTestDatabase } from "@/db/testing";
import { attendance, attendanceExcuses } from "@/db/schema";
import { mergeParticipants } from "@/lib/participants/duplicates";
import { eraseParticipant } from "@/lib/participants/personal-data";
import { expectFailure, expectOk } from "@/lib/testing/helpers";
import { insertPerson, insertWorkshop } from "@/lib/testing/workshops";
import { createWorld } from "@/lib/testing/world";
import type { CheckInInput } from "./schemas";
import { getOfflineRoster, getWorkshopReport, recordCheckIns, syncOutbox } from "./use-cases";

let database: Database;

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

const day1 = "2019-06-18";
const day2 = "2019-06-19";
const day3 = "2019-06-20";

async function setup() {
  const world = await createWorld(database.db);
  const workshop = await insertWorkshop(database.db, world.projectId, { startDate: day1, endDate: day3 });
  const ana = await insertPerson(database.db, world.projectId, "Ana", "Martínez", "woman");
  const luis = await insertPerson(database.db, world.projectId, "Luis", "Díaz", "man");
  return { world, workshop, ana, luis, field: await world.ctx("field") };
}
type Setup = Awaited<ReturnType<typeof setup>>;
type Item = CheckInInput["items"][number];

const item = (participantId: string, day: string, extra: Partial<Item> = {}): Item => ({ id: crypto.randomUUID(), participantId, day, ...extra });
const send = async (s: Setup, items: Item[], ctx = s.field) => recordCheckIns(ctx, { projectId: s.world.projectId, workshopId: s.workshop.id, items });

async function dayState(s: Setup) {
  const records = await database.db
    .select({ who: attendance.participantId, day: attendance.day, status: attendance.status })
    .from(attendance)
    .where(eq(attendance.workshopId, s.workshop.id));
  const excuses = await database.db
    .select({ who: attendanceExcuses.participantId, day: attendanceExcuses.day, reason: attendanceExcuses.reason })
    .from(attendanceExcuses)
    .where(eq(attendanceExcuses.workshopId, s.workshop.id));
  const name = (id: string) => (id === s.ana.id ? "ana" : "luis");
  return {
    attended: records.map((r) => `${name(r.who)}@${r.day}:${r.status}`).sort(),
    excused: excuses.map((e) => `${name(e.who)}@${e.day}:${e.reason}`).sort(),
  };
}

describe("attendance statuses", () => {
  it("records late and left early as attended, and a change of status on the same record", async () => {
    const s = await setup();
    const results = expectOk(await send(s, [item(s.ana.id, day1, { status: "late" }), item(s.luis.id, day1, { status: "left_early" })]));
    expect(results.map((r) => r.outcome)).toEqual(["checked_in", "checked_in"]);
    // A one-tap check-in from a phone that had not seen it leaves the status another phone set.
    expect(expectOk(await send(s, [item(s.ana.id, day1)]))[0]!.outcome).toBe("already_present");
    expect(await dayState(s)).toEqual({ attended: [`ana@${day1}:late`, `luis@${day1}:left_early`], excused: [] });
    // Set back to present on purpose: the status changes, the record stays one.
    expect(expectOk(await send(s, [item(s.ana.id, day1, { status: "present" })]))[0]!.outcome).toBe("checked_in");
    expect(expectOk(await send(s, [item(s.ana.id, day1, { status: "present" })]))[0]!.outcome).toBe("already_present");
    expect(await dayState(s)).toEqual({ attended: [`ana@${day1}:present`, `luis@${day1}:left_early`], excused: [] });
  });

  it("an excuse needs a reason; it replaces the day's attendance, and a check-in or an undo replaces it", async () => {
    const s = await setup();
    expectOk(await send(s, [item(s.ana.id, day1)]));
    const excused = expectOk(
      await send(s, [item(s.ana.id, day1, { action: "excuse", reason: "  Audiencia en el juzgado " }), item(s.luis.id, day2, { action: "excuse", reason: "Enfermedad" })]),
    );
    expect(excused.map((r) => r.outcome)).toEqual(["excused", "excused"]);
    expect(await dayState(s)).toEqual({ attended: [], excused: [`ana@${day1}:Audiencia en el juzgado`, `luis@${day2}:Enfermedad`] });
    expectOk(await send(s, [item(s.ana.id, day1, { status: "late" }), item(s.luis.id, day2, { action: "undo" })]));
    expect(await dayState(s)).toEqual({ attended: [`ana@${day1}:late`], excused: [] });
  });

  it("refuses an excuse without a reason, a reason on a check-in, an unknown status and a reason too long, writing nothing", async () => {
    const s = await setup();
    for (const bad of [
      { action: "excuse" as const, reason: "   " },
      { action: "check_in" as const, reason: "tarde" },
      { status: "absent" as never },
      { action: "excuse" as const, reason: "x".repeat(201) },
    ]) {
      const failure = expectFailure(await send(s, [item(s.luis.id, day1), item(s.ana.id, day1, bad)]));
      expect(failure.error).toBe("invalid");
    }
    expect(expectFailure(await send(s, [item(s.ana.id, day1, { action: "excuse" })])).fieldErrors).toEqual({ "items.0.reason": { key: "required" } });
    expect(await dayState(s)).toEqual({ attended: [], excused: [] });
  });

  it("replaying an excuse after its undo does not bring it back", async () => {
    const s = await setup();
    const excuse = item(s.ana.id, day1, { action: "excuse", reason: "Enfermedad" });
    expectOk(await send(s, [excuse]));
    expectOk(await send(s, [item(s.ana.id, day1, { action: "undo" })]));
    expect(expectOk(await send(s, [excuse]))[0]).toMatchObject({ outcome: "excused", replayed: true });
    expect(await dayState(s)).toEqual({ attended: [], excused: [] });
  });

  it("travel through the offline outbox and come back in the roster", async () => {
    const s = await setup();
    const results = expectOk(
      await syncOutbox(s.field, {
        projectId: s.world.projectId,
        workshopId: s.workshop.id,
        userId: s.field.user!.id,
        items: [
          { id: crypto.randomUUID(), kind: "check_in", participantId: s.ana.id, day: day1, status: "late" },
          { id: crypto.randomUUID(), kind: "excuse", participantId: s.luis.id, day: day1, reason: "Turno de guardia" },
        ],
      }),
    );
    expect(results.map((r) => r.outcome)).toEqual(["checked_in", "excused"]);
    const roster = expectOk(await getOfflineRoster(s.field, { projectId: s.world.projectId, workshopId: s.workshop.id }));
    expect(roster.present.map((p) => [p.givenNames, p.status])).toEqual([["Ana", "late"]]);
    expect(roster.excused).toEqual([{ participantId: s.luis.id, day: day1, reason: "Turno de guardia" }]);
  });

  it("the report counts late and left early as attended, excused apart, and each person's attendance rate", async () => {
    const s = await setup();
    expectOk(
      await send(s, [
        item(s.ana.id, day1),
        item(s.ana.id, day2, { status: "late" }),
        item(s.ana.id, day3, { status: "left_early" }),
        item(s.luis.id, day1),
        item(s.luis.id, day2, { action: "excuse", reason: "Enfermedad" }),
      ]),
    );
    const manager = await s.world.ctx("manager");
    const report = expectOk(await getWorkshopReport(manager, { projectId: s.world.projectId, workshopId: s.workshop.id }));
    expect([report.overall.attendances, report.overall.late, report.overall.leftEarly, report.overall.excused, report.overall.everyDay]).toEqual([4, 1, 1, 1, 1]);
    expect(report.days.map((d) => [d.attendances, d.excused])).toEqual([
      [2, 0],
      [1, 1],
      [1, 0],
    ]);
    expect(report.attendees!.map((a) => [a.givenNames, a.days.length, Math.round(a.rate * 100), a.excused])).toEqual([
      ["Luis", 1, 33, [{ day: day2, reason: "Enfermedad" }]],
      ["Ana", 3, 100, []],
    ]);
    // Partners read the figures, never who was excused or why.
    const partnerView = expectOk(await getWorkshopReport(await s.world.ctx("partner"), { projectId: s.world.projectId, workshopId: s.workshop.id }));
    expect([partnerView.attendees, partnerView.overall.excused]).toEqual([null, 1]);
    expect(JSON.stringify(partnerView)).not.toContain("Enfermedad");
  });

  it("merging two records of a person moves the excuses, and a day now attended is not also excused", async () => {
    const s = await setup();
    const twin = await insertPerson(database.db, s.world.projectId, "Luís", "Díaz", "man");
    expectOk(await send(s, [item(s.luis.id, day1), item(twin.id, day1, { action: "excuse", reason: "Turno" }), item(twin.id, day2, { action: "excuse", reason: "Audiencia" })]));
    expectOk(await mergeParticipants(await s.world.ctx("manager"), { keepId: s.luis.id, otherId: twin.id }));
    expect(await dayState(s)).toEqual({ attended: [`luis@${day1}:present`], excused: [`luis@${day2}:Audiencia`] });
  });

  it("erasing a person blanks the reasons given for their absences", async () => {
    const s = await setup();
    expectOk(await send(s, [item(s.luis.id, day2, { action: "excuse", reason: "Cita médica" })]));
    expectOk(await eraseParticipant(await s.world.ctx("admin"), { participantId: s.luis.id }));
    expect((await dayState(s)).excused).toEqual([`luis@${day2}:•••`]);
  });
});
