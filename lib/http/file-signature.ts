/**
 * What an uploaded file's first bytes say it is. The browser's (or the API caller's) declared type
 * is only a claim: a script renamed `report.pdf` declares application/pdf all the same.
 */

type Signature = readonly number[];

const pdf: Signature = [0x25, 0x50, 0x44, 0x46, 0x2d]; // "%PDF-"
const zip: Signature = [0x50, 0x4b, 0x03, 0x04]; // DOCX, XLSX and ODT are zip archives
const oleCompound: Signature = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]; // older .doc and .xls
const jpeg: Signature = [0xff, 0xd8, 0xff];
const png: Signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const binarySignatures = [pdf, zip, oleCompound, jpeg, png];

const startsWith = (bytes: Uint8Array, signature: Signature) => bytes.byteLength >= signature.length && signature.every((b, i) => bytes[i] === b);

/**
 * Text (plain or CSV, UTF-8 or Windows-1252) has no control bytes besides tab, line breaks and
 * form feed in its first kilobytes, and starts like none of the binary formats above.
 */
function looksLikeText(bytes: Uint8Array): boolean {
  if (binarySignatures.some((signature) => startsWith(bytes, signature))) return false;
  const head = bytes.subarray(0, 8192);
  for (const byte of head) {
    if (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d && byte !== 0x0c) return false;
  }
  return true;
}

const checks: Record<string, (bytes: Uint8Array) => boolean> = {
  "application/pdf": (b) => startsWith(b, pdf),
  "application/msword": (b) => startsWith(b, oleCompound),
  "application/vnd.ms-excel": (b) => startsWith(b, oleCompound),
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document": (b) => startsWith(b, zip),
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": (b) => startsWith(b, zip),
  "application/vnd.oasis.opendocument.text": (b) => startsWith(b, zip),
  "image/jpeg": (b) => startsWith(b, jpeg),
  "image/png": (b) => startsWith(b, png),
  "text/plain": looksLikeText,
  "text/csv": looksLikeText,
};

/** Whether the bytes are what `type` claims; a type without a known signature never matches. */
export function contentMatchesType(bytes: Uint8Array, type: string): boolean {
  return checks[type]?.(bytes) ?? false;
}
