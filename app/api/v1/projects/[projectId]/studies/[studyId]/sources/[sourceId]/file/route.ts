import { failureResponse } from "@/lib/http/api";
import { fileResponse } from "@/lib/http/document-response";
import { getApiContext } from "@/lib/request-context";
import { getSourceFile } from "@/lib/studies/use-cases";

type Params = { params: Promise<{ projectId: string; studyId: string; sourceId: string }> };

/** An uploaded source, downloaded as the file it was (never shown inline: it is someone's upload). */
export async function GET(_request: Request, { params }: Params) {
  const result = await getSourceFile(await getApiContext(), await params);
  if (!result.ok) return failureResponse(result);
  const { name, type, data } = result.data;
  return fileResponse(data, type, name);
}
