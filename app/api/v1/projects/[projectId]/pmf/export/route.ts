import { getLocale } from "next-intl/server";
import { documentToDocx } from "@/lib/documents/docx";
import { documentToXlsx } from "@/lib/documents/xlsx";
import { failureResponse } from "@/lib/http/api";
import { fileTypes } from "@/lib/http/declaration";
import { fileResponse } from "@/lib/http/document-response";
import { isLocale } from "@/lib/i18n/config";
import { wordingFor } from "@/lib/i18n/wording";
import { getPmf } from "@/lib/indicators/pmf";
import { pmfDocument } from "@/lib/indicators/pmf-document";
import { getApiContext } from "@/lib/request-context";

type Params = { params: Promise<{ projectId: string }> };

/** The PMF as Excel (?format=xlsx, the default) or Word (?format=docx), in the language asked for (?lang=), with the page's filters (?level=, ?periodId=). */
export async function GET(request: Request, { params }: Params) {
  const search = new URL(request.url).searchParams;
  const asked = search.get("lang");
  const locale = isLocale(asked) ? asked : await getLocale();
  const format = search.get("format") === "docx" ? "docx" : "xlsx";
  const result = await getPmf(await getApiContext(), { ...(await params), level: search.get("level"), periodId: search.get("periodId") });
  if (!result.ok) return failureResponse(result);
  const spec = pmfDocument(result.data, locale, wordingFor(locale));
  const bytes = format === "docx" ? await documentToDocx(spec) : await documentToXlsx(spec);
  return fileResponse(bytes, fileTypes[format], `pmf-${result.data.project.code}-${locale}.${format}`);
}
