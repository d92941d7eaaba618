import "server-only";
import { documentToPdf } from "@/lib/documents/pdf";
import type { DocumentSpec } from "@/lib/documents/sections";
import { documentToXlsx } from "@/lib/documents/xlsx";
import { fileTypes } from "./declaration";

export type DocumentFormat = "xlsx" | "pdf";

/** A name a quoted `filename=` carries as it is; any other goes percent-encoded in `filename*` (RFC 6266; a percent sign too, which some browsers decode). */
const isPlainFileName = (name: string) => /^[\x20-\x7e]+$/.test(name) && !/["\\%]/.test(name);

/** Every download answers through here: an attachment (never shown inline), kept by no cache. */
export function fileResponse(bytes: Uint8Array, contentType: string, fileName: string): Response {
  const disposition = isPlainFileName(fileName) ? `filename="${fileName}"` : `filename*=UTF-8''${encodeURIComponent(fileName)}`;
  return new Response(bytes as BodyInit, {
    headers: { "Content-Type": contentType, "Content-Disposition": `attachment; ${disposition}`, "Cache-Control": "no-store" },
  });
}

/** A file name dated with today (UTC), as exports are named: `institutions-2026-12-07.csv`. */
export const datedFileName = (name: string, extension: string) => `${name}-${new Date().toISOString().slice(0, 10)}.${extension}`;

export const documentFormat = (request: Request): DocumentFormat => (new URL(request.url).searchParams.get("format") === "pdf" ? "pdf" : "xlsx");

/** A report document as a downloaded Excel or PDF file. */
export async function documentResponse(spec: DocumentSpec, format: DocumentFormat, fileName: string): Promise<Response> {
  const bytes = format === "pdf" ? await documentToPdf(spec) : await documentToXlsx(spec);
  return fileResponse(bytes, fileTypes[format], `${fileName}.${format}`);
}
