import zlib from "node:zlib";

type BombOptions = {
  /** How much the sheet's XML unzips to. */
  megabytes: number;
  /** What the sheet's XML repeats inside its one open row: by default empty cells, so no row limit stops the reading. */
  repeated?: string;
  /** Write a 1 KB size in the zip's headers instead of the real one, as a hostile file would. */
  lieAboutSize?: boolean;
};

const parts: Record<string, string> = {
  "[Content_Types].xml":
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
    '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
  "_rels/.rels":
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
  "xl/workbook.xml":
    '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
    '<sheets><sheet name="Hoja1" sheetId="1" r:id="rId1"/></sheets></workbook>',
  "xl/_rels/workbook.xml.rels":
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
};

const sheetStart = '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1">';
const sheetEnd = "</row></sheetData></worksheet>";
const emptyCell = '<c r="B2" s="0"/>';

/**
 * An XLSX "decompression bomb": a valid workbook whose one sheet unzips to `megabytes` of XML
 * but weighs about a thousandth of that. Deflated chunk by chunk, so building it stays small.
 */
export async function xlsxBomb({ megabytes, repeated = emptyCell, lieAboutSize = false }: BombOptions): Promise<Uint8Array> {
  const block = Buffer.from(repeated.repeat(Math.ceil(65536 / repeated.length)));
  const blocks = Math.ceil((megabytes * 1024 * 1024) / block.length);
  const sheet = await deflateStream([Buffer.from(sheetStart), ...Array.from({ length: blocks }, () => block), Buffer.from(sheetEnd)]);
  const entries = Object.entries(parts).map(([name, xml]) => ({ name, ...deflated([Buffer.from(xml)], zlib.deflateRawSync(xml)) }));
  entries.push({ name: "xl/worksheets/sheet1.xml", ...sheet, ...(lieAboutSize ? { size: 1024 } : {}) });
  return zip(entries);
}

type Deflated = { data: Buffer; size: number; crc: number };

function deflated(chunks: Buffer[], data: Buffer): Deflated {
  let crc = 0;
  let size = 0;
  for (const chunk of chunks) {
    crc = zlib.crc32(chunk, crc);
    size += chunk.length;
  }
  return { data, size, crc };
}

async function deflateStream(chunks: Buffer[]): Promise<Deflated> {
  const deflater = zlib.createDeflateRaw({ level: 9 });
  const output: Buffer[] = [];
  deflater.on("data", (chunk: Buffer) => output.push(chunk));
  const done = new Promise((resolve, reject) => deflater.on("end", resolve).on("error", reject));
  for (const chunk of chunks) {
    if (!deflater.write(chunk)) await new Promise((resolve) => deflater.once("drain", resolve));
  }
  deflater.end();
  await done;
  return deflated(chunks, Buffer.concat(output));
}

function zip(entries: (Deflated & { name: string })[]): Uint8Array {
  const locals: Buffer[] = [];
  const directory: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name);
    const fields = (signature: number, length: number) => {
      const header = Buffer.alloc(length);
      header.writeUInt32LE(signature, 0);
      return header;
    };
    const local = fields(0x04034b50, 30);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(entry.crc >>> 0, 14);
    local.writeUInt32LE(entry.data.length, 18);
    local.writeUInt32LE(entry.size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = fields(0x02014b50, 46);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(entry.crc >>> 0, 16);
    central.writeUInt32LE(entry.data.length, 20);
    central.writeUInt32LE(entry.size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, entry.data);
    directory.push(central, name);
    offset += local.length + name.length + entry.data.length;
  }
  const directorySize = directory.reduce((sum, part) => sum + part.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directorySize, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, ...directory, end]));
}
