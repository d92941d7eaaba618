import { getSignInSheet } from "@/lib/attendance/use-cases";
import { signInSheetPdf } from "@/lib/attendance/sign-in-sheet-pdf";
import { failureResponse } from "@/lib/http/api";
import { fileTypes } from "@/lib/http/declaration";
import { fileResponse } from "@/lib/http/document-response";
import { getWording } from "@/lib/i18n/wording";
import { getApiContext } from "@/lib/request-context";

type Params = { params: Promise<{ projectId: string; workshopId: string }> };

/** The printable sign-in sheet of one day (?day=YYYY-MM-DD), headed in the workshop's language. */
export async function GET(request: Request, { params }: Params) {
  const day = new URL(request.url).searchParams.get("day");
  const result = await getSignInSheet(await getApiContext(), { ...(await params), day });
  if (!result.ok) return failureResponse(result);
  const bytes = await signInSheetPdf(result.data, await getWording(result.data.workshop.language));
  return fileResponse(bytes, fileTypes.pdf, `sign-in-${result.data.day}.pdf`);
}
