import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { createTestDatabase } from "@/db/testing";
import en from "@/lib/i18n/messages/en.json";
import es from "@/lib/i18n/messages/es.json";
import fr from "@/lib/i18n/messages/fr.json";
import { readImportFile } from "@/lib/imports/read";
import { addSource, createStudy, getStudy } from "@/lib/studies/use-cases";
import { expectFailure, expectOk } from "@/lib/testing/helpers";
import { csvBytes, upload, xlsxBytes } from "@/lib/testing/imports";
import { createWorld, type World } from "@/lib/testing/world";

let database: Database;
let world: World;

beforeAll(async () => {
  database = await createTestDatabase();
  world = await createWorld(database.db);
});
afterAll(() => database.close());

// A Windows program's first bytes ("MZ"), and a shell script: what a renamed upload may really be.
const program = Buffer.concat([Buffer.from([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00]), Buffer.alloc(64, 0)]);
const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]);

describe("an uploaded study source must be what its type says", () => {
  async function study() {
    const manager = await world.ctx("manager");
    const created = expectOk(await createStudy(manager, { projectId: world.projectId, title: "Línea de base" }));
    return { manager, ids: { projectId: world.projectId, studyId: created.id } };
  }
  const source = (name: string, type: string, data: Buffer) => ({ kind: "document" as const, title: name, file: { name, type, data: data.toString("base64") } });

  it("refuses a program or a picture sent as a PDF, a Word file or text, with the field's message, and keeps nothing", async () => {
    const s = await study();
    for (const [name, type, data] of [
      ["informe.pdf", "application/pdf", program],
      ["acta.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", program],
      ["notas.txt", "text/plain", program],
      ["foto.jpg", "image/jpeg", png],
      ["hoja.csv", "text/csv", png],
    ] as const) {
      const failure = expectFailure(await addSource(s.manager, { ...s.ids, ...source(name, type, data) }));
      expect(failure.fieldErrors?.["file.type"], name).toEqual({ key: "fileContentMismatch" });
    }
    expect(expectOk(await getStudy(s.manager, s.ids)).sources).toEqual([]);
  });

  it("accepts each allowed kind whose first bytes agree with it", async () => {
    const s = await study();
    const files = [
      ["informe.pdf", "application/pdf", Buffer.from("%PDF-1.7\n")],
      ["acta.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", Buffer.from(await xlsxBytes([["a"]]))],
      ["viejo.doc", "application/msword", Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0])],
      ["foto.png", "image/png", png],
      ["foto.jpg", "image/jpeg", Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10])],
      ["notas.txt", "text/plain", Buffer.from("Entrevista con la fiscalía\r\nSegunda línea\tcon tabulación\n")],
      ["lista.csv", "text/csv", Buffer.from("Nombre;Apellidos\nJosé;Núñez\n", "latin1")],
    ] as const;
    for (const [name, type, data] of files) expectOk(await addSource(s.manager, { ...s.ids, ...source(name, type, data) }));
    expect(expectOk(await getStudy(s.manager, s.ids)).sources).toHaveLength(files.length);
  });
});

describe("an imported spreadsheet must be what its name says", () => {
  it("refuses text named .xlsx and a picture named .csv with the field's message; reads real ones", async () => {
    const field = await world.ctx("field");
    const rows = [
      ["Nombre", "Apellidos"],
      ["Ana", "Pérez"],
    ];
    for (const [name, data] of [
      ["lista.xlsx", csvBytes(rows)],
      ["lista.csv", png],
      ["lista.csv", program],
    ] as const) {
      expect(expectFailure(await readImportFile(field, upload(name, data))).fieldErrors, name).toEqual({ file: { key: "fileContentMismatch" } });
    }
    expect(expectOk(await readImportFile(field, upload("lista.xlsx", await xlsxBytes(rows)))).rows).toEqual([["Ana", "Pérez"]]);
    expect(expectOk(await readImportFile(field, upload("lista.csv", csvBytes(rows)))).rows).toEqual([["Ana", "Pérez"]]);
  });

  it("says so in French, Spanish and English", () => {
    const said = [fr, es, en].map((m) => (m.validation as Record<string, string>).fileContentMismatch);
    expect(said.every((text) => typeof text === "string" && text.length > 20)).toBe(true);
    expect(new Set(said).size).toBe(3);
  });
});
