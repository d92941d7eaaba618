import ExcelJS from "exceljs";
import { neutraliseFormula } from "@/lib/spreadsheets/write";
import type { DocumentSpec } from "./sections";

/** One worksheet per section, named after it (Excel allows 31 characters and no duplicates). */
export async function documentToXlsx(spec: DocumentSpec): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.title = spec.title;
  const used = new Set<string>();
  for (const section of spec.sections) {
    const base = section.title.replace(/[\\/?*[\]:]/g, " ").slice(0, 28);
    let name = base;
    for (let n = 2; used.has(name.toLowerCase()); n++) name = `${base} ${n}`;
    used.add(name.toLowerCase());
    const sheet = workbook.addWorksheet(name);
    sheet.addRow([spec.title]).font = { bold: true, size: 13 };
    sheet.addRow([spec.subtitle]);
    sheet.addRow([section.title]).font = { bold: true };
    sheet.addRow(section.headers).font = { bold: true };
    for (const row of section.rows) sheet.addRow(row.map((cell) => (typeof cell === "string" ? neutraliseFormula(cell) : cell)));
    if (section.rows.length === 0 && section.empty) sheet.addRow([section.empty]);
    sheet.columns.forEach((column, i) => {
      column.width = i === 0 ? 40 : 16;
    });
  }
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
