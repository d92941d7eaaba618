import ExcelJS from "exceljs";
import { extractText, getDocumentProxy } from "unpdf";

/** The text of every page of a PDF, pages joined, with line breaks and runs of spaces as single spaces (cells wrap). */
export async function pdfText(bytes: Uint8Array): Promise<{ text: string; pages: number }> {
  const pdf = await getDocumentProxy(new Uint8Array(bytes));
  const { totalPages, text } = await extractText(pdf, { mergePages: true });
  return { text: text.replace(/\s+/g, " "), pages: totalPages };
}

/** Every sheet of an XLSX file: its name and its rows as text cells. */
export async function xlsxSheets(bytes: Uint8Array): Promise<{ name: string; rows: string[][] }[]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  return workbook.worksheets.map((sheet) => {
    const rows: string[][] = [];
    sheet.eachRow((row) => rows.push((row.values as ExcelJS.CellValue[]).slice(1).map((v) => (v === null || v === undefined ? "" : String(v)))));
    return { name: sheet.name, rows };
  });
}
