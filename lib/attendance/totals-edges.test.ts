import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { executeRows, type Database } from "@/db/client";
import { createTestDatabase } from "@/db/testing";
import { attendance, participants, workshops } from "@/db/schema";
import { commitAttendanceImport } from "@/lib/imports/attendance";
import { mergeInstitutions } from "@/lib/institutions/use-cases";
import { mergeParticipants } from "@/lib/participants/duplicates";
import { eraseParticipant } from "@/lib/participants/personal-data";
import { getDashboard } from "@/lib/reports/dashboard";
import { expectOk, uniqueTag } from "@/lib/testing/helpers";
import { checkInItem, insertInstitution, insertPerson, insertWorkshop } from "@/lib/testing/workshops";
import { createWorld } from "@/lib/testing/world";
import { recordCheckIns, getProjectAttendanceTotals } from "./use-cases";

let database: Database;

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

/** Rows where the kept tally differs from a group-by of attendance (records, sex or start dates), over every project. */
async function tallyMismatches() {
  return executeRows<{ project_id: string; participant_id: string; kept: number | null; counted: number | null }>(
    database.db,
    sql`
    with counted as (
      select w.project_id, a.participant_id, count(*)::int as n, p.sex, range_agg(daterange(w.start_date, w.start_date, '[]')) as dates
      from attendance a join workshops w on w.id = a.workshop_id
      join participants p on p.id = a.participant_id group by 1, 2, 4
    )
    select coalesce(s.project_id, c.project_id) as project_id, coalesce(s.participant_id, c.participant_id) as participant_id, s.records as kept, c.n as counted
    from attendance_project_people s full join counted c on c.project_id = s.project_id and c.participant_id = s.participant_id
    where s.records is distinct from c.n or s.sex is distinct from c.sex or s.start_dates is distinct from c.dates`,
  );
}

/** The totals as counting every attendance record directly would give them. */
async function countedTotals(projectId: string) {
  const [row] = await executeRows<Record<string, number | string>>(
    database.db,
    sql`
    select count(*) as attendances, count(distinct a.participant_id) as participants,
      count(distinct a.participant_id) filter (where p.sex = 'woman') as women,
      count(distinct a.participant_id) filter (where p.sex = 'man') as men,
      count(distinct a.institution_id) as institutions
    from attendance a join workshops w on w.id = a.workshop_id join participants p on p.id = a.participant_id
    where w.project_id = ${projectId}`,
  );
  return Object.fromEntries(Object.entries(row!).map(([k, v]) => [k, Number(v)]));
}

async function setup() {
  const world = await createWorld(database.db);
  const manager = await world.ctx("manager");
  const first = await insertWorkshop(database.db, world.projectId, { status: "held" });
  const second = await insertWorkshop(database.db, world.projectId, { startDate: "2020-01-10", endDate: "2020-01-11", status: "held" });
  const send = (workshopId: string, items: ReturnType<typeof checkInItem>[]) => recordCheckIns(manager, { projectId: world.projectId, workshopId, items });
  return { world, manager, first, second, send };
}

async function expectTotalsAgree(projectId: string, ctx: Parameters<typeof getProjectAttendanceTotals>[0]) {
  const totals = expectOk(await getProjectAttendanceTotals(ctx, { projectId }));
  const counted = await countedTotals(projectId);
  expect({ attendances: totals.attendances, participants: totals.participants, women: totals.women, men: totals.men, institutions: totals.institutions }).toEqual(counted);
  return totals;
}

describe("attendance tally and project totals ", () => {
  it("stays equal to the records through check-ins and undos across two workshops", async () => {
    const s = await setup();
    const ana = await insertPerson(database.db, s.world.projectId, "Ana", "Cruz", "woman");
    const luis = await insertPerson(database.db, s.world.projectId, "Luis", "Paz", "man");
    expectOk(await s.send(s.first.id, [checkInItem(ana.id, "2019-06-18"), checkInItem(ana.id, "2019-06-19"), checkInItem(luis.id, "2019-06-18")]));
    expectOk(await s.send(s.second.id, [checkInItem(ana.id, "2020-01-10"), checkInItem(luis.id, "2020-01-11")]));
    expectOk(await s.send(s.first.id, [checkInItem(ana.id, "2019-06-18", "undo"), checkInItem(ana.id, "2019-06-19", "undo"), checkInItem(luis.id, "2019-06-18", "undo")]));
    expect(await tallyMismatches()).toEqual([]);
    const totals = await expectTotalsAgree(s.world.projectId, s.manager);
    expect(totals).toMatchObject({ workshopsHeld: 2, attendances: 2, participants: 2 });
    // Everyone undone everywhere: no one left in the tally.
    expectOk(await s.send(s.second.id, [checkInItem(ana.id, "2020-01-10", "undo"), checkInItem(luis.id, "2020-01-11", "undo")]));
    expect(await tallyMismatches()).toEqual([]);
    expect(expectOk(await getProjectAttendanceTotals(s.manager, { projectId: s.world.projectId }))).toMatchObject({ attendances: 0, participants: 0 });
  });

  it("stays equal through a participant merge where both records came on the same day, and in two projects", async () => {
    const s = await setup();
    const elsewhere = await insertWorkshop(database.db, s.world.otherProjectId, { startDate: "2018-03-01", endDate: "2018-03-01" });
    const ana = await insertPerson(database.db, s.world.projectId, "Ana", "Cruz", "woman");
    const twin = await insertPerson(database.db, s.world.projectId, "Ana", "Crus", "woman");
    await database.db.insert(attendance).values([
      { workshopId: s.first.id, participantId: ana.id, day: "2019-06-18" },
      { workshopId: s.first.id, participantId: twin.id, day: "2019-06-18" },
      { workshopId: s.first.id, participantId: twin.id, day: "2019-06-19" },
      { workshopId: elsewhere.id, participantId: twin.id, day: "2018-03-01" },
    ]);
    expect(await tallyMismatches()).toEqual([]);
    expectOk(await mergeParticipants(s.manager, { keepId: ana.id, otherId: twin.id }));
    expect(await tallyMismatches()).toEqual([]);
    const totals = await expectTotalsAgree(s.world.projectId, s.manager);
    expect(totals).toMatchObject({ attendances: 2, participants: 1, women: 1 });
    const elsewhereTotals = await countedTotals(s.world.otherProjectId);
    expect(elsewhereTotals).toMatchObject({ attendances: 1, participants: 1 });
  });

  it("follows a person's change of sex, and a merge keeping the other person's sex", async () => {
    const s = await setup();
    const ana = await insertPerson(database.db, s.world.projectId, "Ana", "Cruz", "not_stated");
    const twin = await insertPerson(database.db, s.world.projectId, "Ana", "Crus", "man");
    expectOk(await s.send(s.first.id, [checkInItem(ana.id, "2019-06-18"), checkInItem(twin.id, "2019-06-19")]));
    expect(await expectTotalsAgree(s.world.projectId, s.manager)).toMatchObject({ participants: 2, women: 0, men: 1 });
    await database.db.update(participants).set({ sex: "woman" }).where(eq(participants.id, ana.id));
    expect(await tallyMismatches()).toEqual([]);
    expect(await expectTotalsAgree(s.world.projectId, s.manager)).toMatchObject({ participants: 2, women: 1, men: 1 });
    expectOk(await mergeParticipants(s.manager, { keepId: twin.id, otherId: ana.id }));
    expect(await tallyMismatches()).toEqual([]);
    expect(await expectTotalsAgree(s.world.projectId, s.manager)).toMatchObject({ attendances: 2, participants: 1, women: 0, men: 1 });
  });

  it("finds a period's people and records as counting the records would, and follows a workshop moved to another date", async () => {
    const s = await setup();
    const ana = await insertPerson(database.db, s.world.projectId, "Ana", "Cruz", "woman");
    const luis = await insertPerson(database.db, s.world.projectId, "Luis", "Paz", "man");
    expectOk(await s.send(s.first.id, [checkInItem(ana.id, "2019-06-18"), checkInItem(ana.id, "2019-06-19"), checkInItem(luis.id, "2019-06-18")]));
    expectOk(await s.send(s.second.id, [checkInItem(luis.id, "2020-01-10")]));
    const inPeriod = async (from?: string, to?: string) => expectOk(await getDashboard(s.manager, { projectId: s.world.projectId, from, to })).attendance;
    expect(await inPeriod("2019-01-01", "2019-12-31")).toEqual({ attendances: 3, participants: 2, women: 1 });
    expect(await inPeriod("2020-01-10")).toEqual({ attendances: 1, participants: 1, women: 0 });
    expect(await inPeriod(undefined, "2019-06-17")).toEqual({ attendances: 0, participants: 0, women: 0 });
    // Luis's day in 2019 undone: only 2020 is left for him.
    expectOk(await s.send(s.first.id, [checkInItem(luis.id, "2019-06-18", "undo")]));
    expect(await tallyMismatches()).toEqual([]);
    expect(await inPeriod("2019-01-01", "2019-12-31")).toEqual({ attendances: 2, participants: 1, women: 1 });
    // The second workshop moved into 2019: its people come with it.
    await database.db.update(workshops).set({ startDate: "2019-11-10", endDate: "2019-11-11" }).where(eq(workshops.id, s.second.id));
    expect(await tallyMismatches()).toEqual([]);
    expect(await inPeriod("2019-01-01", "2019-12-31")).toEqual({ attendances: 3, participants: 2, women: 1 });
    expect(await inPeriod("2020-01-01")).toEqual({ attendances: 0, participants: 0, women: 0 });
  });

  it("stays equal, and counts one institution, after two institutions are merged", async () => {
    const s = await setup();
    const tag = uniqueTag();
    const source = await insertInstitution(database.db, `Policía ${tag}`);
    const target = await insertInstitution(database.db, `Policía Nacional ${tag}`);
    const ana = await insertPerson(database.db, s.world.projectId, "Ana", "Cruz", "woman", source.id);
    const luis = await insertPerson(database.db, s.world.projectId, "Luis", "Paz", "man", target.id);
    expectOk(await s.send(s.first.id, [checkInItem(ana.id, "2019-06-18"), checkInItem(ana.id, "2019-06-19"), checkInItem(luis.id, "2019-06-18")]));
    expect(expectOk(await getProjectAttendanceTotals(s.manager, { projectId: s.world.projectId })).institutions).toBe(2);
    expectOk(await mergeInstitutions(s.manager, { sourceId: source.id, targetId: target.id }));
    expect(await tallyMismatches()).toEqual([]);
    const totals = await expectTotalsAgree(s.world.projectId, s.manager);
    expect(totals).toMatchObject({ attendances: 3, participants: 2, institutions: 1 });
  });

  it("stays equal through an attendance import that creates people and records several days", async () => {
    const s = await setup();
    const tag = uniqueTag();
    const ana = await insertPerson(database.db, s.world.projectId, "Ana", `Cruz ${tag}`, "woman");
    expectOk(await s.send(s.first.id, [checkInItem(ana.id, "2019-06-18")]));
    const input = {
      projectId: s.world.projectId,
      workshopId: s.first.id,
      day: "2019-06-18",
      headers: ["Fecha", "Nombre", "Apellidos", "Sexo"],
      mapping: { day: 0, givenNames: 1, familyNames: 2, sex: 3 },
      rows: [
        ["2019-06-18", "Ana", `Cruz ${tag}`, "M"],
        ["2019-06-19", "Ana", `Cruz ${tag}`, "M"],
        ["2019-06-18", "Xiomara", `Nueva ${tag}`, "M"],
        ["2019-06-19", "Xiomara", `Nueva ${tag}`, "M"],
        ["2019-06-19", "Pedro", `Otro ${tag}`, "H"],
      ],
    };
    expect(expectOk(await commitAttendanceImport(s.manager, input))).toEqual({ created: 2, recorded: 4, alreadyPresent: 1 });
    expect(await tallyMismatches()).toEqual([]);
    const totals = await expectTotalsAgree(s.world.projectId, s.manager);
    expect(totals).toMatchObject({ attendances: 5, participants: 3, women: 2, men: 1 });
  });

  it("erasing a participant changes no figure", async () => {
    const s = await setup();
    const ana = await insertPerson(database.db, s.world.projectId, "Ana", "Cruz", "woman");
    expectOk(await s.send(s.first.id, [checkInItem(ana.id, "2019-06-18"), checkInItem(ana.id, "2019-06-19")]));
    const before = expectOk(await getProjectAttendanceTotals(s.manager, { projectId: s.world.projectId }));
    expectOk(await eraseParticipant(s.manager, { participantId: ana.id }));
    expect(expectOk(await getProjectAttendanceTotals(s.manager, { projectId: s.world.projectId }))).toEqual(before);
    expect(await tallyMismatches()).toEqual([]);
  });

  it("stays equal when a workshop with attendance is deleted", async () => {
    const s = await setup();
    const ana = await insertPerson(database.db, s.world.projectId, "Ana", "Cruz", "woman");
    expectOk(await s.send(s.first.id, [checkInItem(ana.id, "2019-06-18")]));
    expectOk(await s.send(s.second.id, [checkInItem(ana.id, "2020-01-10")]));
    await database.db.delete(workshops).where(eq(workshops.id, s.second.id));
    expect(await countedTotals(s.world.projectId)).toMatchObject({ attendances: 1 });
    expect(await tallyMismatches()).toEqual([]);
  });

  it("a partner reads the same totals as the manager; an outsider is refused", async () => {
    const s = await setup();
    const ana = await insertPerson(database.db, s.world.projectId, "Ana", "Cruz", "woman");
    expectOk(await s.send(s.first.id, [checkInItem(ana.id, "2019-06-18")]));
    const asManager = expectOk(await getProjectAttendanceTotals(s.manager, { projectId: s.world.projectId }));
    expect(expectOk(await getProjectAttendanceTotals(await s.world.ctx("partner"), { projectId: s.world.projectId }))).toEqual(asManager);
    const refused = await getProjectAttendanceTotals(await s.world.ctx("outsider"), { projectId: s.world.projectId });
    expect(refused.ok).toBe(false);
  });
});
