import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { createTestDatabase } from "@/db/testing";
import { attendance, bodyMemberships, coordinationBodies, findings, improvementActions, studies } from "@/db/schema";
import { documentToDocx } from "@/lib/documents/docx";
import { docxText } from "@/lib/documents/docx-text";
import { addResponse, createEvaluation, getEvaluationResults, pinStatement } from "@/lib/evaluations/use-cases";
import { wordingFor } from "@/lib/i18n/wording";
import { isoDate } from "@/lib/testing/directory";
import { expectFailure, expectOk, uniqueTag, written } from "@/lib/testing/helpers";
import { insertInstitution, insertPerson, insertWorkshop } from "@/lib/testing/workshops";
import { createWorld, type World } from "@/lib/testing/world";
import { getClosingReport } from "./closing-report";
import { closingReportDocument } from "./closing-report-document";
import { getDashboard } from "./dashboard";
import { getPortfolio } from "./portfolio";

let database: Database;

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

/** One person attending one day of a workshop, for the institution given. */
async function attend(world: World, workshopId: string, day: string, sex: "woman" | "man", institutionId: string | null = null, personId?: string) {
  const id = personId ?? (await insertPerson(database.db, world.projectId, `Ana ${uniqueTag()}`, `Pérez ${uniqueTag()}`, sex, institutionId)).id;
  await database.db.insert(attendance).values({ workshopId, participantId: id, day, institutionId });
  return id;
}

describe("the dashboard's period", () => {
  it("counts the held workshops starting on `from` and on `to`, not the day before or after, nor planned or cancelled ones", async () => {
    const world = await createWorld(database.db);
    const db = database.db;
    const onFrom = await insertWorkshop(db, world.projectId, { type: "baseline", status: "held", startDate: "2020-03-01", endDate: "2020-03-02" });
    const onTo = await insertWorkshop(db, world.projectId, { type: "training", status: "held", startDate: "2020-03-31", endDate: "2020-04-01" });
    const before = await insertWorkshop(db, world.projectId, { type: "training", status: "held", startDate: "2020-02-29", endDate: "2020-03-01" });
    await insertWorkshop(db, world.projectId, { type: "training", status: "held", startDate: "2020-04-01", endDate: "2020-04-01" });
    await insertWorkshop(db, world.projectId, { type: "training", status: "planned", startDate: "2020-03-10", endDate: "2020-03-10" });
    await insertWorkshop(db, world.projectId, { type: "training", status: "cancelled", startDate: "2020-03-11", endDate: "2020-03-11" });
    const ana = await attend(world, onFrom.id, "2020-03-01", "woman");
    await attend(world, onFrom.id, "2020-03-02", "woman", null, ana);
    await attend(world, onTo.id, "2020-03-31", "woman", null, ana);
    await attend(world, onTo.id, "2020-03-31", "man");
    await attend(world, before.id, "2020-02-29", "man");
    const manager = await world.ctx("manager");
    const march = expectOk(await getDashboard(manager, { projectId: world.projectId, from: "2020-03-01", to: "2020-03-31" }));
    expect(march.workshopsByType).toEqual([
      { key: "baseline", count: 1 },
      { key: "training", count: 1 },
    ]);
    expect(march.workshopsHeld).toBe(2);
    expect(march.attendance).toEqual({ attendances: 4, participants: 2, women: 1 });
    const whole = expectOk(await getDashboard(manager, { projectId: world.projectId, from: "", to: "" }));
    expect(whole.workshopsHeld).toBe(4);
    expect(whole.attendance).toEqual({ attendances: 5, participants: 3, women: 1 });
    const oneDay = expectOk(await getDashboard(manager, { projectId: world.projectId, from: "2020-03-31", to: "2020-03-31" }));
    expect(oneDay.workshopsByType).toEqual([{ key: "training", count: 1 }]);
    expect(expectFailure(await getDashboard(manager, { projectId: world.projectId, from: "2020-03-31", to: "2020-03-30" })).fieldErrors?.to).toEqual({ key: "endBeforeStart" });
  });
});

describe("the institutions and bodies reached", () => {
  it("count an institution once across workshops and days, by sector and by kind", async () => {
    const world = await createWorld(database.db);
    const db = database.db;
    const first = await insertWorkshop(db, world.projectId, { status: "held", startDate: "2020-05-04", endDate: "2020-05-05" });
    const second = await insertWorkshop(db, world.projectId, { status: "held", startDate: "2020-06-04", endDate: "2020-06-04" });
    const ministry = await insertInstitution(db, `Ministerio ${uniqueTag()}`, "state");
    const ngo = await insertInstitution(db, `ONG ${uniqueTag()}`, "civil_society");
    await attend(world, first.id, "2020-05-04", "woman", ministry.id);
    await attend(world, first.id, "2020-05-05", "man", ministry.id);
    await attend(world, second.id, "2020-06-04", "man", ministry.id);
    await attend(world, second.id, "2020-06-04", "woman", ngo.id);
    const board = expectOk(await getDashboard(await world.ctx("field"), { projectId: world.projectId }));
    expect(board.institutionsReached).toBe(2);
    expect(board.institutionsBySector).toEqual([
      { key: "civil_society", count: 1 },
      { key: "state", count: 1 },
    ]);
    expect(board.institutionsByKind).toEqual([
      { key: "ministry", count: 1 },
      { key: "ngo", count: 1 },
    ]);
    const may = expectOk(await getDashboard(await world.ctx("field"), { projectId: world.projectId, from: "2020-05-01", to: "2020-05-31" }));
    expect(may.institutionsBySector).toEqual([{ key: "state", count: 1 }]);
  });

  it("list the bodies of the project's country only, with the current members reached, not those whose membership ended", async () => {
    const world = await createWorld(database.db);
    const db = database.db;
    const workshop = await insertWorkshop(db, world.projectId, { status: "held", startDate: "2020-05-04", endDate: "2020-05-04" });
    const [here, abroad] = await db
      .insert(coordinationBodies)
      .values([
        { name: `Comisión ${uniqueTag()}`, acronym: "CIC", country: "HN" },
        { name: `Coalición ${uniqueTag()}`, acronym: "CNC", country: "CR" },
      ])
      .returning();
    const reached = await insertInstitution(db, `Fiscalía ${uniqueTag()}`);
    const left = await insertInstitution(db, `Policía ${uniqueTag()}`);
    const absent = await insertInstitution(db, `Migración ${uniqueTag()}`);
    await db.insert(bodyMemberships).values([
      { bodyId: here!.id, institutionId: reached.id, startDate: "2015-01-01" },
      { bodyId: here!.id, institutionId: left.id, startDate: "2015-01-01", endDate: "2018-12-31" },
      { bodyId: here!.id, institutionId: absent.id, startDate: "2015-01-01" },
      { bodyId: abroad!.id, institutionId: reached.id, startDate: "2015-01-01" },
    ]);
    await attend(world, workshop.id, "2020-05-04", "woman", reached.id);
    await attend(world, workshop.id, "2020-05-04", "man", left.id);
    const board = expectOk(await getDashboard(await world.ctx("manager"), { projectId: world.projectId }));
    const mine = board.bodies.filter((b) => b.id === here!.id || b.id === abroad!.id);
    expect(mine.map((b) => ({ acronym: b.acronym, reached: b.reached, members: b.members }))).toEqual([{ acronym: "CIC", reached: 1, members: 2 }]);
  });

  it("counts an institution whose membership ends in the future as a current member", async () => {
    const world = await createWorld(database.db);
    const db = database.db;
    const workshop = await insertWorkshop(db, world.projectId, { status: "held", startDate: "2020-05-04", endDate: "2020-05-04" });
    const [body] = await db
      .insert(coordinationBodies)
      .values({ name: `Mesa ${uniqueTag()}`, acronym: "MT", country: "HN" })
      .returning();
    const open = await insertInstitution(db, `Fiscalía ${uniqueTag()}`);
    const until = await insertInstitution(db, `Policía ${uniqueTag()}`);
    await db.insert(bodyMemberships).values([
      { bodyId: body!.id, institutionId: open.id, startDate: "2015-01-01" },
      { bodyId: body!.id, institutionId: until.id, startDate: "2015-01-01", endDate: isoDate(365) },
    ]);
    await attend(world, workshop.id, "2020-05-04", "woman", open.id);
    await attend(world, workshop.id, "2020-05-04", "man", until.id);
    const board = expectOk(await getDashboard(await world.ctx("manager"), { projectId: world.projectId }));
    expect(board.bodies.find((b) => b.id === body!.id)).toMatchObject({ reached: 2, members: 2 });
  });
});

describe("findings, actions and pinned figures", () => {
  it("hide draft findings from a partner, count overdue actions only when open and past due, and show pinned figures with their n", async () => {
    const world = await createWorld(database.db);
    const db = database.db;
    const [study] = await db.insert(studies).values({ projectId: world.projectId, title: "Línea de base" }).returning();
    const text = (es: string) => ({ original: "es" as const, es });
    await db.insert(findings).values([
      { studyId: study!.id, theme: "prevention", title: text("a"), description: text("a"), status: "draft" },
      { studyId: study!.id, theme: "prevention", title: text("b"), description: text("b"), status: "validated" },
      { studyId: study!.id, theme: "data", title: text("c"), description: text("c"), status: "in_review" },
    ]);
    await db.insert(improvementActions).values([
      { projectId: world.projectId, title: "late", status: "under_way", dueDate: isoDate(-1) },
      { projectId: world.projectId, title: "today", status: "planned", dueDate: isoDate(0) },
      { projectId: world.projectId, title: "done late", status: "done", dueDate: isoDate(-30) },
      { projectId: world.projectId, title: "dropped late", status: "dropped", dueDate: isoDate(-30) },
      { projectId: world.projectId, title: "no date", status: "proposed" },
    ]);
    const manager = await world.ctx("manager");
    const evaluation = expectOk(
      await createEvaluation(manager, {
        projectId: world.projectId,
        title: written("Final"),
        scaleSize: 5,
        agreeLevels: [4, 5],
        minGroupSize: 5,
        groups: [
          { key: "state", name: { original: "es", es: "Estado", en: "State" } },
          { key: "ngo", name: { original: "es", es: "Sociedad civil", en: "Civil society" } },
        ],
        statements: [{ key: "q1", text: { original: "es", es: "Mejoró la coordinación", fr: "La coordination s'est améliorée" } }],
      }),
    );
    const ids = { projectId: world.projectId, evaluationId: evaluation.id };
    for (const q1 of [5, 4, 4, 1, 2]) expectOk(await addResponse(manager, { ...ids, group: "state", answers: { q1 } }));
    for (const q1 of [5, 5]) expectOk(await addResponse(manager, { ...ids, group: "ngo", answers: { q1 } }));
    const { results, groups } = expectOk(await getEvaluationResults(manager, ids));
    expectOk(await pinStatement(manager, { ...ids, statementId: results[0]!.statementId, pinned: true, groupId: groups.find((g) => g.key === "ngo")!.id }));

    const board = expectOk(await getDashboard(manager, { projectId: world.projectId }));
    expect(board.findings.reduce((n, f) => n + f.count, 0)).toBe(3);
    expect(board.overdueActions).toBe(1);
    expect(board.actions.reduce((n, a) => n + a.count, 0)).toBe(5);
    expect(board.pinned).toHaveLength(1);
    expect(board.pinned[0]).toMatchObject({ evaluationTitle: { original: "en", en: "Final" }, group: { en: "Civil society" }, figure: { shown: false, reason: "tooFew" } });
    expect(board.pinned[0]!.statement.fr).toBe("La coordination s'est améliorée");

    const partner = expectOk(await getDashboard(await world.ctx("partner"), { projectId: world.projectId }));
    expect(partner.findings.map((f) => f.status).sort()).toEqual(["in_review", "validated"]);
    expectOk(await pinStatement(manager, { ...ids, statementId: results[0]!.statementId, pinned: true }));
    expect(expectOk(await getDashboard(await world.ctx("partner"), { projectId: world.projectId })).pinned.map((p) => [p.group, p.figure])).toEqual([
      [null, { shown: true, n: 7, agree: 5, percent: 71 }],
    ]);
    expect(expectFailure(await getDashboard(await world.ctx("outsider"), { projectId: world.projectId })).error).toBe("not_found");
  });
});

describe("the closing report", () => {
  it("for a project with nothing yet says so in each section, in the language chosen", async () => {
    const world = await createWorld(database.db);
    const report = expectOk(await getClosingReport(await world.ctx("manager"), { projectId: world.projectId }));
    expect(report.totals).toMatchObject({ workshopsHeld: 0, attendances: 0, participants: 0, women: 0, institutions: 0 });
    const text = await docxText(await documentToDocx(closingReportDocument(report, "en", wordingFor("en"))));
    expect(text).toContain("Closing report — ");
    for (const title of ["Workshops", "Baseline findings and actions taken", "Improvement actions", "Evaluation results"]) expect(text).toContain(title);
    expect(text.match(/None\./g)).toHaveLength(4);
    expect(text).not.toContain("Missions");
    const french = await docxText(await documentToDocx(closingReportDocument(report, "fr", wordingFor("fr"))));
    expect(french).not.toContain("Closing report");
  });

  it("keeps special characters of statements and group names intact in the DOCX", async () => {
    const world = await createWorld(database.db);
    const manager = await world.ctx("manager");
    const statement = `Les <acteurs> & "partenaires" l'ont dit : ça marche ✓ — 100 % ${"\u{1F600}"}`;
    const evaluation = expectOk(
      await createEvaluation(manager, {
        projectId: world.projectId,
        title: written("Bilan & <suivi>", "fr"),
        scaleSize: 4,
        agreeLevels: [3, 4],
        minGroupSize: 1,
        groups: [{ key: "osc", name: { original: "fr", fr: "Société civile & ONG <locales>" } }],
        statements: [{ key: "q1", text: { original: "fr", fr: statement } }],
      }),
    );
    expectOk(await addResponse(manager, { projectId: world.projectId, evaluationId: evaluation.id, group: "osc", answers: { q1: 4 } }));
    const report = expectOk(await getClosingReport(await world.ctx("partner"), { projectId: world.projectId }));
    const text = await docxText(await documentToDocx(closingReportDocument(report, "fr", wordingFor("fr"))));
    expect(text).toContain(`100 % de 1 — ${statement}`);
    expect(text).toContain("Société civile & ONG <locales>: 100 % de 1");
    expect(text).toContain("Bilan & <suivi>");
  });
});

describe("the portfolio", () => {
  it("is the admin's only, with every project's headline figures", async () => {
    const world = await createWorld(database.db);
    await insertWorkshop(database.db, world.projectId, { status: "held" });
    // To anyone else, the portfolio does not exist.
    for (const role of ["manager", "field", "partner", "outsider", "loner"] as const) expect(expectFailure(await getPortfolio(await world.ctx(role), {})).error).toBe("not_found");
    const portfolio = expectOk(await getPortfolio(await world.ctx("admin"), {}));
    expect(portfolio.find((p) => p.id === world.projectId)).toMatchObject({
      workshopsHeld: 1,
      participants: 0,
      institutions: 0,
      findings: 0,
      actions: 0,
      overdueActions: 0,
      pinned: [],
    });
    expect(portfolio.find((p) => p.id === world.otherProjectId)).toMatchObject({ status: "closed", workshopsHeld: 0 });
  });
});
