import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { participants, projects, users } from "@/db/schema";
import { createTestDatabase } from "@/db/testing";
import { demoProjectCodes, seedDemo } from "@/db/seed/demo";
import { ctxFor, expectOk } from "@/lib/testing/helpers";
import { documentToXlsx } from "@/lib/documents/xlsx";
import { wordingFor } from "@/lib/i18n/wording";
import { xlsxSheets } from "@/lib/testing/documents";
import { getPmf } from "./pmf";
import { pmfDocument } from "./pmf-document";

let database: Database;
let projectId: string;

beforeAll(async () => {
  database = await createTestDatabase();
  await seedDemo(database.db);
  const [honduras] = await database.db.select({ id: projects.id }).from(projects).where(eq(projects.code, demoProjectCodes.honduras));
  projectId = honduras!.id;
});
afterAll(() => database.close());

const as = async (email: string) => {
  const [user] = await database.db.select({ id: users.id }).from(users).where(eq(users.email, email));
  return ctxFor(database.db, user!.id);
};

describe("the performance measurement framework", () => {
  it("lists every indicator in the logic model's order, with target, actual and % of target per period", async () => {
    const pmf = expectOk(await getPmf(await as("manager@example.org"), { projectId }));
    expect(pmf.periods.map((p) => p.name)).toEqual(["2019-2020", "2020-2021", "2021-2022", "2022"]);
    expect(pmf.rows.map((r) => r.indicator.code)).toEqual(["1000.1", "1000.2", "1100.1", "1110.1", "1110.2", "1111.1", "1111.2", "1112.1", "1210.1", "1211.1", "1310.1", "1311.1"]);
    const vulnerability = pmf.rows[0]!;
    // The final evaluation looked at July and August 2022: its figure belongs to the last period.
    expect(vulnerability.cells.map((c) => c.actual)).toEqual([null, null, null, 76]);
    expect(vulnerability.cells[3]).toMatchObject({ target: 70, actual: 76, n: 109, source: "computed", percent: 109, status: "on_track" });
    expect(vulnerability.project).toMatchObject({ target: 70, actual: 76, status: "on_track" });
    const committees = pmf.rows.find((r) => r.indicator.code === "1211.1")!;
    expect(committees.cells[0]).toMatchObject({ target: 3, actual: 3, source: "reported", percent: 100, status: "on_track" });
    expect(committees.cells[1]).toMatchObject({ target: 5, actual: null, status: "no_data" });
  });

  it("filters by result level and by period", async () => {
    const manager = await as("manager@example.org");
    const outputs = expectOk(await getPmf(manager, { projectId, level: "output" }));
    expect(outputs.rows.map((r) => r.indicator.code)).toEqual(["1111.1", "1111.2", "1112.1", "1211.1", "1311.1"]);
    const firstYear = outputs.periods[0]!.id;
    const oneYear = expectOk(await getPmf(manager, { projectId, periodId: firstYear }));
    expect(oneYear.periods.map((p) => p.name)).toEqual(["2019-2020"]);
    expect(oneYear.rows.every((r) => r.cells.length === 1)).toBe(true);
  });

  it("gives a partner the figures only: no participant's name, and a sent-back value does not count", async () => {
    const pmf = expectOk(await getPmf(await as("partner@example.org"), { projectId }));
    const names = await database.db.select({ given: participants.givenNames, family: participants.familyNames }).from(participants);
    const text = JSON.stringify(pmf);
    for (const { given, family } of names.filter((n) => n.family.length > 3)) expect(text).not.toContain(`${given} ${family}`);
    expect(pmf.rows.find((r) => r.indicator.code === "1110.1")!.cells[0]).toMatchObject({ actual: null, status: "no_data" });
  });
});

describe("the PMF export", () => {
  it("is one row per indicator in GAC's layout, in the language asked for, figures as numbers", async () => {
    const pmf = expectOk(await getPmf(await as("manager@example.org"), { projectId }));
    const [sheet] = await xlsxSheets(await documentToXlsx(pmfDocument(pmf, "es", wordingFor("es"))));
    const headers = sheet!.rows[3]!;
    expect(headers.slice(0, 12)).toEqual([
      "Código del resultado",
      "Resultado esperado",
      "Código del indicador",
      "Indicador",
      "Unidad",
      "Datos de línea de base",
      "Fecha de la línea de base",
      "Metas (fin del proyecto)",
      "Fuentes de datos",
      "Métodos de recolección de datos",
      "Frecuencia",
      "Responsabilidad",
    ]);
    expect(headers.slice(12, 14)).toEqual(["2019-2020 · Meta", "2019-2020 · Logrado"]);
    const vulnerability = sheet!.rows[4]!;
    expect(vulnerability.slice(0, 5)).toEqual(["1000", expect.stringContaining("Reducida la vulnerabilidad"), "1000.1", expect.stringContaining("% de actores"), "Porcentaje"]);
    expect(vulnerability.slice(-2)).toEqual(["70", "76"]);
    // Results 1200 and 1300 have no indicator yet: each keeps a row of its own.
    expect(sheet!.rows).toHaveLength(4 + pmf.rows.length + 2);
  });
});
