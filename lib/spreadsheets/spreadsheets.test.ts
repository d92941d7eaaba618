import crypto from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { createTestDatabase } from "@/db/testing";
import { readImportFile } from "@/lib/imports/read";
import { UseCaseError } from "@/lib/result";
import { expectFailure, expectOk } from "@/lib/testing/helpers";
import { csvBytes, upload, xlsxBytes, xlsxCells } from "@/lib/testing/imports";
import { createWorld, type World } from "@/lib/testing/world";
import { maxRows, readSpreadsheet } from "./read";
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
  const rows = [["Núñez", "Ana", '=HYPERLINK("http://x","y")'], ["Pérez", null, "2019-06-18"]];

  it("writes a CSV that Excel opens with accents and shows formulas as text", async () => {
    const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(await writeSpreadsheet("csv", headers, rows));
    expect(text.startsWith("\uFEFFApellidos,Nombre,Sitio")).toBe(true);
    expect(text).toContain(`'=HYPERLINK`);
    expect(text).not.toMatch(/(^|[,"])=HYPERLINK/m);
    // What the import reads back is the same text, apostrophe included.
    const sheet = await readSpreadsheet("export.csv", await writeSpreadsheet("csv", headers, rows));
    expect(sheet.rows).toEqual([["Núñez", "Ana", `'=HYPERLINK("http://x","y")`], ["Pérez", "", "2019-06-18"]]);
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

  it("refuses a 10 MB file as too large, naming the file", async () => {
    const failure = expectFailure(await readImportFile(await world.ctx("field"), upload("big.csv", bigFile(10))));
    expect(failure.fieldErrors).toEqual({ file: { key: "fileTooLarge", values: { max: 5 } } });
  });
});
