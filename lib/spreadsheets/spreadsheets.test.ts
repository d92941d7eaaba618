import crypto from "node:crypto";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { createTestDatabase } from "@/db/testing";
import { readImportFile } from "@/lib/imports/read";
import { UseCaseError } from "@/lib/result";
import { expectFailure, expectOk } from "@/lib/testing/helpers";
import { csvBytes, upload, xlsxBytes, xlsxCells } from "@/lib/testing/imports";
import { xlsxBomb } from "@/lib/testing/spreadsheet-bomb";
import { createWorld, type World } from "@/lib/testing/world";
import { maxCells, maxColumns, maxRows, readSpreadsheet } from "./read";
import { neutraliseFormula, writeSpreadsheet } from "./write";

const signIn = [
  ["Nombre", "Apellidos", "Sexo"],
  ["José", "Martínez", "H"],
  ["Ana", "López Ávila", "M"],
];

/** The refusal readSpreadsheet raised, as the use-case runner would report it. */
async function refusal(fileName: string, bytes: Uint8Array) {
  const error = await readSpreadsheet(fileName, bytes).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(UseCaseError);
  return { code: (error as UseCaseError).code, fieldErrors: (error as UseCaseError).fieldErrors };
}

const bigFile = (megabytes: number) => new Uint8Array(megabytes * 1024 * 1024).fill(0x61);

describe("readSpreadsheet", () => {
  it.each([
    ["; (KoboToolbox, Excel in Spanish or French)", ";"],
    [", (Excel in English)", ","],
    ["tab", "\t"],
  ])("reads a CSV separated by %s into the same headers and rows", async (_label, separator) => {
    expect(await readSpreadsheet("asistencia.csv", csvBytes(signIn, separator))).toEqual({ headers: signIn[0], rows: signIn.slice(1) });
  });

  it("drops a UTF-8 byte-order mark, so the first header is still recognised", async () => {
    const bytes = new TextEncoder().encode("\uFEFFNombre;Apellidos\r\nAna;Pérez\r\n");
    const sheet = await readSpreadsheet("bom.csv", bytes);
    expect(sheet.headers).toEqual(["Nombre", "Apellidos"]);
    expect(sheet.rows).toEqual([["Ana", "Pérez"]]);
  });

  it("reads a CSV saved in Windows-1252 by older Excel with its accents intact", async () => {
    const bytes = new Uint8Array(Buffer.from("Nombre;Apellidos\r\nJosé;Martínez\r\n", "latin1"));
    expect(bytes).toContain(0xed); // "í" as one Windows-1252 byte, invalid as UTF-8
    expect((await readSpreadsheet("viejo.csv", bytes)).rows).toEqual([["José", "Martínez"]]);
  });

  it("skips the row of HXL hashtags KoboToolbox writes under the header, and only that row", async () => {
    const bytes = new TextEncoder().encode("grupo;q1;q2;_uuid\r\n#group;#q1;#affected +f;\r\nEstado;5;Muy de acuerdo;a1\r\n#5;#tag;x;a2\r\n");
    expect((await readSpreadsheet("kobo.csv", bytes)).rows).toEqual([
      ["Estado", "5", "Muy de acuerdo", "a1"],
      ["#5", "#tag", "x", "a2"],
    ]);
  });

  it("trims cells, pads short rows and skips blank lines", async () => {
    const bytes = new TextEncoder().encode("Nombre,Apellidos,Sexo\r\n  Ana  , Pérez\r\n,,\r\n\r\nLuis,Gómez,H\r\n");
    expect((await readSpreadsheet("a.csv", bytes)).rows).toEqual([
      ["Ana", "Pérez", ""],
      ["Luis", "Gómez", "H"],
    ]);
  });

  it("reads the first sheet of an XLSX file, dates as YYYY-MM-DD and numbers as text", async () => {
    const bytes = await xlsxBytes([
      ["Nombre", "Fecha del consentimiento", "Teléfono", "Edad"],
      ["Ana", new Date(Date.UTC(2019, 5, 18)), 50499887766, 42],
    ]);
    expect(await readSpreadsheet("Asistencia.XLSX", bytes)).toEqual({
      headers: ["Nombre", "Fecha del consentimiento", "Teléfono", "Edad"],
      rows: [["Ana", "2019-06-18", "50499887766", "42"]],
    });
  });

  it("refuses a file over 5 MB before reading it", async () => {
    // Random bytes would be unreadable; being refused for size shows the size is checked first.
    const bytes = new Uint8Array(10 * 1024 * 1024);
    crypto.randomFillSync(bytes, 0, 65536);
    expect(await refusal("huge.xlsx", bytes)).toEqual({ code: "invalid", fieldErrors: { file: { key: "fileTooLarge", values: { max: 5 } } } });
  });

  it.each([
    ["random bytes named .xlsx", "photo.xlsx", () => new Uint8Array(crypto.randomBytes(4096)), "unreadableFile"],
    ["a binary file named .csv", "photo.csv", () => new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d]), "unreadableFile"],
    ["an empty file", "empty.csv", () => new Uint8Array(0), "emptyFile"],
    ["a file of blank lines", "blank.csv", () => new TextEncoder().encode(",,\r\n\r\n , , \r\n"), "emptyFile"],
  ])("refuses %s", async (_label, fileName, bytes, key) => {
    const { code, fieldErrors } = await refusal(fileName, bytes());
    expect(code).toBe("invalid");
    expect(fieldErrors?.file?.key).toBe(key);
  });

  it("accepts 5000 rows and refuses 5001", async () => {
    const file = (n: number) => csvBytes([["Nombre"], ...Array.from({ length: n }, (_, i) => [`Persona ${i}`])]);
    expect((await readSpreadsheet("max.csv", file(maxRows))).rows).toHaveLength(5000);
    expect(await refusal("over.csv", file(maxRows + 1))).toEqual({ code: "invalid", fieldErrors: { file: { key: "tooManyRows", values: { max: 5000 } } } });
  });
});

/** How far the process's memory rose, in MB, while `run` ran. */
async function peakMemoryRise(run: () => Promise<unknown>): Promise<number> {
  const before = process.memoryUsage().rss;
  let peak = 0;
  const sample = () => (peak = Math.max(peak, process.memoryUsage().rss - before));
  const sampler = setInterval(sample, 1);
  try {
    await run();
  } finally {
    clearInterval(sampler);
    sample();
  }
  return peak / 1024 / 1024;
}

describe("readSpreadsheet: hostile XLSX files", () => {
  const unzippedTooLarge = { code: "invalid", fieldErrors: { file: { key: "unzippedTooLarge", values: { max: 50 } } } };

  it("refuses a file whose zip says it unzips to more than 50 MB, before unzipping anything", async () => {
    const bomb = await xlsxBomb({ megabytes: 64 });
    expect(bomb.byteLength).toBeLessThan(200 * 1024);
    expect(await refusal("bomba.xlsx", bomb)).toEqual(unzippedTooLarge);
  });

  it("refuses one whose zip lies about its size once 50 MB have been unzipped, in bounded memory", async () => {
    // Only spaces: no cell, row or element limit stops it, so the size counted while inflating must.
    const bomb = await xlsxBomb({ megabytes: 64, repeated: " ".repeat(64), lieAboutSize: true });
    let refused: unknown;
    const rise = await peakMemoryRise(async () => (refused = await refusal("bomba.xlsx", bomb)));
    expect(refused).toEqual(unzippedTooLarge);
    expect(rise).toBeLessThan(256);
  });

  it("refuses a sheet of endless empty cells past the cell limit", async () => {
    const bomb = await xlsxBomb({ megabytes: 64, lieAboutSize: true });
    expect(await refusal("vacia.xlsx", bomb)).toEqual({ code: "invalid", fieldErrors: { file: { key: "tooManyCells", values: { max: maxCells } } } });
  });

  it("refuses more than 5000 rows while reading, without reading the rest", async () => {
    const bomb = await xlsxBomb({ megabytes: 64, repeated: '<c t="inlineStr"><is><t>Ana</t></is></c></row><row>', lieAboutSize: true });
    expect(await refusal("filas.xlsx", bomb)).toEqual({ code: "invalid", fieldErrors: { file: { key: "tooManyRows", values: { max: maxRows } } } });
  });

  it("refuses elements nested deeper than any sheet needs as unreadable", async () => {
    const bomb = await xlsxBomb({ megabytes: 1, repeated: "<a>", lieAboutSize: true });
    expect((await refusal("anidada.xlsx", bomb)).fieldErrors?.file?.key).toBe("unreadableFile");
  });

  it.each([
    ["XLSX", "ancha.xlsx", (rows: string[][]) => xlsxBytes(rows)],
    ["CSV", "ancha.csv", (rows: string[][]) => Promise.resolve(csvBytes(rows))],
  ])("reads 100 columns of %s and refuses a value in a 101st", async (_label, fileName, write) => {
    const header = Array.from({ length: maxColumns }, (_, i) => `Columna ${i + 1}`);
    const row = header.map((_, i) => `valor ${i + 1}`);
    expect((await readSpreadsheet(fileName, await write([header, row]))).headers).toHaveLength(maxColumns);
    expect(await refusal(fileName, await write([header, [...row, "de más"]]))).toEqual({
      code: "invalid",
      fieldErrors: { file: { key: "tooManyColumns", values: { max: maxColumns } } },
    });
  });
});

describe("readSpreadsheet: what an XLSX cell holds", () => {
  it.each([
    ["shared", true],
    ["inline", false],
  ])("reads rich text, formulas' results, booleans, custom dates and gaps, with %s strings", async (_label, useSharedStrings) => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("Asistencia");
    sheet.addRow(["Nombre", "Saludo", "Presente", "Total", "Fecha", "Error", "Vacía", "Nota"]);
    sheet.addRow([
      { richText: [{ text: "Jo" }, { font: { bold: true }, text: "sé" }] },
      { formula: 'A2&" hola"', result: "José hola" },
      true,
      { formula: "1+1", result: 2 },
      new Date(Date.UTC(2019, 5, 18)),
      { error: "#N/A" },
      null,
      "después del hueco",
    ]);
    sheet.getCell("E2").numFmt = "dd/mm/yyyy";
    sheet.addRow([]);
    sheet.addRow(["Luis"]);
    workbook.addWorksheet("Otra hoja").addRow(["no se lee"]);
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer({ useSharedStrings } as ExcelJS.XlsxWriteOptions));
    expect(await readSpreadsheet("asistencia.xlsx", bytes)).toEqual({
      headers: ["Nombre", "Saludo", "Presente", "Total", "Fecha", "Error", "Vacía", "Nota"],
      rows: [
        ["José", "José hola", "true", "2", "2019-06-18", "", "", "después del hueco"],
        ["Luis", "", "", "", "", "", "", ""],
      ],
    });
  });

  it("turns control characters in cells into spaces, in CSV and XLSX alike", async () => {
    const rows = [
      ["Nombre", "Apellidos"],
      ["Ana\u000bMaría", "Pérez\u0085"],
      ["\u001f", "\u0007"],
    ];
    const expected = { headers: ["Nombre", "Apellidos"], rows: [["Ana María", "Pérez"]] };
    expect(await readSpreadsheet("control.csv", csvBytes(rows, ";"))).toEqual(expected);
    expect(await readSpreadsheet("control.xlsx", await xlsxBytes([rows[0]!, ["Ana María", "Pérez\u0085"]]))).toEqual(expected);
  });
});

describe("neutraliseFormula", () => {
  it.each(["=1+1", "+50499887766", "-2", "@SUM(A1)", "\tcmd", "\rcmd"])("prefixes %j with an apostrophe", (value) => {
    expect(neutraliseFormula(value)).toBe(`'${value}`);
  });

  it.each(["Ana", "2019-06-18", "", "Núñez-Peña", "a=b"])("leaves %j alone", (value) => {
    expect(neutraliseFormula(value)).toBe(value);
  });
});

describe("writeSpreadsheet", () => {
  const headers = ["Apellidos", "Nombre", "Sitio"];
  const rows = [
    ["Núñez", "Ana", '=HYPERLINK("http://x","y")'],
    ["Pérez", null, "2019-06-18"],
  ];

  it("writes a CSV that Excel opens with accents and shows formulas as text", async () => {
    const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(await writeSpreadsheet("csv", headers, rows));
    expect(text.startsWith("\uFEFFApellidos,Nombre,Sitio")).toBe(true);
    expect(text).toContain(`'=HYPERLINK`);
    expect(text).not.toMatch(/(^|[,"])=HYPERLINK/m);
    // What the import reads back is the same text, apostrophe included.
    const sheet = await readSpreadsheet("export.csv", await writeSpreadsheet("csv", headers, rows));
    expect(sheet.rows).toEqual([
      ["Núñez", "Ana", `'=HYPERLINK("http://x","y")`],
      ["Pérez", "", "2019-06-18"],
    ]);
  });

  it("writes an XLSX whose formula-like cell is plain text, not a formula", async () => {
    const cells = await xlsxCells(await writeSpreadsheet("xlsx", headers, rows));
    expect(cells[0]).toEqual(headers);
    expect(cells[1]).toEqual(["Núñez", "Ana", `'=HYPERLINK("http://x","y")`]);
    expect(typeof cells[1]![2]).toBe("string");
  });
});

describe("imports.read", () => {
  let database: Database;
  let world: World;

  beforeAll(async () => {
    database = await createTestDatabase();
    world = await createWorld(database.db);
  });
  afterAll(() => database.close());

  it("reads a KoboToolbox export and guesses which column holds what", async () => {
    const kobo = [
      ["start", "grupo_datos/nombre", "grupo_datos/apellidos", "grupo_datos/sexo", "grupo_datos/institucion", "_uuid"],
      ["2024-03-01", "Ana", "Pérez", "M", "Fiscalía", "abc"],
    ];
    const read = expectOk(await readImportFile(await world.ctx("field"), upload("kobo.csv", csvBytes(kobo, ";"))));
    expect(read.rows).toEqual([kobo[1]]);
    expect(read.guesses.participants).toMatchObject({ givenNames: 1, familyNames: 2, sex: 3, institution: 4, email: null });
  });

  it("refuses a file over 5 MB as too large", async () => {
    const failure = expectFailure(await readImportFile(await world.ctx("field"), upload("big.csv", bigFile(5.001))));
    expect(failure).toEqual({ ok: false, error: "invalid", fieldErrors: { file: { key: "fileTooLarge", values: { max: 5 } } } });
  });

  it("refuses an XLSX bomb with the unzipped-size message (the API answers it with a 400)", async () => {
    const failure = expectFailure(await readImportFile(await world.ctx("field"), upload("bomba.xlsx", await xlsxBomb({ megabytes: 64 }))));
    expect(failure).toEqual({ ok: false, error: "invalid", fieldErrors: { file: { key: "unzippedTooLarge", values: { max: 50 } } } });
  });

  it("refuses a file name holding a control character at that field", async () => {
    const failure = expectFailure(await readImportFile(await world.ctx("field"), upload("hoja\u0001.csv", csvBytes(signIn))));
    expect(failure.fieldErrors).toEqual({ fileName: { key: "controlCharacter" } });
  });

  it("refuses a 10 MB file as too large, naming the file", async () => {
    const failure = expectFailure(await readImportFile(await world.ctx("field"), upload("big.csv", bigFile(10))));
    expect(failure.fieldErrors).toEqual({ file: { key: "fileTooLarge", values: { max: 5 } } });
  });
});
