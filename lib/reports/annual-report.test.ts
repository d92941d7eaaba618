import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { projects, reportingPeriods, users } from "@/db/schema";
import { createTestDatabase } from "@/db/testing";
import { demoProjectCodes, seedDemo } from "@/db/seed/demo";
import { documentToDocx } from "@/lib/documents/docx";
import { docxText } from "@/lib/documents/docx-text";
import { documentToPdf } from "@/lib/documents/pdf";
import { wordingFor } from "@/lib/i18n/wording";
import { pdfText } from "@/lib/testing/documents";
import { ctxFor, expectFailure, expectOk } from "@/lib/testing/helpers";
import { getAnnualReport } from "./annual-report";
import { annualReportDocument } from "./annual-report-document";

let database: Database;
let projectId: string;
let periods: { id: string; name: string }[];

beforeAll(async () => {
  database = await createTestDatabase();
  await seedDemo(database.db);
  const [project] = await database.db.select({ id: projects.id }).from(projects).where(eq(projects.code, demoProjectCodes.honduras));
  projectId = project!.id;
  periods = await database.db
    .select({ id: reportingPeriods.id, name: reportingPeriods.name })
    .from(reportingPeriods)
    .where(eq(reportingPeriods.projectId, projectId))
    .orderBy(reportingPeriods.startDate);
});
afterAll(() => database.close());

const manager = async () => {
  const [user] = await database.db.select({ id: users.id }).from(users).where(eq(users.email, "manager@example.org"));
  return ctxFor(database.db, user!.id);
};

describe("the annual progress report", () => {
  it("gives each indicator's target, actual and % of target in the period, then the activities of the period behind each output", async () => {
    const report = expectOk(await getAnnualReport(await manager(), { projectId, periodId: periods[0]!.id }));
    const spanish = (await docxText(await documentToDocx(annualReportDocument(report, "es", wordingFor("es"))))).split("\n");
    expect(spanish).toContain("Resultados frente a las metas, 2019-2020");
    const committees = spanish.indexOf("1211.1");
    expect(spanish.slice(committees, committees + 6)).toEqual(["1211.1", expect.stringContaining("comités locales"), "3", "3", "100 %", "En camino"]);
    expect(spanish).toContain("Actividades por producto");
    expect(spanish.some((line) => line.startsWith("Taller: Taller de línea de base — Tegucigalpa"))).toBe(true);
    expect(spanish.some((line) => line.startsWith("Acción de mejora: Protocolo de identificación de víctimas para inspectores de trabajo"))).toBe(true);
    const english = await pdfText(await documentToPdf(annualReportDocument(report, "en", wordingFor("en"))));
    expect(english.text).toContain("Annual progress report");
  });

  it("lists no workshop of another period under an output", async () => {
    const report = expectOk(await getAnnualReport(await manager(), { projectId, periodId: periods[2]!.id }));
    expect(report.outputs.flatMap((o) => o.workshops)).toEqual([]);
  });

  it("refuses a period of another project", async () => {
    const [costaRica] = await database.db.select({ id: projects.id }).from(projects).where(eq(projects.code, demoProjectCodes.costaRica));
    const [foreign] = await database.db.select({ id: reportingPeriods.id }).from(reportingPeriods).where(eq(reportingPeriods.projectId, costaRica!.id));
    expect(expectFailure(await getAnnualReport(await manager(), { projectId, periodId: foreign!.id })).fieldErrors).toEqual({ periodId: { key: "notProjectPeriod" } });
  });
});
