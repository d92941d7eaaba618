import { failureResponse } from "@/lib/http/api";
import { fileResponse } from "@/lib/http/document-response";
import { getValueFile } from "@/lib/indicators/reported-values";
import { getApiContext } from "@/lib/request-context";

type Params = { params: Promise<{ projectId: string; indicatorId: string; valueId: string }> };

/** A reported value's evidence, downloaded as the file it was (never shown inline: it is someone's upload). */
export async function GET(_request: Request, { params }: Params) {
  const result = await getValueFile(await getApiContext(), await params);
  if (!result.ok) return failureResponse(result);
  const { name, type, data } = result.data;
  return fileResponse(data, type, name);
}
