import { certificatesPdf } from "@/lib/certificates/document";
import { getCertificatesFile } from "@/lib/certificates/use-cases";
import { failureResponse, unexpectedFailure } from "@/lib/http/api";
import { publicOrigin } from "@/lib/http/public-origin";
import { fileTypes } from "@/lib/http/declaration";
import { fileResponse } from "@/lib/http/document-response";
import { getApiContext } from "@/lib/request-context";

type Params = { params: Promise<{ projectId: string; workshopId: string }> };

/** One person's certificate (?participantId=) or the workshop's valid ones in one PDF, in ?lang= or each holder's language. */
export async function GET(request: Request, { params }: Params) {
  const url = new URL(request.url);
  const result = await getCertificatesFile(await getApiContext(), { ...Object.fromEntries(url.searchParams), ...(await params) });
  if (!result.ok) return failureResponse(result);
  let bytes: Uint8Array;
  try {
    bytes = await certificatesPdf(result.data, publicOrigin(url.origin));
  } catch (error) {
    return unexpectedFailure("certificates.file", error);
  }
  const name = result.data.certificates.length === 1 ? `certificate-${result.data.certificates[0]!.code}` : `certificates-${result.data.workshop.startDate}`;
  return fileResponse(bytes, fileTypes.pdf, `${name}.pdf`);
}
