import Papa from "papaparse";
import type { ValidationKey } from "@/lib/i18n/messages";
import { UseCaseError } from "@/lib/result";
import { replaceControlCharacters } from "@/lib/validation";
import { readXlsxRows } from "./xlsx";

export const maxFileBytes = 5 * 1024 * 1024;
export const maxRows = 5000;
/** As many columns as an import maps (lib/imports/schemas.ts). */
export const maxColumns = 100;
/** Every cell of the largest sheet the other limits let through. */
export const maxCells = (maxRows + 1) * maxColumns;

export type Sheet = { headers: string[]; rows: string[][] };

const refuse = (key: ValidationKey, values?: Record<string, number>) => new UseCaseError("invalid", { file: { key, values } });

/**
 * Reads the first sheet of an XLSX file, or a CSV file (separator `,` or `;`, as KoboToolbox and
 * Excel in Spanish or French write it), into header names and rows of text, without the row of HXL
 * hashtags KoboToolbox may write under the header. An XLSX file is
 * streamed and refused as soon as it crosses a limit, so a small file that unzips to hundreds of
 * megabytes costs neither the memory nor the time to unzip it.
 */
export async function readSpreadsheet(fileName: string, bytes: Uint8Array): Promise<Sheet> {
  if (bytes.byteLength > maxFileBytes) throw refuse("fileTooLarge", { max: 5 });
  const sheet = /\.xlsx$/i.test(fileName) ? await readXlsx(bytes) : readCsv(bytes);
  const cleaned = sheet.map((row) => Array.from(row, (cell) => replaceControlCharacters(cell ?? "").trim()));
  const [headerRow, ...allRows] = cleaned.filter((row) => row.some((cell) => cell !== ""));
  if (!headerRow) throw refuse("emptyFile");
  const rows = allRows[0] && isHxlRow(allRows[0]) ? allRows.slice(1) : allRows;
  if (rows.length > maxRows) throw refuse("tooManyRows", { max: maxRows });
  const width = Math.max(lastValueColumn(headerRow), ...rows.map(lastValueColumn));
  if (width > maxColumns) throw refuse("tooManyColumns", { max: maxColumns });
  const headers = Array.from({ length: width }, (_, i) => headerRow[i] || `#${i + 1}`);
  return { headers, rows: rows.map((row) => headers.map((_, i) => row[i] ?? "")) };
}

/**
 * A row of HXL hashtags (`#group`, `#q1`, `#affected+f`), which KoboToolbox writes under the
 * header when a form carries them: it describes the columns and holds no answer.
 */
export const isHxlRow = (row: string[]) => row.some((cell) => cell !== "") && row.every((cell) => cell === "" || /^#[\p{L}_][\p{L}\p{N}_]*(\s*\+[\p{L}\p{N}_]+)*$/u.test(cell));

/** How many columns a row reaches, counting up to its last cell holding a value. */
function lastValueColumn(row: string[]): number {
  for (let i = row.length - 1; i >= 0; i--) if (row[i] !== "") return i + 1;
  return 0;
}

async function readXlsx(bytes: Uint8Array): Promise<string[][]> {
  try {
    return await readXlsxRows(bytes, {
      maxRows: maxRows + 1,
      maxColumns,
      maxCells,
      tooManyRows: () => refuse("tooManyRows", { max: maxRows }),
      tooManyColumns: () => refuse("tooManyColumns", { max: maxColumns }),
      tooManyCells: () => refuse("tooManyCells", { max: maxCells }),
    });
  } catch (error) {
    if (error instanceof UseCaseError) throw error;
    // Not a zip, a broken deflate stream, malformed XML: all the same to the person importing.
    throw refuse("unreadableFile");
  }
}

function readCsv(bytes: Uint8Array): string[][] {
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    // Older Excel versions save CSV in Windows-1252.
    text = new TextDecoder("windows-1252").decode(bytes);
  }
  if (text.includes("\u0000")) throw refuse("unreadableFile");
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ""), { delimitersToGuess: [";", ",", "\t"], skipEmptyLines: "greedy" });
  if (parsed.errors.some((e) => e.type === "Quotes")) throw refuse("unreadableFile");
  return parsed.data;
}
