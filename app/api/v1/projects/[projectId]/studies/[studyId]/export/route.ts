import { getLocale } from "next-intl/server";
import { isLocale } from "@/lib/i18n/config";
import { documentToDocx } from "@/lib/documents/docx";
import { documentToPdf } from "@/lib/documents/pdf";
import { documentToXlsx } from "@/lib/documents/xlsx";
import { failureResponse } from "@/lib/http/api";
import { fileTypes } from "@/lib/http/declaration";
import { datedFileName, fileResponse } from "@/lib/http/document-response";
import { wordingFor } from "@/lib/i18n/wording";
import { getApiContext } from "@/lib/request-context";
import { getStudyReport } from "@/lib/reports/study-report";
import { actionPlan, studyDocument } from "@/lib/reports/study-report-document";

type Params = { params: Promise<{ projectId: string; studyId: string }> };

/**
 * The study as an editable Word document or a PDF (?format=docx|pdf), or its action plan as Excel
 * (?format=xlsx), in the language asked for (?lang=fr|es|en, else the reader's).
 */
export async function GET(request: Request, { params }: Params) {
  const search = new URL(request.url).searchParams;
  const asked = search.get("lang");
  const locale = isLocale(asked) ? asked : await getLocale();
  const format = search.get("format") === "pdf" ? "pdf" : search.get("format") === "xlsx" ? "xlsx" : "docx";
  const result = await getStudyReport(await getApiContext(), await params);
  if (!result.ok) return failureResponse(result);
  const wording = wordingFor(locale);
  const spec = studyDocument(result.data, locale, wording);
  const bytes =
    format === "xlsx"
      ? await documentToXlsx({ ...spec, sections: [actionPlan(result.data, locale, wording)] })
      : format === "pdf"
        ? await documentToPdf(spec)
        : await documentToDocx(spec);
  const name = format === "xlsx" ? "actions" : "study";
  return fileResponse(bytes, fileTypes[format], datedFileName(`${name}-${locale}`, format));
}
