import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { createTestDatabase } from "@/db/testing";
import { attendance, participants } from "@/db/schema";
import { expectFailure, expectOk, uniqueTag } from "@/lib/testing/helpers";
import { insertInstitution, insertPerson, insertWorkshop } from "@/lib/testing/workshops";
import { createWorld } from "@/lib/testing/world";
import { commitAttendanceImport, previewAttendanceImport, type AttendanceImportInput } from "./attendance";

let database: Database;

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

const headers = ["Fecha", "Nombre", "Apellidos", "Sexo", "Institución"];
const mapping = { day: 0, givenNames: 1, familyNames: 2, sex: 3, institution: 4 };

async function setup() {
  const world = await createWorld(database.db);
  const tag = uniqueTag();
  const police = await insertInstitution(database.db, `Policía Nacional ${tag}`);
  const workshop = await insertWorkshop(database.db, world.projectId);
  const jose = await insertPerson(database.db, world.projectId, "José Luis", `Martínez ${tag}`, "man", police.id);
  const input = (rows: string[][], extra: Partial<AttendanceImportInput> = {}): AttendanceImportInput => ({
    projectId: world.projectId,
    workshopId: workshop.id,
    day: "2019-06-18",
    headers,
    rows,
    mapping,
    ...extra,
  });
  return { world, tag, police, workshop, jose, field: await world.ctx("field"), input };
}

async function recorded(workshopId: string) {
  const [row] = await database.db.select({ n: count() }).from(attendance).where(eq(attendance.workshopId, workshopId));
  return Number(row!.n);
}

describe("attendance.importPreview", () => {
  it("matches a row to the person on file despite accents and case, and shows the score", async () => {
    const s = await setup();
    const preview = expectOk(await previewAttendanceImport(s.field, s.input([["18/06/2019", "JOSE LUIS", `martinez ${s.tag}`, "H", s.police.name]])));
    expect(preview.rows[0]).toMatchObject({ status: "matched", day: "2019-06-18", candidates: [{ id: s.jose.id, score: 1 }] });
  });

  it("asks about an unsure match, and proposes to create someone not on file once for all their days", async () => {
    const s = await setup();
    const preview = expectOk(
      await previewAttendanceImport(
        s.field,
        s.input([
          ["2019-06-18", "Jose L.", `Martines ${s.tag} Lopez`, "H", s.police.name],
          ["2019-06-18", "Xiomara", `Nueva ${s.tag}`, "M", ""],
          ["2019-06-19", "Xiomara", `Nueva ${s.tag}`, "M", ""],
        ]),
      ),
    );
    expect(preview.rows.map((r) => [r.row, r.status, r.sameAsRow])).toEqual([
      [2, "uncertain", undefined],
      [3, "new", undefined],
      [4, "new", 3],
    ]);
    expect(preview.rows[0]!.candidates[0]).toMatchObject({ id: s.jose.id, label: `José Luis Martínez ${s.tag}` });
    expect(preview.rows[0]!.candidates[0]!.score).toBeLessThan(0.9);
    expect(preview.counts).toEqual({ matched: 0, uncertain: 1, new: 2, error: 0 });
  });
});

describe("attendance.importCommit", () => {
  it("commits nothing while one row is wrong or an unsure match is undecided, naming each", async () => {
    const s = await setup();
    const people = await database.db.select({ n: count() }).from(participants);
    const rows = [
      ["2019-06-18", "Xiomara", `Nueva ${s.tag}`, "M", ""],
      ["2019-06-25", "Luis", `Tarde ${s.tag}`, "H", ""],
      ["2019-06-18", "Jose L.", `Martines ${s.tag} Lopez`, "H", s.police.name],
    ];
    const failure = expectFailure(await commitAttendanceImport(s.field, s.input(rows)));
    expect(failure.fieldErrors).toEqual({ "row 3 · day": { key: "dayOutsideWorkshop" }, "row 4 · participant": { key: "matchNeedsDecision" } });
    expect(await recorded(s.workshop.id)).toBe(0);
    expect(await database.db.select({ n: count() }).from(participants)).toEqual(people);
  });

  it("with the unsure match decided, records every day once, creates the new person once, and a re-import adds nothing", async () => {
    const s = await setup();
    const rows = [
      ["2019-06-18", "Jose L.", `Martines ${s.tag} Lopez`, "H", s.police.name],
      ["2019-06-19", "José Luis", `Martínez ${s.tag}`, "H", s.police.name],
      ["2019-06-18", "Xiomara", `Nueva ${s.tag}`, "M", ""],
      ["2019-06-19", "Xiomara", `Nueva ${s.tag}`, "M", ""],
    ];
    const decided = s.input(rows, { decisions: { "2": s.jose.id } });
    expect(expectOk(await commitAttendanceImport(s.field, decided))).toEqual({ created: 1, recorded: 4, alreadyPresent: 0 });
    const days = await database.db.select({ participantId: attendance.participantId, day: attendance.day }).from(attendance).where(eq(attendance.workshopId, s.workshop.id));
    expect(
      days
        .filter((d) => d.participantId === s.jose.id)
        .map((d) => d.day)
        .sort(),
    ).toEqual(["2019-06-18", "2019-06-19"]);
    expect(new Set(days.map((d) => d.participantId)).size).toBe(2);
    // The same file again: the new person is now on file, every day already recorded.
    const again = expectOk(await commitAttendanceImport(s.field, decided));
    expect(again).toEqual({ created: 0, recorded: 0, alreadyPresent: 4 });
    expect(await recorded(s.workshop.id)).toBe(4);
  });

  it("takes the day chosen on screen for rows without a date, and refuses partners", async () => {
    const s = await setup();
    const input = { ...s.input([["Ana", `Sola ${s.tag}`, "M"]]), headers: ["Nombre", "Apellidos", "Sexo"], mapping: { givenNames: 0, familyNames: 1, sex: 2 }, day: "2019-06-19" };
    expect(expectOk(await commitAttendanceImport(s.field, input)).recorded).toBe(1);
    const [row] = await database.db.select().from(attendance).where(eq(attendance.workshopId, s.workshop.id));
    expect(row!.day).toBe("2019-06-19");
    expect(expectFailure(await commitAttendanceImport(await s.world.ctx("partner"), input)).error).toBe("forbidden");
  });
});
