import { SaxesParser } from "saxes";
import { UseCaseError } from "@/lib/result";
import { inflateEntry, listZipEntries, unreadable, UnzipBudget, type ZipEntry } from "./zip";

export type XlsxLimits = {
  /** Rows holding a value, the header row included. */
  maxRows: number;
  maxColumns: number;
  /** Cells written in the sheet, empty (formatted) ones included, and shared texts. */
  maxCells: number;
  tooManyRows: () => UseCaseError;
  tooManyColumns: () => UseCaseError;
  tooManyCells: () => UseCaseError;
};

type Part = { bytes: Uint8Array; entries: Map<string, ZipEntry>; budget: UnzipBudget; maxElements: number };
type Attributes = Record<string, string>;
type XmlHandlers = { open?: (name: string, attributes: Attributes) => void; text?: (text: string) => void; close?: (name: string) => void };

// Sheet XML nests about six levels and gives a cell three attributes; deeper or wider is hostile
// (saxes keeps every open element and every attribute of the current one in memory).
const maxDepth = 64;
const maxAttributes = 64;
// A cell takes at most four elements (c, is or f, t or v); parsing costs per element, so a part
// of endless tiny elements is stopped here rather than by its size.
const elementsPerCell = 4;

/**
 * Reads the first sheet of an XLSX workbook as rows of text, streaming each part as it inflates
 * and stopping at the first limit crossed: the unzipped size (counted while inflating, whatever
 * the zip claims), the rows holding a value, the columns holding one, the cells written (empty
 * ones too) and the shared texts.
 */
export async function readXlsxRows(bytes: Uint8Array, limits: XlsxLimits): Promise<string[][]> {
  const part: Part = { bytes, entries: listZipEntries(bytes), budget: new UnzipBudget(), maxElements: elementsPerCell * limits.maxCells };
  const workbookPath = (await readRelationships(part, "_rels/.rels")).get("officeDocument")?.[0] ?? "xl/workbook.xml";
  const related = await readRelationships(part, relationshipsPathOf(workbookPath));
  const { firstSheetId, date1904 } = await readWorkbook(part, workbookPath);
  const sheetPath = related.get(`id:${firstSheetId}`)?.[0] ?? related.get("worksheet")?.[0];
  if (!sheetPath || !part.entries.has(sheetPath)) throw new UseCaseError("invalid", { file: { key: "emptyFile" } });
  const dateStyles = await readDateStyles(part, related.get("styles")?.[0]);
  const sharedStrings = await readSharedStrings(part, related.get("sharedStrings")?.[0], limits);
  return readSheet(part, sheetPath, { dateStyles, sharedStrings, date1904 }, limits);
}

async function parseXml(part: Part, path: string, handlers: XmlHandlers): Promise<void> {
  const entry = part.entries.get(path);
  if (!entry) return;
  const parser = new SaxesParser();
  let depth = 0;
  let attributes = 0;
  let elements = 0;
  parser.on("opentagstart", () => {
    attributes = 0;
    if (++depth > maxDepth || ++elements > part.maxElements) throw unreadable();
  });
  parser.on("attribute", () => {
    if (++attributes > maxAttributes) throw unreadable();
  });
  parser.on("opentag", (tag) => {
    handlers.open?.(localName(tag.name), tag.attributes as Attributes);
    if (tag.isSelfClosing) depth--;
  });
  parser.on("closetag", (tag) => {
    if (!tag.isSelfClosing) depth--;
    handlers.close?.(localName(tag.name));
  });
  if (handlers.text) parser.on("text", handlers.text);
  parser.on("cdata", (text) => handlers.text?.(text));
  const decoder = new TextDecoder("utf-8");
  for await (const chunk of inflateEntry(part.bytes, entry, part.budget)) parser.write(decoder.decode(chunk, { stream: true }));
  parser.write(decoder.decode()).close();
}

const localName = (name: string) => name.slice(name.indexOf(":") + 1);

/** An attribute by its local name, whatever prefix the writer chose (`r:id`, `ns1:id`). */
function attribute(attributes: Attributes, name: string): string | undefined {
  for (const [key, value] of Object.entries(attributes)) if (localName(key) === name) return value;
  return undefined;
}

function relationshipsPathOf(path: string): string {
  const slash = path.lastIndexOf("/");
  return `${path.slice(0, slash + 1)}_rels/${path.slice(slash + 1)}.rels`;
}

/** A part's relationships, by type (`worksheet`, `styles`…) and by `id:<Id>`, as zip paths. */
async function readRelationships(part: Part, path: string): Promise<Map<string, string[]>> {
  const base = path.replace(/_rels\/[^/]*$/, "");
  const related = new Map<string, string[]>();
  const add = (key: string, target: string) => related.set(key, [...(related.get(key) ?? []), target]);
  await parseXml(part, path, {
    open(name, attributes) {
      if (name !== "Relationship" || !attributes.Target) return;
      const target = resolvePath(base, attributes.Target);
      add(`id:${attributes.Id}`, target);
      add((attributes.Type ?? "").split("/").pop()!, target);
    },
  });
  return related;
}

function resolvePath(base: string, target: string): string {
  const segments = target.startsWith("/") ? [] : base.split("/").filter(Boolean);
  for (const segment of target.split("/")) {
    if (segment === "..") segments.pop();
    else if (segment && segment !== ".") segments.push(segment);
  }
  return segments.join("/");
}

async function readWorkbook(part: Part, path: string) {
  let firstSheetId: string | undefined;
  let date1904 = false;
  await parseXml(part, path, {
    open(name, attributes) {
      if (name === "sheet" && firstSheetId === undefined) firstSheetId = attribute(attributes, "id");
      if (name === "workbookPr") date1904 = ["1", "true"].includes(attributes.date1904 ?? "");
    },
  });
  return { firstSheetId, date1904 };
}

// Excel's built-in number formats that show a date or a time.
const builtInDateFormats = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58]);

/** A custom format shows a date when a date or time letter remains once quoted text and [colours] are removed. */
const isDateFormatCode = (code: string) => /[ymdhsb]/i.test(code.replace(/\[[^\]]*]/g, "").replace(/"[^"]*"/g, ""));

/** Which cell style indexes (`s`) show their number as a date. */
async function readDateStyles(part: Part, path: string | undefined): Promise<Set<number>> {
  const customDates = new Set<number>();
  const dateStyles = new Set<number>();
  let inCellFormats = false;
  let index = 0;
  if (!path) return dateStyles;
  await parseXml(part, path, {
    open(name, attributes) {
      if (name === "numFmt" && isDateFormatCode(attributes.formatCode ?? "")) customDates.add(Number(attributes.numFmtId));
      if (name === "cellXfs") inCellFormats = true;
      if (name === "xf" && inCellFormats) {
        const format = Number(attributes.numFmtId ?? 0);
        if (builtInDateFormats.has(format) || customDates.has(format)) dateStyles.add(index);
        index++;
      }
    },
    close(name) {
      if (name === "cellXfs") inCellFormats = false;
    },
  });
  return dateStyles;
}

/** The workbook's shared texts; rich text runs joined, phonetic guides (`rPh`) left out. */
async function readSharedStrings(part: Part, path: string | undefined, limits: XlsxLimits): Promise<string[]> {
  const strings: string[] = [];
  let text = "";
  let inText = false;
  let inPhonetic = false;
  if (!path) return strings;
  await parseXml(part, path, {
    open(name) {
      if (name === "si") text = "";
      if (name === "rPh") inPhonetic = true;
      if (name === "t") inText = !inPhonetic;
    },
    text(value) {
      if (inText) text += value;
    },
    close(name) {
      if (name === "t") inText = false;
      if (name === "rPh") inPhonetic = false;
      if (name === "si") {
        if (strings.length >= limits.maxCells) throw limits.tooManyCells();
        strings.push(text);
      }
    },
  });
  return strings;
}

type SheetContext = { dateStyles: Set<number>; sharedStrings: string[]; date1904: boolean };
type Cell = { column: number; type: string; style: number; value: string; hasValue: boolean; inValue: boolean };

async function readSheet(part: Part, path: string, context: SheetContext, limits: XlsxLimits): Promise<string[][]> {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell: Cell | null = null;
  let cells = 0;
  let inSheetData = false;
  await parseXml(part, path, {
    open(name, attributes) {
      if (name === "sheetData") inSheetData = true;
      if (!inSheetData) return;
      if (name === "row") row = [];
      if (name === "c") {
        if (++cells > limits.maxCells) throw limits.tooManyCells();
        const column = attributes.r ? columnOf(attributes.r) : row.length;
        cell = { column, type: attributes.t ?? "n", style: Number(attributes.s ?? 0), value: "", hasValue: false, inValue: false };
      }
      if (cell && (name === "v" || (name === "t" && cell.type === "inlineStr"))) {
        cell.inValue = true;
        cell.hasValue = true;
      }
    },
    text(value) {
      if (cell?.inValue) cell.value += value;
    },
    close(name) {
      if (!inSheetData) return;
      if (cell && (name === "v" || name === "t")) cell.inValue = false;
      if (name === "c" && cell) {
        const text = cell.hasValue ? cellText(cell, context) : "";
        if (text.trim() !== "") {
          if (cell.column >= limits.maxColumns) throw limits.tooManyColumns();
          while (row.length < cell.column) row.push("");
          row[cell.column] = text;
        }
        cell = null;
      }
      if (name === "row" && row.length > 0) {
        rows.push(row);
        if (rows.length > limits.maxRows) throw limits.tooManyRows();
      }
      if (name === "sheetData") inSheetData = false;
    },
  });
  return rows;
}

/** The zero-based column of a cell reference such as `AB12`. */
function columnOf(reference: string): number {
  let column = 0;
  for (const char of reference.toUpperCase()) {
    const code = char.charCodeAt(0);
    if (code < 65 || code > 90) break;
    column = column * 26 + (code - 64);
  }
  return column - 1;
}

function cellText(cell: Cell, context: SheetContext): string {
  switch (cell.type) {
    case "s":
      return context.sharedStrings[Number(cell.value)] ?? "";
    case "str":
    case "inlineStr":
      return cell.value;
    case "b":
      return cell.value.trim() === "1" ? "true" : "false";
    case "e":
      return "";
    case "d":
      return cell.value.slice(0, 10);
    default: {
      const number = Number.parseFloat(cell.value);
      if (!Number.isFinite(number)) return cell.value;
      return context.dateStyles.has(cell.style) ? excelDate(number, context.date1904) : String(number);
    }
  }
}

/** A date serial as YYYY-MM-DD: days since 1899-12-30 (Excel's leap-year quirk included), or since 1904-01-01. */
function excelDate(serial: number, date1904: boolean): string {
  const days = serial - 25569 + (date1904 ? 1462 : 0);
  return new Date(Math.round(days * 86_400_000)).toISOString().slice(0, 10);
}
