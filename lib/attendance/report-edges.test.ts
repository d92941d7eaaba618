import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { createTestDatabase } from "@/db/testing";
import { bodyMemberships, coordinationBodies, participantProjects, participants, workshopInvitations } from "@/db/schema";
import { participantSearchText } from "@/lib/participants/names";
import { eraseParticipant } from "@/lib/participants/personal-data";
import { expectFailure, expectOk, uniqueTag } from "@/lib/testing/helpers";
import { checkInItem, insertInstitution, insertPerson, insertWorkshop } from "@/lib/testing/workshops";
import { createWorld } from "@/lib/testing/world";
import { recordCheckIns, getWorkshopReport, getSignInSheet } from "./use-cases";
import type { WorkshopReport } from "./report";
import type { Wording } from "@/lib/i18n/wording";
import { workshopReportDocument } from "./report-document";

let database: Database;

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

const counts = (list: { key: string; count: number }[]) => Object.fromEntries(list.map((c) => [c.key, c.count]));

/** Keys for words and ISO dates for days, so the document's cells can be read directly. */
const wording: Wording = { t: (key) => key, day: (iso) => iso, period: (a, b) => `${a}/${b}` };

async function setup(days = { startDate: "2019-06-18", endDate: "2019-06-19" }) {
  const world = await createWorld(database.db);
  const manager = await world.ctx("manager");
  const workshop = await insertWorkshop(database.db, world.projectId, days);
  const send = (items: ReturnType<typeof checkInItem>[]) => recordCheckIns(manager, { projectId: world.projectId, workshopId: workshop.id, items });
  const report = async (role: "manager" | "field" | "partner" = "manager") =>
    expectOk(await getWorkshopReport(await world.ctx(role), { projectId: world.projectId, workshopId: workshop.id }));
  return { world, manager, workshop, send, report };
}

async function moveTo(participantId: string, institutionId: string | null) {
  await database.db.update(participants).set({ institutionId }).where(eq(participants.id, participantId));
}

function section(report: WorkshopReport, key: string) {
  return workshopReportDocument(report, wording).sections.find((s) => s.title === key)!;
}

describe("workshop report ", () => {
  it("counts a person who changed institution between days under each day's institution, and once overall under the last", async () => {
    const s = await setup();
    const tag = uniqueTag();
    const police = await insertInstitution(database.db, `Policía ${tag}`, "state");
    const ngo = await insertInstitution(database.db, `ONG ${tag}`, "civil_society");
    const ana = await insertPerson(database.db, s.world.projectId, "Ana", "Cruz", "woman", police.id);
    const luis = await insertPerson(database.db, s.world.projectId, "Luis", "Paz", "man", police.id);
    expectOk(await s.send([checkInItem(ana.id, "2019-06-18"), checkInItem(luis.id, "2019-06-18")]));
    await moveTo(ana.id, ngo.id);
    expectOk(await s.send([checkInItem(ana.id, "2019-06-19")]));
    const report = await s.report();
    expect(counts(report.days[0]!.byInstitution)).toEqual({ [police.id]: 2 });
    expect(counts(report.days[1]!.byInstitution)).toEqual({ [ngo.id]: 1 });
    expect(counts(report.overall.byInstitution)).toEqual({ [police.id]: 1, [ngo.id]: 1 });
    expect(counts(report.overall.bySector)).toEqual({ state: 1, civil_society: 1 });
    expect(report.overall).toMatchObject({ attendances: 3, participants: 2, everyDay: 1, someDays: 1 });
    // The attendee list shows the institution of the last day she came.
    expect(report.attendees!.find((a) => a.participantId === ana.id)).toMatchObject({
      institutionName: ngo.name,
      days: [
        { day: "2019-06-18", status: "present" },
        { day: "2019-06-19", status: "present" },
      ],
    });
  });

  it("the report document's per-day columns add up to that day's people when someone changed institution", async () => {
    const s = await setup();
    const tag = uniqueTag();
    const police = await insertInstitution(database.db, `Policía ${tag}`, "state");
    const ngo = await insertInstitution(database.db, `ONG ${tag}`, "civil_society");
    const ana = await insertPerson(database.db, s.world.projectId, "Ana", "Cruz", "woman", police.id);
    expectOk(await s.send([checkInItem(ana.id, "2019-06-18")]));
    await moveTo(ana.id, ngo.id);
    expectOk(await s.send([checkInItem(ana.id, "2019-06-19")]));
    const report = await s.report();
    expect(report.days.map((d) => d.participants)).toEqual([1, 1]);
    for (const key of ["report.bySector", "report.byInstitution"]) {
      const rows = section(report, key).rows;
      // Columns: label, overall, day 1, day 2.
      const dayTotals = [2, 3].map((col) => rows.reduce((sum, r) => sum + Number(r[col]), 0));
      expect({ key, dayTotals }).toEqual({ key, dayTotals: [1, 1] });
    }
  });

  it("the report document's per-day columns add up to the day's people when nobody moved", async () => {
    const s = await setup();
    const tag = uniqueTag();
    const police = await insertInstitution(database.db, `Policía ${tag}`, "state");
    const ngo = await insertInstitution(database.db, `ONG ${tag}`, "civil_society");
    const ana = await insertPerson(database.db, s.world.projectId, "Ana", "Cruz", "woman", police.id);
    const rosa = await insertPerson(database.db, s.world.projectId, "Rosa", "Lobo", "woman", ngo.id);
    const alex = await insertPerson(database.db, s.world.projectId, "Alex", "Rivera", "not_stated");
    expectOk(await s.send([checkInItem(ana.id, "2019-06-18"), checkInItem(rosa.id, "2019-06-19"), checkInItem(alex.id, "2019-06-18"), checkInItem(alex.id, "2019-06-19")]));
    const report = await s.report();
    const rows = section(report, "report.byInstitution").rows;
    expect([1, 2, 3].map((col) => rows.reduce((sum, r) => sum + Number(r[col]), 0))).toEqual([3, 2, 2]);
    expect(section(report, "report.summary").rows[1]).toEqual(["report.participants", 3, 2, 2]);
  });

  it("counts body membership on the day: a membership ending on day 1 counts day 1 only, one starting on day 2 counts day 2 only", async () => {
    const s = await setup({ startDate: "2019-06-18", endDate: "2019-06-20" });
    const tag = uniqueTag();
    const police = await insertInstitution(database.db, `Policía ${tag}`);
    const ministry = await insertInstitution(database.db, `Ministerio ${tag}`);
    const [leaving, joining] = await database.db
      .insert(coordinationBodies)
      .values([
        { name: `Comisión A ${tag}`, acronym: `CA${tag}`, country: "HN" },
        { name: `Comisión B ${tag}`, acronym: "", country: "HN" },
      ])
      .returning();
    await database.db.insert(bodyMemberships).values([
      { bodyId: leaving!.id, institutionId: police.id, startDate: "2018-01-01", endDate: "2019-06-18" },
      { bodyId: joining!.id, institutionId: ministry.id, startDate: "2019-06-19", endDate: null },
    ]);
    const ana = await insertPerson(database.db, s.world.projectId, "Ana", "Cruz", "woman", police.id);
    const luis = await insertPerson(database.db, s.world.projectId, "Luis", "Paz", "man", ministry.id);
    const rosa = await insertPerson(database.db, s.world.projectId, "Rosa", "Lobo", "woman", police.id);
    expectOk(
      await s.send([
        ...["2019-06-18", "2019-06-19", "2019-06-20"].flatMap((d) => [checkInItem(ana.id, d), checkInItem(luis.id, d)]),
        // Rosa came only after the police left the body.
        checkInItem(rosa.id, "2019-06-19"),
      ]),
    );
    const report = await s.report();
    expect(report.days.map((d) => counts(d.byBody))).toEqual([{ [leaving!.id]: 1 }, { [joining!.id]: 1 }, { [joining!.id]: 1 }]);
    expect(counts(report.overall.byBody)).toEqual({ [leaving!.id]: 1, [joining!.id]: 1 });
    // A body reads by its acronym, or its name when it has none.
    expect(report.overall.byBody.map((b) => b.label).sort()).toEqual([`CA${tag}`, `Comisión B ${tag}`].sort());
  });

  it("lists as absent only invited institutions nobody came from, on the day's institution", async () => {
    const s = await setup();
    const tag = uniqueTag();
    const police = await insertInstitution(database.db, `Policía ${tag}`);
    const ngo = await insertInstitution(database.db, `ONG ${tag}`, "civil_society");
    const absent = await insertInstitution(database.db, `Migración ${tag}`);
    await database.db.insert(workshopInvitations).values([police, ngo, absent].map((i) => ({ workshopId: s.workshop.id, institutionId: i.id })));
    const ana = await insertPerson(database.db, s.world.projectId, "Ana", "Cruz", "woman", police.id);
    expectOk(await s.send([checkInItem(ana.id, "2019-06-18")]));
    // She moved afterwards: the police still came that day.
    await moveTo(ana.id, ngo.id);
    const report = await s.report();
    expect(report.absentInstitutions.map((i) => i.id).sort()).toEqual([ngo.id, absent.id].sort());
  });

  it("with no attendance at all, every invited institution is absent and the figures are zeros", async () => {
    const s = await setup();
    const police = await insertInstitution(database.db, `Policía ${uniqueTag()}`);
    await database.db.insert(workshopInvitations).values({ workshopId: s.workshop.id, institutionId: police.id });
    const report = await s.report();
    expect(report.absentInstitutions.map((i) => i.id)).toEqual([police.id]);
    expect(report.overall).toMatchObject({ attendances: 0, participants: 0, everyDay: 0, someDays: 0 });
    expect(report.days.map((d) => d.day)).toEqual(["2019-06-18", "2019-06-19"]);
  });

  it("partners get figures only; another project's manager gets nothing", async () => {
    const s = await setup();
    const ana = await insertPerson(database.db, s.world.projectId, "Ana", "Cruz", "woman");
    expectOk(await s.send([checkInItem(ana.id, "2019-06-18")]));
    const partner = await s.report("partner");
    expect(partner.attendees).toBeNull();
    expect(JSON.stringify(partner)).not.toContain("Cruz");
    expect(section(partner, "report.attendees")).toBeUndefined();
    const outsider = await getWorkshopReport(await s.world.ctx("outsider"), { projectId: s.world.projectId, workshopId: s.workshop.id });
    expect(expectFailure(outsider).error).toBe("not_found");
    const viaOwn = await getWorkshopReport(await s.world.ctx("outsider"), { projectId: s.world.otherProjectId, workshopId: s.workshop.id });
    expect(expectFailure(viaOwn).error).toBe("not_found");
  });

  it("an erased person still counts in the figures", async () => {
    const s = await setup();
    const ana = await insertPerson(database.db, s.world.projectId, "Ana", "Cruz", "woman");
    expectOk(await s.send([checkInItem(ana.id, "2019-06-18"), checkInItem(ana.id, "2019-06-19")]));
    expectOk(await eraseParticipant(s.manager, { participantId: ana.id }));
    const report = await s.report();
    expect(report.overall).toMatchObject({ attendances: 2, participants: 1, everyDay: 1 });
    expect(counts(report.overall.bySex)).toEqual({ woman: 1 });
  });

  it("the attendee list of the report document has no blank name for an erased person", async () => {
    const s = await setup();
    const ana = await insertPerson(database.db, s.world.projectId, "Ana", "Cruz", "woman");
    const luis = await insertPerson(database.db, s.world.projectId, "Luis", "Paz", "man");
    expectOk(await s.send([checkInItem(ana.id, "2019-06-18"), checkInItem(luis.id, "2019-06-18")]));
    expectOk(await eraseParticipant(s.manager, { participantId: ana.id }));
    const rows = section(await s.report(), "report.attendees").rows;
    for (const row of rows) expect(String(row[0]).replace(/[\s,]/g, "")).not.toBe("");
  });
});

describe("sign-in sheet ", () => {
  it("lists every person expected, even more than sixty", async () => {
    const s = await setup();
    const people = await database.db
      .insert(participants)
      .values(
        Array.from({ length: 65 }, (_, i) => ({
          givenNames: `Persona${i}`,
          familyNames: `Apellido${i}`,
          sex: "woman" as const,
          searchText: participantSearchText(`Persona${i}`, `Apellido${i}`),
        })),
      )
      .returning();
    await database.db.insert(participantProjects).values(people.map((p) => ({ participantId: p.id, projectId: s.world.projectId })));
    expectOk(await s.send(people.map((p) => checkInItem(p.id, "2019-06-18"))));
    const sheet = expectOk(await getSignInSheet(await s.world.ctx("field"), { projectId: s.world.projectId, workshopId: s.workshop.id, day: "2019-06-19" }));
    expect(sheet.people).toHaveLength(65);
  });

  it("lists people of invited institutions and earlier days, not erased ones nor strangers", async () => {
    const s = await setup();
    const tag = uniqueTag();
    const police = await insertInstitution(database.db, `Policía ${tag}`);
    await database.db.insert(workshopInvitations).values({ workshopId: s.workshop.id, institutionId: police.id });
    const invited = await insertPerson(database.db, s.world.projectId, "Iris", "Lobo", "woman", police.id);
    const came = await insertPerson(database.db, s.world.projectId, "Ana", "Cruz", "woman");
    const erased = await insertPerson(database.db, s.world.projectId, "Eva", "Borrada", "woman", police.id);
    const stranger = await insertPerson(database.db, s.world.otherProjectId, "Otra", "Persona", "woman", police.id);
    await insertPerson(database.db, s.world.projectId, "Nadie", "Espera", "man");
    expectOk(await s.send([checkInItem(came.id, "2019-06-18")]));
    expectOk(await eraseParticipant(s.manager, { participantId: erased.id }));
    const sheet = expectOk(await getSignInSheet(await s.world.ctx("field"), { projectId: s.world.projectId, workshopId: s.workshop.id, day: "2019-06-19" }));
    expect(sheet.people.map((p) => p.id).sort()).toEqual([invited.id, came.id].sort());
    expect(sheet.people.map((p) => p.id)).not.toContain(stranger.id);
  });
});
