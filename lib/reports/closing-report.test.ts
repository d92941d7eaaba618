import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { createTestDatabase } from "@/db/testing";
import { missions, missionTeam, participants, projects, users, type Narrative } from "@/db/schema";
import { demoProjectCodes, seedDemo } from "@/db/seed/demo";
import { documentToDocx } from "@/lib/documents/docx";
import { docxText } from "@/lib/documents/docx-text";
import { documentToPdf } from "@/lib/documents/pdf";
import { percentOf } from "@/lib/evaluations/results";
import { wordingFor } from "@/lib/i18n/wording";
import { pdfText } from "@/lib/testing/documents";
import { ctxFor, expectOk } from "@/lib/testing/helpers";
import { getClosingReport } from "./closing-report";
import { closingReportDocument } from "./closing-report-document";

let database: Database;
let projectId: string;

beforeAll(async () => {
  database = await createTestDatabase();
  await seedDemo(database.db);
  const [project] = await database.db.select({ id: projects.id }).from(projects).where(eq(projects.code, demoProjectCodes.honduras));
  projectId = project!.id;
});
afterAll(() => database.close());

async function as(email: string) {
  const [user] = await database.db.select({ id: users.id }).from(users).where(eq(users.email, email));
  return ctxFor(database.db, user!.id);
}

describe("the closing report", () => {
  it("tells the project, its workshops' attendance, findings with actions and the evaluation figures with their n, in the language chosen", async () => {
    const report = expectOk(await getClosingReport(await as("manager@example.org"), { projectId }));
    const spanish = await docxText(await documentToDocx(closingReportDocument(report, "es", wordingFor("es"))));
    expect(spanish).toContain("Balance — ");
    expect(spanish).toContain("Taller de línea de base — Tegucigalpa");
    expect(spanish).toContain("76 % de 109 — Las acciones realizadas redujeron la vulnerabilidad");
    expect(spanish).toContain("86 % de 109");
    expect(spanish).toContain("96 % de 109");
    expect(spanish).toContain("Sociedad civil: 96 % de 51");
    expect(spanish).toContain("Los inspectores de trabajo no identifican a las víctimas de trata");
    expect(spanish).toContain("Protocolo de identificación de víctimas para inspectores de trabajo");
    expect(spanish).toContain("Misiones");
    // Project name, mission and evaluation titles in the reader's language, whichever they were first written in.
    expect(spanish).toContain("Fortalecer a los actores del cambio contra la trata de personas — Honduras");
    expect(spanish).toContain("Misión de lanzamiento y estudio de línea de base");
    expect(spanish).toContain("Evaluación final — Honduras");
    expect(spanish).toContain("País: Honduras");
    expect(spanish).toContain(`${percentOf(report.totals.women, report.totals.participants)} %`);
    const french = await docxText(await documentToDocx(closingReportDocument(report, "fr", wordingFor("fr"))));
    expect(french).toContain("76 % de 109 — Les actions menées ont permis de réduire la vulnérabilité");
    expect(french).toContain("Les inspecteurs du travail n'identifient pas les victimes de traite");
    expect(french).toContain("Mission de validation des constats");
    const englishPdf = await pdfText(await documentToPdf(closingReportDocument(report, "en", wordingFor("en"))));
    expect(englishPdf.text).toContain("76 % of 109");
    expect(englishPdf.text).toContain("Civil society: 96 % of 51");
  });

  it("closes on each indicator's baseline, final target and final actual, by sex where it is broken down so", async () => {
    const report = expectOk(await getClosingReport(await as("manager@example.org"), { projectId }));
    const trained = report.results.find((r) => r.indicator.code === "1111.1")!;
    const { groups } = trained.project;
    const english = (await docxText(await documentToDocx(closingReportDocument(report, "en", wordingFor("en"))))).split("\n");
    const at = english.indexOf("1111.1");
    expect(english.slice(at, at + 8)).toEqual([
      "1111.1",
      "Number of people trained in victim identification",
      "0",
      "200",
      String(trained.project.actual),
      String(groups["sex:woman"] ?? 0),
      String(groups["sex:man"] ?? 0),
      String((groups["sex:other"] ?? 0) + (groups["sex:not_stated"] ?? 0)),
    ]);
    expect((groups["sex:woman"] ?? 0) + (groups["sex:man"] ?? 0) + (groups["sex:other"] ?? 0) + (groups["sex:not_stated"] ?? 0)).toBe(trained.project.actual);
    const vulnerability = english.indexOf("1000.1");
    expect(english.slice(vulnerability, vulnerability + 8)).toEqual(["1000.1", expect.stringContaining("vulnerability"), "—", "70 %", "76 %", "—", "—", "—"]);
    // A reported indicator ends on its latest approved value.
    const committees = english.indexOf("1211.1");
    expect(english.slice(committees + 2, committees + 5)).toEqual(["2", "8", "3"]);
  });

  it("gives field staff only the missions they travel on, as the missions pages do", async () => {
    const field = await as("field@example.org");
    const [{ id: fieldId }] = (await database.db.select({ id: users.id }).from(users).where(eq(users.email, "field@example.org"))) as [{ id: string }];
    const travelled = await database.db
      .select({ title: missions.title })
      .from(missions)
      .innerJoin(missionTeam, eq(missionTeam.missionId, missions.id))
      .where(and(eq(missions.projectId, projectId), eq(missionTeam.userId, fieldId)));
    const all = await database.db.select({ title: missions.title }).from(missions).where(eq(missions.projectId, projectId));
    // The demo has missions the field user is not on, or this test would prove nothing.
    expect(travelled.length).toBeLessThan(all.length);
    const report = expectOk(await getClosingReport(field, { projectId }));
    const titles = (rows: { title: Narrative }[]) => rows.map((m) => m.title[m.title.original]).sort();
    expect(titles(report.missions)).toEqual(titles(travelled));
    const manager = expectOk(await getClosingReport(await as("manager@example.org"), { projectId }));
    expect(manager.missions).toHaveLength(all.length);
  });

  it("names no participant, and gives a partner no missions and no draft", async () => {
    const report = expectOk(await getClosingReport(await as("partner@example.org"), { projectId }));
    expect(report.missions).toEqual([]);
    const text = await docxText(await documentToDocx(closingReportDocument(report, "es", wordingFor("es"))));
    const names = await database.db.select({ familyNames: participants.familyNames }).from(participants).limit(20);
    for (const { familyNames } of names) if (familyNames.length > 5) expect(text).not.toContain(familyNames);
    expect(text).not.toContain("Pocos jueces conocen la jurisprudencia");
  });
});
