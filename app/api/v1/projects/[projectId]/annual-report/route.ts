import { getLocale } from "next-intl/server";
import { documentToDocx } from "@/lib/documents/docx";
import { documentToPdf } from "@/lib/documents/pdf";
import { failureResponse } from "@/lib/http/api";
import { fileTypes } from "@/lib/http/declaration";
import { fileResponse } from "@/lib/http/document-response";
import { isLocale } from "@/lib/i18n/config";
import { wordingFor } from "@/lib/i18n/wording";
import { getAnnualReport } from "@/lib/reports/annual-report";
import { annualReportDocument } from "@/lib/reports/annual-report-document";
import { getApiContext } from "@/lib/request-context";

type Params = { params: Promise<{ projectId: string }> };

/** The annual progress report of one period (?periodId=) as Word (?format=docx, the default) or PDF, in the language asked for (?lang=). */
export async function GET(request: Request, { params }: Params) {
  const search = new URL(request.url).searchParams;
  const asked = search.get("lang");
  const locale = isLocale(asked) ? asked : await getLocale();
  const format = search.get("format") === "pdf" ? "pdf" : "docx";
  const result = await getAnnualReport(await getApiContext(), { ...(await params), periodId: search.get("periodId") });
  if (!result.ok) return failureResponse(result);
  const spec = annualReportDocument(result.data, locale, wordingFor(locale));
  const bytes = format === "pdf" ? await documentToPdf(spec) : await documentToDocx(spec);
  return fileResponse(bytes, fileTypes[format], `annual-report-${result.data.period.name}-${locale}.${format}`);
}
