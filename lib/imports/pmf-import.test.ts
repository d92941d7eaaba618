import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { expectedResults, indicators, projectMembers, projects, users } from "@/db/schema";
import { createTestDatabase } from "@/db/testing";
import { demoProjectCodes, seedDemo } from "@/db/seed/demo";
import { documentToXlsx } from "@/lib/documents/xlsx";
import { wordingFor } from "@/lib/i18n/wording";
import { getPmf } from "@/lib/indicators/pmf";
import { pmfDocument } from "@/lib/indicators/pmf-document";
import { readSpreadsheet } from "@/lib/spreadsheets/read";
import { ctxFor, expectFailure, expectOk, snapshotCounts } from "@/lib/testing/helpers";
import { commitPmfImport, previewPmfImport } from "./pmf";

let database: Database;

beforeAll(async () => {
  database = await createTestDatabase();
  await seedDemo(database.db);
});
afterAll(() => database.close());

async function managerWithNewProject(code: string) {
  const db = database.db;
  const [manager] = await db.select({ id: users.id }).from(users).where(eq(users.email, "manager@example.org"));
  const [honduras] = await db.select().from(projects).where(eq(projects.code, demoProjectCodes.honduras));
  const [copy] = await db
    .insert(projects)
    .values({ code, name: { original: "fr", fr: "Copie" }, country: "HN", startDate: honduras!.startDate, endDate: honduras!.endDate, status: "active" })
    .returning();
  await db.insert(projectMembers).values({ projectId: copy!.id, userId: manager!.id, role: "manager" });
  return { ctx: await ctxFor(db, manager!.id), hondurasId: honduras!.id, projectId: copy!.id };
}

type Manager = Awaited<ReturnType<typeof managerWithNewProject>>["ctx"];
const pmfOf = async (ctx: Manager, projectId: string) => expectOk(await getPmf(ctx, { projectId }));

/** What a PMF shows, without the ids that differ from one project to another. */
const shape = (pmf: Awaited<ReturnType<typeof pmfOf>>) => ({
  periods: pmf.periods.map((p) => [p.name, p.startDate, p.endDate]),
  results: pmf.results.map((r) => [r.code, r.level, r.statement.fr]),
  rows: pmf.rows.map((r) => ({
    result: r.result.code,
    indicator: [r.indicator.code, r.indicator.statement.fr, r.indicator.unit, r.indicator.baselineValue, r.indicator.baselineDate, r.indicator.dataSources, r.indicator.frequency],
    cells: r.cells.map((c) => [c.target, c.actual]),
    end: r.project.target,
  })),
});

describe("a PMF imported from Excel", () => {
  it("round-trips: exported in French from Honduras and imported into a new project, it gives the same framework", async () => {
    const { ctx, hondurasId, projectId } = await managerWithNewProject("COPY-1");
    const original = await pmfOf(ctx, hondurasId);
    const file = await documentToXlsx(pmfDocument(original, "fr", wordingFor("fr")));
    const sheet = await readSpreadsheet("cmr.xlsx", file);
    const preview = expectOk(await previewPmfImport(ctx, { projectId, ...sheet }));
    expect(preview.counts).toEqual({ new: 14, existing: 0, error: 0 });
    expect(expectOk(await commitPmfImport(ctx, { projectId, ...sheet }))).toEqual({ results: 11, indicators: 12, existing: 0 });
    const copy = shape(await pmfOf(ctx, projectId));
    expect(copy).toEqual(shape(original));
    // Imported again, nothing is added twice.
    expect(expectOk(await commitPmfImport(ctx, { projectId, ...sheet }))).toEqual({ results: 0, indicators: 0, existing: 14 });
  });

  it("refuses the whole file, naming each row and field, and writes nothing", async () => {
    const { ctx, projectId } = await managerWithNewProject("COPY-2");
    const headers = ["Código del resultado", "Resultado esperado", "Código del indicador", "Indicador", "Unidad", "2019-2020 · Meta", "2019-2020 · Logrado"];
    const rows = [
      ["1000", "Vulnerabilidad reducida", "1000.1", "% de víctimas atendidas", "Porcentaje", "50", "120"],
      ["1.2", "Sin lugar", "1.2.1", "Otro", "Número", "", ""],
      ["1000", "", "1000.2", "Casos", "Número", "muchos", ""],
    ];
    const before = await snapshotCounts(database.db, { expectedResults, indicators });
    const preview = expectOk(await previewPmfImport(ctx, { projectId, headers, rows }));
    expect(preview.rows.map((r) => [r.row, r.status, Object.keys(r.errors)])).toEqual([
      [2, "error", ["2019-2020 · actual"]],
      [3, "error", ["resultCode"]],
      [4, "error", ["2019-2020 · target"]],
    ]);
    const refused = expectFailure(await commitPmfImport(ctx, { projectId, headers, rows }));
    expect(refused.fieldErrors).toMatchObject({ "row 2 · 2019-2020 · actual": { key: "percentAbove100" }, "row 3 · resultCode": { key: "pmfUnplacedResult" } });
    expect(await snapshotCounts(database.db, { expectedResults, indicators })).toEqual(before);
    const unknownPeriod = expectFailure(await previewPmfImport(ctx, { projectId, headers: [...headers.slice(0, 5), "2030 · Meta"], rows: [rows[0]!.slice(0, 6)] }));
    expect(unknownPeriod.fieldErrors).toEqual({ file: { key: "pmfUnknownPeriod", values: { period: "2030" } } });
    expect(expectFailure(await previewPmfImport(ctx, { projectId, headers: ["Nombre", "Apellidos"], rows: [["Ana", "Pérez"]] })).fieldErrors).toEqual({
      file: { key: "pmfLayout" },
    });
  });
});
