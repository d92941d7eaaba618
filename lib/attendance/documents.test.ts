import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { createTestDatabase } from "@/db/testing";
import { projects, users, workshops } from "@/db/schema";
import { demoProjectCodes, seedDemo } from "@/db/seed/demo";
import { tegucigalpaWorkshopTitle } from "@/db/seed/workshops";
import { documentToPdf } from "@/lib/documents/pdf";
import { documentToXlsx } from "@/lib/documents/xlsx";
import { wordingFor } from "@/lib/i18n/wording";
import { pdfText, xlsxSheets } from "@/lib/testing/documents";
import { ctxFor, expectFailure, expectOk } from "@/lib/testing/helpers";
import { getWorkshopReport, getSignInSheet } from "./use-cases";
import { workshopReportDocument } from "./report-document";
import { signInSheetPdf } from "./sign-in-sheet-pdf";

let database: Database;
let target: { projectId: string; workshopId: string };

beforeAll(async () => {
  database = await createTestDatabase();
  await seedDemo(database.db);
  const [project] = await database.db.select().from(projects).where(eq(projects.code, demoProjectCodes.honduras));
  const [workshop] = await database.db
    .select()
    .from(workshops)
    .where(and(eq(workshops.projectId, project!.id), eq(workshops.title, tegucigalpaWorkshopTitle)));
  target = { projectId: project!.id, workshopId: workshop!.id };
});
afterAll(() => database.close());

async function as(email: string) {
  const [user] = await database.db.select().from(users).where(eq(users.email, email));
  return ctxFor(database.db, user!.id);
}

describe("workshop report files", () => {
  it("the Excel file holds the figures, with headers in the reader's language", async () => {
    const report = expectOk(await getWorkshopReport(await as("manager@example.org"), target));
    const sheets = await xlsxSheets(await documentToXlsx(workshopReportDocument(report, wordingFor("es"))));
    const summary = sheets.find((s) => s.name === "Resumen")!;
    expect(summary.rows).toContainEqual(["Participantes", "35", "33", "30"]);
    expect(summary.rows).toContainEqual(["Vinieron todos los días", "28", "", ""]);
    expect(sheets.map((s) => s.name)).toContain("Asistentes");
    const english = await xlsxSheets(await documentToXlsx(workshopReportDocument(report, wordingFor("en"))));
    expect(english.find((s) => s.name === "Summary")!.rows).toContainEqual(["Participants", "35", "33", "30"]);
  });

  it("the PDF reads the same figures; a partner's holds no participant's name", async () => {
    const managerReport = expectOk(await getWorkshopReport(await as("manager@example.org"), target));
    const managerPdf = await pdfText(await documentToPdf(workshopReportDocument(managerReport, wordingFor("fr"))));
    expect(managerPdf.text).toContain("Rapport de l'atelier");
    expect(managerPdf.text).toContain("Martínez");
    const partnerReport = expectOk(await getWorkshopReport(await as("partner@example.org"), target));
    const partnerPdf = await pdfText(await documentToPdf(workshopReportDocument(partnerReport, wordingFor("es"))));
    expect(partnerPdf.text).toContain("Instituto Nacional de Migración");
    expect(partnerPdf.text).not.toContain("Martínez");
    expect(partnerPdf.text).not.toContain("Asistentes");
  });
});

describe("sign-in sheet", () => {
  it("is headed in the workshop's language and lists the people expected, then blank rows", async () => {
    const sheet = expectOk(await getSignInSheet(await as("admin@example.org"), { ...target, day: "2019-06-19" }));
    // The 35 who came on either day, and the three other spellings on file at invited institutions.
    expect(sheet.people).toHaveLength(38);
    const { text } = await pdfText(await signInSheetPdf(sheet, wordingFor(sheet.workshop.language)));
    for (const words of ["Lista de asistencia", "Firma", "Cargo", "Consiente el tratamiento de datos", "miércoles, 19 de junio de 2019", "Zelaya, Karla Patricia", "53"]) {
      expect(text).toContain(words);
    }
  });

  it("refuses a day outside the workshop, and partners", async () => {
    expect(expectFailure(await getSignInSheet(await as("manager@example.org"), { ...target, day: "2019-06-20" })).fieldErrors).toEqual({ day: { key: "dayOutsideWorkshop" } });
    expect(expectFailure(await getSignInSheet(await as("partner@example.org"), { ...target, day: "2019-06-19" })).error).toBe("forbidden");
  });
});
