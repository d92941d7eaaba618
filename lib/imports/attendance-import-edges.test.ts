import crypto from "node:crypto";
import { and, count, eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { createTestDatabase } from "@/db/testing";
import { attendance, participantProjects, participants, projectMembers } from "@/db/schema";
import { recordCheckIns } from "@/lib/attendance/use-cases";
import { eraseParticipant } from "@/lib/participants/personal-data";
import { expectFailure, expectOk, uniqueTag } from "@/lib/testing/helpers";
import { checkInItem, insertInstitution, insertPerson, insertWorkshop } from "@/lib/testing/workshops";
import { createWorld } from "@/lib/testing/world";
import { commitAttendanceImport, previewAttendanceImport, type AttendanceImportInput } from "./attendance";

let database: Database;

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

const headers = ["Fecha", "Nombre", "Apellidos", "Sexo", "Institución"];
const mapping = { day: 0, givenNames: 1, familyNames: 2, sex: 3, institution: 4 };

async function setup(workshopFields: { startDate?: string; endDate?: string; status?: "planned" | "held" | "cancelled" } = {}) {
  const world = await createWorld(database.db);
  const tag = uniqueTag();
  const police = await insertInstitution(database.db, `Policía Nacional ${tag}`);
  const workshop = await insertWorkshop(database.db, world.projectId, workshopFields);
  const jose = await insertPerson(database.db, world.projectId, "José Luis", `Martínez ${tag}`, "man", police.id);
  const input = (rows: string[][], extra: Partial<AttendanceImportInput> = {}): AttendanceImportInput => ({
    projectId: world.projectId,
    workshopId: workshop.id,
    day: workshop.startDate,
    headers,
    rows,
    mapping,
    ...extra,
  });
  return { world, tag, police, workshop, jose, field: await world.ctx("field"), manager: await world.ctx("manager"), input };
}

async function recordsOf(workshopId: string) {
  return database.db
    .select({ participantId: attendance.participantId, day: attendance.day, institutionId: attendance.institutionId })
    .from(attendance)
    .where(eq(attendance.workshopId, workshopId));
}

async function peopleNamed(familyNames: string) {
  return database.db.select().from(participants).where(eq(participants.familyNames, familyNames));
}

async function participantCount() {
  const [row] = await database.db.select({ n: count() }).from(participants);
  return Number(row!.n);
}

describe("attendance import: dates ", () => {
  it("reads a date column mixing ISO, slashes, dots, dashes and single digits", async () => {
    const s = await setup();
    const rows = ["18/06/2019", "2019-06-19", "19.06.2019", "18-6-2019", " 19/6/2019 "].map((d) => [d, "José Luis", `Martínez ${s.tag}`, "H", s.police.name]);
    const preview = expectOk(await previewAttendanceImport(s.field, s.input(rows)));
    expect(preview.rows.map((r) => [r.status, r.day])).toEqual([
      ["matched", "2019-06-18"],
      ["matched", "2019-06-19"],
      ["matched", "2019-06-19"],
      ["matched", "2019-06-18"],
      ["matched", "2019-06-19"],
    ]);
    expect(expectOk(await commitAttendanceImport(s.field, s.input(rows)))).toEqual({ created: 0, recorded: 2, alreadyPresent: 3 });
  });

  it("a blank date cell takes the day chosen on screen; a day outside the workshop or garbage is a row error", async () => {
    const s = await setup();
    const preview = expectOk(
      await previewAttendanceImport(
        s.field,
        s.input(
          [
            ["", "José Luis", `Martínez ${s.tag}`, "H", s.police.name],
            ["2019-06-20", "José Luis", `Martínez ${s.tag}`, "H", s.police.name],
            ["17/06/2019", "José Luis", `Martínez ${s.tag}`, "H", s.police.name],
            ["mañana", "José Luis", `Martínez ${s.tag}`, "H", s.police.name],
          ],
          { day: "2019-06-19" },
        ),
      ),
    );
    expect(preview.rows.map((r) => [r.status, r.day, r.errors.day?.key])).toEqual([
      ["matched", "2019-06-19", undefined],
      ["error", "2019-06-20", "dayOutsideWorkshop"],
      ["error", "2019-06-17", "dayOutsideWorkshop"],
      ["error", null, "invalidDate"],
    ]);
  });

  it("rows without a date, when the day chosen on screen is outside the workshop, are refused", async () => {
    const s = await setup();
    const input = {
      ...s.input([["José Luis", `Martínez ${s.tag}`, "H"]]),
      headers: ["Nombre", "Apellidos", "Sexo"],
      mapping: { givenNames: 0, familyNames: 1, sex: 2 },
      day: "2019-07-01",
    };
    expect(expectFailure(await commitAttendanceImport(s.field, input)).fieldErrors).toEqual({ "row 2 · day": { key: "dayOutsideWorkshop" } });
    expect(await recordsOf(s.workshop.id)).toEqual([]);
  });

  it("a date that does not exist is a row error, not a crash", async () => {
    const s = await setup({ startDate: "2019-06-28", endDate: "2019-07-02" });
    const rows = [["31/06/2019", "José Luis", `Martínez ${s.tag}`, "H", s.police.name]];
    const preview = expectOk(await previewAttendanceImport(s.field, s.input(rows)));
    expect(preview.rows[0]).toMatchObject({ status: "error", errors: { day: { key: "invalidDate" } } });
    const commit = await commitAttendanceImport(s.field, s.input(rows));
    expect(expectFailure(commit).fieldErrors).toEqual({ "row 2 · day": { key: "invalidDate" } });
  });
});

describe("attendance import: matching and decisions ", () => {
  it("a decision naming someone who is not among the row's candidates is refused, and nothing is written", async () => {
    const s = await setup();
    const other = await insertPerson(database.db, s.world.projectId, "Rosa", `Lobo ${s.tag}`, "woman");
    const rows = [
      ["2019-06-18", "Jose L.", `Martines ${s.tag} Lopez`, "H", s.police.name],
      ["2019-06-18", "Xiomara", `Nueva ${s.tag}`, "M", ""],
    ];
    const before = await participantCount();
    for (const bogus of [other.id, crypto.randomUUID()]) {
      const failure = expectFailure(await commitAttendanceImport(s.field, s.input(rows, { decisions: { "2": bogus } })));
      expect(failure.fieldErrors).toEqual({ "row 2 · participant": { key: "unknownParticipant" } });
    }
    expect(await recordsOf(s.workshop.id)).toEqual([]);
    expect(await participantCount()).toBe(before);
  });

  it("a decision cannot point at a person this user may not see, even by their exact name", async () => {
    const s = await setup();
    const hidden = await insertPerson(database.db, s.world.otherProjectId, "Oculta", `Ajena ${s.tag}`, "woman");
    const rows = [["2019-06-18", "Oculta", `Ajena ${s.tag}`, "M", ""]];
    const preview = expectOk(await previewAttendanceImport(s.field, s.input(rows)));
    expect(preview.rows[0]!.candidates.map((c) => c.id)).not.toContain(hidden.id);
    expect(expectFailure(await commitAttendanceImport(s.field, s.input(rows, { decisions: { "2": hidden.id } }))).fieldErrors).toEqual({
      "row 2 · participant": { key: "unknownParticipant" },
    });
    expect(await recordsOf(s.workshop.id)).toEqual([]);
  });

  it("a decision on a row with two namesakes is followed: either candidate, or a new person", async () => {
    const s = await setup();
    const twin = await insertPerson(database.db, s.world.projectId, "José Luis", `Martínez ${s.tag}`, "man");
    const rows = [["2019-06-18", "José Luis", `Martínez ${s.tag}`, "H", s.police.name]];
    const preview = expectOk(await previewAttendanceImport(s.field, s.input(rows)));
    expect(preview.rows[0]!.status).toBe("uncertain");
    expect(preview.rows[0]!.candidates.map((c) => c.id).sort()).toEqual([s.jose.id, twin.id].sort());
    expectOk(await commitAttendanceImport(s.field, s.input(rows, { decisions: { "2": twin.id } })));
    expect((await recordsOf(s.workshop.id)).map((r) => r.participantId)).toEqual([twin.id]);
    const again = expectOk(await commitAttendanceImport(s.field, s.input([["2019-06-19", "José Luis", `Martínez ${s.tag}`, "H", s.police.name]], { decisions: { "2": "new" } })));
    expect(again).toEqual({ created: 1, recorded: 1, alreadyPresent: 0 });
    expect(await peopleNamed(`Martínez ${s.tag}`)).toHaveLength(3);
  });

  it("two people on file with exactly the row's name are not picked between silently", async () => {
    const s = await setup();
    const first = await insertPerson(database.db, s.world.projectId, "Carlos", `Homónimo ${s.tag}`, "man");
    const second = await insertPerson(database.db, s.world.projectId, "Carlos", `Homónimo ${s.tag}`, "man");
    const rows = [["2019-06-18", "Carlos", `Homónimo ${s.tag}`, "H", ""]];
    const preview = expectOk(await previewAttendanceImport(s.field, s.input(rows)));
    expect(preview.rows[0]!.candidates.map((c) => [c.id, c.score]).sort()).toEqual(
      [
        [first.id, 1],
        [second.id, 1],
      ].sort(),
    );
    expect(preview.rows[0]!.status).toBe("uncertain");
  });

  it("a decision for a row number the file does not have changes nothing", async () => {
    const s = await setup();
    const rows = [["2019-06-18", "José Luis", `Martínez ${s.tag}`, "H", s.police.name]];
    expect(expectOk(await commitAttendanceImport(s.field, s.input(rows, { decisions: { "9": "new", "1": "new" } })))).toEqual({ created: 0, recorded: 1, alreadyPresent: 0 });
  });

  it("the same new person on two days, written with and without accents, is created once with both days", async () => {
    const s = await setup();
    const rows = [
      ["2019-06-18", "Xiomara", `Núñez ${s.tag}`, "M", s.police.name],
      ["2019-06-19", "XIOMARA", `NUNEZ ${s.tag}`, "M", s.police.name],
    ];
    const preview = expectOk(await previewAttendanceImport(s.field, s.input(rows)));
    expect(preview.rows.map((r) => [r.status, r.sameAsRow])).toEqual([
      ["new", undefined],
      ["new", 2],
    ]);
    expect(expectOk(await commitAttendanceImport(s.field, s.input(rows)))).toEqual({ created: 1, recorded: 2, alreadyPresent: 0 });
    const created = await peopleNamed(`Núñez ${s.tag}`);
    expect(created).toHaveLength(1);
    const recorded = await recordsOf(s.workshop.id);
    expect(recorded.map((r) => [r.participantId, r.day, r.institutionId]).sort()).toEqual([
      [created[0]!.id, "2019-06-18", s.police.id],
      [created[0]!.id, "2019-06-19", s.police.id],
    ]);
    const links = await database.db.select().from(participantProjects).where(eq(participantProjects.participantId, created[0]!.id));
    expect(links.map((l) => l.projectId)).toEqual([s.world.projectId]);
  });

  it("the same new person twice on the same day is created once and recorded once", async () => {
    const s = await setup();
    const rows = [
      ["2019-06-18", "Xiomara", `Nueva ${s.tag}`, "M", ""],
      ["2019-06-18", "Xiomara", `Nueva ${s.tag}`, "M", ""],
    ];
    expect(expectOk(await commitAttendanceImport(s.field, s.input(rows)))).toEqual({ created: 1, recorded: 1, alreadyPresent: 1 });
    expect(await peopleNamed(`Nueva ${s.tag}`)).toHaveLength(1);
  });

  it("the same new person decided 'new' on both of their uncertain rows is created once", async () => {
    const s = await setup();
    const rows = [
      ["2019-06-18", "Jose L.", `Martines ${s.tag} Lopez`, "H", s.police.name],
      ["2019-06-19", "Jose L.", `Martines ${s.tag} Lopez`, "H", s.police.name],
    ];
    const preview = expectOk(await previewAttendanceImport(s.field, s.input(rows)));
    expect(preview.rows.map((r) => r.status)).toEqual(["uncertain", "uncertain"]);
    expect(expectOk(await commitAttendanceImport(s.field, s.input(rows, { decisions: { "2": "new", "3": "new" } })))).toEqual({ created: 1, recorded: 2, alreadyPresent: 0 });
    expect(await peopleNamed(`Martines ${s.tag} Lopez`)).toHaveLength(1);
  });

  it("someone already checked in that day is counted as already present, and the sheet's institution is kept for a new day", async () => {
    const s = await setup();
    const ministry = await insertInstitution(database.db, `Ministerio ${s.tag}`);
    expectOk(await recordCheckIns(s.field, { projectId: s.world.projectId, workshopId: s.workshop.id, items: [checkInItem(s.jose.id, "2019-06-18")] }));
    const rows = [
      ["2019-06-18", "José Luis", `Martínez ${s.tag}`, "H", s.police.name],
      ["2019-06-19", "José Luis", `Martínez ${s.tag}`, "H", ministry.name],
    ];
    const result = expectOk(await commitAttendanceImport(s.field, s.input(rows)));
    expect(result).toMatchObject({ created: 0, recorded: 1, alreadyPresent: 1 });
    const recorded = await recordsOf(s.workshop.id);
    expect(recorded.find((r) => r.day === "2019-06-19")!.institutionId).toBe(ministry.id);
  });

  it("an erased person of the same name is not matched: a new record is made", async () => {
    const s = await setup();
    const erased = await insertPerson(database.db, s.world.projectId, "Eva", `Borrada ${s.tag}`, "woman");
    expectOk(await eraseParticipant(s.manager, { participantId: erased.id }));
    const rows = [["2019-06-18", "Eva", `Borrada ${s.tag}`, "M", ""]];
    const preview = expectOk(await previewAttendanceImport(s.field, s.input(rows)));
    expect(preview.rows[0]).toMatchObject({ status: "new", candidates: [] });
    expectOk(await commitAttendanceImport(s.field, s.input(rows)));
    const recorded = await recordsOf(s.workshop.id);
    expect(recorded.map((r) => r.participantId)).not.toContain(erased.id);
  });

  it("all or nothing: one bad row among good ones writes no person and no attendance", async () => {
    const s = await setup();
    const before = await participantCount();
    const rows = [
      ["2019-06-18", "Xiomara", `Nueva ${s.tag}`, "M", ""],
      ["2019-06-19", "José Luis", `Martínez ${s.tag}`, "H", s.police.name],
      ["2019-06-19", "Pedro", `Malo ${s.tag}`, "H", "Institución inexistente"],
    ];
    const failure = expectFailure(await commitAttendanceImport(s.field, s.input(rows)));
    expect(Object.keys(failure.fieldErrors ?? {})).toEqual(["row 4 · institution"]);
    expect(await recordsOf(s.workshop.id)).toEqual([]);
    expect(await participantCount()).toBe(before);
  });
});

describe("attendance import: access and workshop state ", () => {
  it("refuses another project's staff and a workshop of another project", async () => {
    const s = await setup();
    const rows = [["2019-06-18", "José Luis", `Martínez ${s.tag}`, "H", s.police.name]];
    const other = await createWorld(database.db);
    expect(expectFailure(await commitAttendanceImport(await other.ctx("field"), s.input(rows))).error).toBe("not_found");
    const theirs = await insertWorkshop(database.db, other.projectId);
    expect(expectFailure(await commitAttendanceImport(s.field, s.input(rows, { workshopId: theirs.id }))).error).toBe("not_found");
    expect(expectFailure(await previewAttendanceImport(await s.world.ctx("partner"), s.input(rows))).error).toBe("forbidden");
    expect(await recordsOf(s.workshop.id)).toEqual([]);
    expect(await recordsOf(theirs.id)).toEqual([]);
  });

  it("refuses to record attendance into a cancelled workshop, as check-in does", async () => {
    const s = await setup({ status: "cancelled" });
    const rows = [
      ["2019-06-18", "José Luis", `Martínez ${s.tag}`, "H", s.police.name],
      ["2019-06-18", "Xiomara", `Nueva ${s.tag}`, "M", ""],
    ];
    const checkIn = expectOk(await recordCheckIns(s.field, { projectId: s.world.projectId, workshopId: s.workshop.id, items: [checkInItem(s.jose.id, "2019-06-18")] }));
    expect(checkIn[0]).toMatchObject({ outcome: "refused", reason: "workshopCancelled" });
    const result = await commitAttendanceImport(s.field, s.input(rows));
    expect(result.ok).toBe(false);
    expect(await recordsOf(s.workshop.id)).toEqual([]);
    expect(await peopleNamed(`Nueva ${s.tag}`)).toHaveLength(0);
  });

  it("a person matched through another project this user staffs becomes known to this project", async () => {
    const s = await setup();
    await database.db.insert(projectMembers).values({ projectId: s.world.otherProjectId, userId: s.world.userIds.field, role: "field" });
    const field = await s.world.ctx("field");
    const theirs = await insertPerson(database.db, s.world.otherProjectId, "Karla", `Zelaya ${s.tag}`, "woman");
    const rows = [["2019-06-18", "Karla", `Zelaya ${s.tag}`, "F", ""]];
    expect(expectOk(await commitAttendanceImport(field, s.input(rows)))).toEqual({ created: 0, recorded: 1, alreadyPresent: 0 });
    const links = await database.db
      .select()
      .from(participantProjects)
      .where(and(eq(participantProjects.participantId, theirs.id), inArray(participantProjects.projectId, [s.world.projectId, s.world.otherProjectId])));
    expect(links).toHaveLength(2);
  });
});
