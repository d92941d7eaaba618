import ExcelJS from "exceljs";
import { neutraliseFormula } from "@/lib/spreadsheets/write";
import { isEntrySection, type DocumentSpec } from "./sections";

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
    // Entries read down the sheet: a heading, then its lines under it.
    const [headers, rows] = isEntrySection(section) ? [[], section.entries.flatMap((e) => [[e.heading], ...e.lines.map((line) => ["", line])])] : [section.headers, section.rows];
    if (headers.length) sheet.addRow(headers).font = { bold: true };
    for (const row of rows) sheet.addRow(row.map((cell) => (typeof cell === "string" ? neutraliseFormula(cell) : cell)));
    if (rows.length === 0 && section.empty) sheet.addRow([section.empty]);
    sheet.columns.forEach((column, i) => {
      column.width = i === 0 ? 40 : 16;
    });
  }
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
