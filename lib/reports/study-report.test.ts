import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { createTestDatabase } from "@/db/testing";
import { documentToDocx } from "@/lib/documents/docx";
import { docxText } from "@/lib/documents/docx-text";
import { documentToXlsx } from "@/lib/documents/xlsx";
import { createFinding } from "@/lib/findings/use-cases";
import { wordingFor } from "@/lib/i18n/wording";
import { createAction } from "@/lib/improvement-actions/use-cases";
import { answerFinding, openRound } from "@/lib/reviews/use-cases";
import { expectOk } from "@/lib/testing/helpers";
import { insertInstitution, insertWorkshop } from "@/lib/testing/workshops";
import { createWorld } from "@/lib/testing/world";
import { getStudyReport } from "./study-report";
import { createStudy } from "@/lib/studies/use-cases";
import { actionPlan, studyDocument } from "./study-report-document";

let database: Database;

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

async function setup() {
  const world = await createWorld(database.db);
  const manager = await world.ctx("manager");
  const study = expectOk(await createStudy(manager, { projectId: world.projectId, title: "Línea de base Honduras", periodStart: "2019-06-01", periodEnd: "2019-09-30" }));
  const ids = { projectId: world.projectId, studyId: study.id };
  const workshop = await insertWorkshop(database.db, world.projectId, { title: "Taller de Tegucigalpa" });
  const labour = await insertInstitution(database.db, `Secretaría de Trabajo ${crypto.randomUUID()}`);
  const identification = expectOk(
    await createFinding(manager, {
      ...ids,
      theme: "protection",
      priority: "high",
      title: { original: "es", es: "Los inspectores no identifican a las víctimas", fr: "Les inspecteurs n'identifient pas les victimes" },
      description: { original: "es", es: "Ningún protocolo.\n\nNinguna formación." },
      workshops: [{ workshopId: workshop.id, day: "2019-06-18" }],
      institutions: [{ institutionId: labour.id, role: "concerned" }],
    }),
  );
  const draft = expectOk(await createFinding(manager, { ...ids, theme: "data", title: { original: "es", es: "Borrador interno" }, description: { original: "es", es: "x" } }));
  const round = expectOk(await openRound(manager, { ...ids, title: "Ronda", findingIds: [identification.id], partnerIds: [world.userIds.partner] }));
  expectOk(await answerFinding(await world.ctx("partner"), { projectId: world.projectId, roundId: round.id, findingId: identification.id, answer: "needs_change" }));
  expectOk(
    await createAction(manager, {
      projectId: world.projectId,
      title: "Protocolo de identificación",
      findingIds: [identification.id],
      institutionIds: [labour.id],
      dueDate: "2020-06-30",
      status: "under_way",
      progress: 40,
    }),
  );
  return { world, manager, ids, identification, draft, labour };
}

describe("a study's export", () => {
  it("holds the findings by theme with evidence, review outcome and actions, in the language chosen; partners get no drafts", async () => {
    const s = await setup();
    const report = expectOk(await getStudyReport(s.manager, s.ids));
    const docx = await docxText(await documentToDocx(studyDocument(report, "fr", wordingFor("fr"))));
    expect(docx).toContain("Les inspecteurs n'identifient pas les victimes");
    expect(docx).toContain("Protection");
    expect(docx).toContain("Taller de Tegucigalpa (18 juin 2019)");
    expect(docx).toContain("À modifier: 1");
    expect(docx).toContain("Protocolo de identificación");
    expect(docx).toContain("Borrador interno (Pas encore traduit : affiché en espagnol)");
    const english = await docxText(await documentToDocx(studyDocument(report, "en", wordingFor("en"))));
    expect(english).toContain("Los inspectores no identifican a las víctimas (Not yet translated: shown in Spanish)");
    expect(english).toContain("Needs change: 1");

    const partnerReport = expectOk(await getStudyReport(await s.world.ctx("partner"), s.ids));
    expect(partnerReport.findings.map((f) => f.id)).toEqual([s.identification.id]);
    expect(JSON.stringify(partnerReport)).not.toContain("partner ");
  });

  it("gives the action plan as a spreadsheet: one row per action with its findings, institutions, due date and progress", async () => {
    const s = await setup();
    const report = expectOk(await getStudyReport(s.manager, s.ids));
    const plan = actionPlan(report, "es", wordingFor("es"));
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await documentToXlsx({ title: "Acciones", subtitle: "", sections: [plan] })) as never);
    const rows: string[] = [];
    workbook.worksheets[0]!.eachRow((row) => rows.push((row.values as unknown[]).slice(1).join("|")));
    expect(
      rows.some(
        (r) =>
          r.includes("Protocolo de identificación") &&
          r.includes(s.labour.name) &&
          r.includes("Los inspectores no identifican a las víctimas") &&
          r.includes("En curso") &&
          r.includes("40"),
      ),
    ).toBe(true);
    expect(rows.some((r) => r.includes("Atrasada"))).toBe(true);
  });
});
