import "server-only";
import { documentToPdf } from "@/lib/documents/pdf";
import type { DocumentSpec } from "@/lib/documents/sections";
import { documentToXlsx } from "@/lib/documents/xlsx";
import { fileTypes } from "./declaration";

export type DocumentFormat = "xlsx" | "pdf";

export const documentFormat = (request: Request): DocumentFormat => (new URL(request.url).searchParams.get("format") === "pdf" ? "pdf" : "xlsx");

/** A report document as a downloaded Excel or PDF file. */
export async function documentResponse(spec: DocumentSpec, format: DocumentFormat, fileName: string): Promise<Response> {
  const bytes = format === "pdf" ? await documentToPdf(spec) : await documentToXlsx(spec);
  return new Response(bytes as BodyInit, {
    headers: {
      "Content-Type": fileTypes[format],
      "Content-Disposition": `attachment; filename="${fileName}.${format}"`,
      "Cache-Control": "no-store",
    },
  });
}
