import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { createTestDatabase } from "@/db/testing";
import { readSpreadsheet } from "@/lib/spreadsheets/read";
import { expectFailure, expectOk, written } from "@/lib/testing/helpers";
import { createWorld } from "@/lib/testing/world";
import { commitResponseImport, previewResponseImport } from "./evaluations";
import { guessResponseMapping } from "./evaluation-mapping";
import { createEvaluation, getEvaluationResults } from "@/lib/evaluations/use-cases";

let database: Database;

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

/** A KoboToolbox-style XLSX export: grouped field names, a group column, metadata columns. */
async function koboExport(rows: (string | number)[][]): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("Evaluación final");
  sheet.addRow(["start", "end", "datos/grupo", "evaluacion/q1_vulnerability", "evaluacion/q2_victims", "_id", "_uuid", "_submission_time", "_validation_status", "_index"]);
  for (const [i, r] of rows.entries()) sheet.addRow(["2022-07-04T10:00:00", "2022-07-04T10:09:00", r[0], r[1], r[2], 1000 + i, r[3], "2022-07-04T10:09:30", "", i + 1]);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

async function setup() {
  const world = await createWorld(database.db);
  const manager = await world.ctx("manager");
  const evaluation = expectOk(
    await createEvaluation(manager, {
      projectId: world.projectId,
      title: written("Evaluación final", "es"),
      scaleSize: 5,
      agreeLevels: [4, 5],
      minGroupSize: 2,
      groups: [
        { key: "state", name: { original: "es", es: "Instituciones del Estado" } },
        { key: "civil_society", name: { original: "es", es: "Sociedad civil", fr: "Société civile" } },
      ],
      statements: [
        { key: "q1_vulnerability", text: { original: "es", es: "Redujo la vulnerabilidad" } },
        { key: "q2_victims", text: { original: "es", es: "Impacto en las víctimas" } },
      ],
    }),
  );
  return { world, manager, ids: { projectId: world.projectId, evaluationId: evaluation.id } };
}

const file = [
  ["state", 5, 4, "uuid-a"],
  ["state", 2, 5, "uuid-b"],
  ["Sociedad civil", 4, "", "uuid-c"],
  ["civil_society", 4, 3, "uuid-d"],
];

describe("importing a KoboToolbox export", () => {
  it("maps its columns by field name, adds each submission once, and a second import of the same file adds no one", async () => {
    const s = await setup();
    const sheet = await readSpreadsheet("kobo.xlsx", await koboExport(file));
    const mapping = guessResponseMapping(sheet.headers, ["q1_vulnerability", "q2_victims"]);
    expect(mapping).toEqual({ group: 2, externalId: 6, statements: { q1_vulnerability: 3, q2_victims: 4 } });
    const input = { ...s.ids, headers: sheet.headers, rows: sheet.rows, mapping };
    expect(expectOk(await previewResponseImport(s.manager, input)).counts).toEqual({ new: 4, existing: 0, error: 0 });
    expect(expectOk(await commitResponseImport(s.manager, input))).toEqual({ added: 4, skipped: 0 });
    expect(expectOk(await commitResponseImport(s.manager, input))).toEqual({ added: 0, skipped: 4 });
    const { respondents, results } = expectOk(await getEvaluationResults(s.manager, s.ids));
    expect(respondents).toBe(4);
    expect([results[0]!.overall, results[1]!.overall]).toEqual([
      { shown: true, n: 4, agree: 3, percent: 75 },
      { shown: true, n: 3, agree: 2, percent: 67 },
    ]);
  });

  it("refuses the whole file when one row is wrong, naming the row, and adds no one", async () => {
    const s = await setup();
    const sheet = await readSpreadsheet("kobo.xlsx", await koboExport([...file, ["police", 7, 4, "uuid-e"]]));
    const input = { ...s.ids, headers: sheet.headers, rows: sheet.rows, mapping: guessResponseMapping(sheet.headers, ["q1_vulnerability", "q2_victims"]) };
    const preview = expectOk(await previewResponseImport(s.manager, input));
    expect(preview.rows.find((r) => r.row === 6)).toMatchObject({
      status: "error",
      errors: { group: { key: "invalidChoice" }, q1_vulnerability: { key: "offScale", values: { max: 5 } } },
    });
    const refused = expectFailure(await commitResponseImport(s.manager, input));
    expect(Object.keys(refused.fieldErrors ?? {})).toEqual(["row 6 · group", "row 6 · q1_vulnerability"]);
    expect(expectOk(await getEvaluationResults(s.manager, s.ids)).respondents).toBe(0);
    expect(expectFailure(await commitResponseImport(await s.world.ctx("partner"), input)).error).toBe("forbidden");
  });
});
