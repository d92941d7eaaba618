import { getLocale } from "next-intl/server";
import { isLocale } from "@/lib/i18n/config";
import { documentToDocx } from "@/lib/documents/docx";
import { documentToPdf } from "@/lib/documents/pdf";
import { failureResponse } from "@/lib/http/api";
import { fileTypes } from "@/lib/http/declaration";
import { fileResponse } from "@/lib/http/document-response";
import { wordingFor } from "@/lib/i18n/wording";
import { getClosingReport } from "@/lib/reports/closing-report";
import { closingReportDocument } from "@/lib/reports/closing-report-document";
import { getApiContext } from "@/lib/request-context";

type Params = { params: Promise<{ projectId: string }> };

/** The closing report ("bilan") as Word (?format=docx, the default) or PDF, in the language asked for (?lang=). */
export async function GET(request: Request, { params }: Params) {
  const search = new URL(request.url).searchParams;
  const asked = search.get("lang");
  const locale = isLocale(asked) ? asked : await getLocale();
  const pdf = search.get("format") === "pdf";
  const result = await getClosingReport(await getApiContext(), await params);
  if (!result.ok) return failureResponse(result);
  const spec = closingReportDocument(result.data, locale, wordingFor(locale));
  const bytes = pdf ? await documentToPdf(spec) : await documentToDocx(spec);
  const format = pdf ? "pdf" : "docx";
  return fileResponse(bytes, fileTypes[format], `closing-report-${locale}.${format}`);
}
