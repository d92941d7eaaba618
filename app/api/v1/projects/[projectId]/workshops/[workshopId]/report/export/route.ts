import { workshopReportDocument } from "@/lib/attendance/report-document";
import { getWorkshopReportFile } from "@/lib/attendance/use-cases";
import { documentFormat, documentResponse } from "@/lib/http/document-response";
import { failureResponse } from "@/lib/http/api";
import { getWording } from "@/lib/i18n/wording";
import { getApiContext } from "@/lib/request-context";

type Params = { params: Promise<{ projectId: string; workshopId: string }> };

/** The workshop report as Excel (?format=xlsx, the default) or PDF, in the reader's language. */
export async function GET(request: Request, { params }: Params) {
  const result = await getWorkshopReportFile(await getApiContext(), await params);
  if (!result.ok) return failureResponse(result);
  const spec = workshopReportDocument(result.data, await getWording());
  return documentResponse(spec, documentFormat(request), `report-${result.data.workshop.startDate}`);
}
