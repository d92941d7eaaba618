import ExcelJS from "exceljs";
import Papa from "papaparse";

export type ExportFormat = "csv" | "xlsx";

/**
 * A cell that a spreadsheet would run as a formula (=, +, -, @, tab, carriage return) gets a
 * leading apostrophe, so an exported "=HYPERLINK(...)" is shown as text, never executed.
 */
export function neutraliseFormula(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** A cell as it was before `neutraliseFormula`: an import of Atelier's own export reads back what was written. */
export function restoreNeutralised(value: string): string {
  return /^'[=+\-@\t\r]/.test(value) ? value.slice(1) : value;
}

export async function writeSpreadsheet(format: ExportFormat, headers: string[], rows: (string | number | null)[][]): Promise<Uint8Array> {
  const safeRows = rows.map((row) => row.map((cell) => (typeof cell === "string" ? neutraliseFormula(cell) : (cell ?? ""))));
  if (format === "csv") {
    // A BOM so Excel opens accented names correctly.
    return new TextEncoder().encode(`\uFEFF${Papa.unparse([headers, ...safeRows])}\r\n`);
  }
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("Atelier");
  sheet.addRow(headers).font = { bold: true };
  for (const row of safeRows) sheet.addRow(row);
  sheet.columns.forEach((column) => {
    column.width = 24;
  });
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

export const contentTypes: Record<ExportFormat, string> = {
  csv: "text/csv; charset=utf-8",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
};
