import ExcelJS from "exceljs";
import type { Db } from "@/db/client";
import type { Institution } from "@/db/schema";
import { createInstitutionInput, type CreateInstitutionInput } from "@/lib/institutions/schemas";
import { insertInstitution } from "@/lib/institutions/queries";
import { institutionImportFields, participantImportFields } from "@/lib/imports/fields";
import { guessMapping } from "@/lib/imports/mapping";
import type { InstitutionImportInput, ParticipantImportInput } from "@/lib/imports/schemas";
import { institutionForm } from "./directory";
import { insertUser } from "./helpers";

/** A CSV file as a spreadsheet program would save it, with the given separator. */
export function csvBytes(rows: string[][], separator = ","): Uint8Array {
  return new TextEncoder().encode(`${rows.map((row) => row.join(separator)).join("\r\n")}\r\n`);
}

/** An XLSX file whose first sheet holds `rows` (dates and numbers kept as Excel types). */
export async function xlsxBytes(rows: (string | number | Date | null)[][]): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("Hoja 1");
  for (const row of rows) sheet.addRow(row);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/** The first sheet of an XLSX file as exceljs reads it, cell values untouched. */
export async function xlsxCells(bytes: Uint8Array): Promise<ExcelJS.CellValue[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  const rows: ExcelJS.CellValue[][] = [];
  workbook.worksheets[0]!.eachRow((row) => rows.push((row.values as ExcelJS.CellValue[]).slice(1)));
  return rows;
}

/** What the import screen posts to imports.read. */
export const upload = (fileName: string, bytes: Uint8Array) => ({ fileName, data: Buffer.from(bytes).toString("base64") });

/** A participant import of `rows` under `headers`, mapped as the import screen would guess it. */
export function participantImport(projectId: string, headers: string[], rows: string[][]): ParticipantImportInput {
  return { projectId, headers, rows, mapping: guessMapping(headers, participantImportFields) };
}

export function institutionImport(headers: string[], rows: string[][]): InstitutionImportInput {
  return { headers, rows, mapping: guessMapping(headers, institutionImportFields) };
}

/** An institution put in the directory the way the institution form does (search text includes the acronym). */
export async function directoryInstitution(db: Db, overrides: Partial<CreateInstitutionInput> = {}): Promise<Institution> {
  const actor = await insertUser(db);
  return insertInstitution(db, actor.id, createInstitutionInput.parse(institutionForm(overrides)));
}
