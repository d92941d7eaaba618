import ExcelJS from "exceljs";
import Papa from "papaparse";
import { UseCaseError } from "@/lib/result";

export const maxFileBytes = 5 * 1024 * 1024;
export const maxRows = 5000;

export type Sheet = { headers: string[]; rows: string[][] };

/**
 * Reads the first sheet of an XLSX file, or a CSV file (separator `,` or `;`, as KoboToolbox and
 * Excel in Spanish or French write it), into header names and rows of text.
 */
export async function readSpreadsheet(fileName: string, bytes: Uint8Array): Promise<Sheet> {
  if (bytes.byteLength > maxFileBytes) throw new UseCaseError("invalid", { file: { key: "fileTooLarge", values: { max: 5 } } });
  const sheet = /\.xlsx$/i.test(fileName) ? await readXlsx(bytes) : readCsv(bytes);
  const [headerRow, ...rows] = sheet.filter((row) => row.some((cell) => cell.trim() !== ""));
  if (!headerRow) throw new UseCaseError("invalid", { file: { key: "emptyFile" } });
  if (rows.length > maxRows) throw new UseCaseError("invalid", { file: { key: "tooManyRows", values: { max: maxRows } } });
  const headers = headerRow.map((h, i) => h.trim() || `#${i + 1}`);
  return { headers, rows: rows.map((row) => headers.map((_, i) => (row[i] ?? "").trim())) };
}

function readCsv(bytes: Uint8Array): string[][] {
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    // Older Excel versions save CSV in Windows-1252.
    text = new TextDecoder("windows-1252").decode(bytes);
  }
  if (text.includes("\u0000")) throw new UseCaseError("invalid", { file: { key: "unreadableFile" } });
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ""), { delimitersToGuess: [";", ",", "\t"], skipEmptyLines: "greedy" });
  if (parsed.errors.some((e) => e.type === "Quotes")) throw new UseCaseError("invalid", { file: { key: "unreadableFile" } });
  return parsed.data;
}

async function readXlsx(bytes: Uint8Array): Promise<string[][]> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  } catch {
    throw new UseCaseError("invalid", { file: { key: "unreadableFile" } });
  }
  const worksheet = workbook.worksheets[0];
  if (!worksheet) throw new UseCaseError("invalid", { file: { key: "emptyFile" } });
  const rows: string[][] = [];
  worksheet.eachRow({ includeEmpty: false }, (row) => {
    const values: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, column) => {
      values[column - 1] = cellText(cell.value);
    });
    rows.push(Array.from(values, (v) => v ?? ""));
  });
  return rows;
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === "object") {
    if ("richText" in value) return value.richText.map((r) => r.text).join("");
    if ("text" in value) return String(value.text);
    if ("result" in value) return cellText(value.result as ExcelJS.CellValue);
    return "";
  }
  return String(value);
}
