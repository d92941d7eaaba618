import zlib from "node:zlib";
import { UseCaseError } from "@/lib/result";

/** What a spreadsheet may unzip to, all parts read counted together. */
export const maxUnzippedMegabytes = 50;
const maxUnzippedBytes = maxUnzippedMegabytes * 1024 * 1024;

export type ZipEntry = { name: string; method: number; compressedSize: number; declaredSize: number; localHeaderOffset: number };

const endOfDirectorySignature = 0x06054b50;
const directoryEntrySignature = 0x02014b50;
const localHeaderSignature = 0x04034b50;
const stored = 0;
const deflated = 8;

export const unreadable = () => new UseCaseError("invalid", { file: { key: "unreadableFile" } });
const tooLarge = () => new UseCaseError("invalid", { file: { key: "unzippedTooLarge", values: { max: maxUnzippedMegabytes } } });

/**
 * The entries of a zip file, from its central directory. Refuses, before inflating anything, a
 * file whose entries say they unzip to more than the limit; `inflateEntry` enforces it again
 * while inflating, since these sizes are the sender's word.
 */
export function listZipEntries(bytes: Uint8Array): Map<string, ZipEntry> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const end = findEndOfDirectory(view);
  const count = view.getUint16(end + 10, true);
  let offset = view.getUint32(end + 16, true);
  const entries = new Map<string, ZipEntry>();
  let declaredTotal = 0;
  for (let i = 0; i < count; i++) {
    if (offset + 46 > view.byteLength || view.getUint32(offset, true) !== directoryEntrySignature) throw unreadable();
    const nameLength = view.getUint16(offset + 28, true);
    const entry: ZipEntry = {
      name: new TextDecoder().decode(bytes.subarray(offset + 46, offset + 46 + nameLength)),
      method: view.getUint16(offset + 10, true),
      compressedSize: view.getUint32(offset + 20, true),
      declaredSize: view.getUint32(offset + 24, true),
      localHeaderOffset: view.getUint32(offset + 42, true),
    };
    declaredTotal += entry.declaredSize;
    if (declaredTotal > maxUnzippedBytes) throw tooLarge();
    entries.set(entry.name, entry);
    offset += 46 + nameLength + view.getUint16(offset + 30, true) + view.getUint16(offset + 32, true);
  }
  return entries;
}

function findEndOfDirectory(view: DataView): number {
  // The record is 22 bytes, followed by a comment of at most 65,535.
  const lowest = Math.max(0, view.byteLength - 22 - 65535);
  for (let offset = view.byteLength - 22; offset >= lowest; offset--) {
    if (view.getUint32(offset, true) === endOfDirectorySignature) return offset;
  }
  throw unreadable();
}

/** Counts every byte inflated from one file, across all its entries, against the limit. */
export class UnzipBudget {
  private used = 0;

  spend(bytes: number) {
    this.used += bytes;
    if (this.used > maxUnzippedBytes) throw tooLarge();
  }
}

/** An entry's content, chunk by chunk as it inflates, so no more than the budget is ever produced. */
export async function* inflateEntry(bytes: Uint8Array, entry: ZipEntry, budget: UnzipBudget): AsyncGenerator<Buffer> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const header = entry.localHeaderOffset;
  if (header + 30 > view.byteLength || view.getUint32(header, true) !== localHeaderSignature) throw unreadable();
  const start = header + 30 + view.getUint16(header + 26, true) + view.getUint16(header + 28, true);
  if (start + entry.compressedSize > bytes.byteLength) throw unreadable();
  const data = bytes.subarray(start, start + entry.compressedSize);
  if (entry.method === stored) {
    budget.spend(data.byteLength);
    yield Buffer.from(data.buffer, data.byteOffset, data.byteLength);
    return;
  }
  if (entry.method !== deflated) throw unreadable();
  const inflater = zlib.createInflateRaw();
  inflater.end(data);
  try {
    for await (const chunk of inflater as AsyncIterable<Buffer>) {
      budget.spend(chunk.length);
      yield chunk;
    }
  } finally {
    inflater.destroy();
  }
}
