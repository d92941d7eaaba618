import { headers } from "next/headers";
import { getTranslations } from "next-intl/server";
import { clientAddressFrom } from "@/lib/auth/client-address";
import { failureResponse } from "@/lib/http/api";
import { readCappedBody } from "@/lib/http/capped-body";
import { submitPublicResponse } from "@/lib/questionnaires/public";
import { getApiContext } from "@/lib/request-context";

type Params = { params: Promise<{ questionnaireId: string }> };

// A phone's answers are a few kilobytes; anything much larger is not one.
const maxBodyBytes = 64 * 1024;

/** A respondent's answers from their own phone: no account, once per id the phone made, limited per address. */
export async function POST(request: Request, { params }: Params) {
  const bytes = await readCappedBody(request, maxBodyBytes);
  if (bytes === null) return new Response(null, { status: 413 });
  let body: unknown;
  try {
    body = JSON.parse(new TextDecoder().decode(bytes));
  } catch {
    return Response.json({ error: "invalid", message: (await getTranslations())("errors.badJson") }, { status: 400 });
  }
  const input = { ...(body && typeof body === "object" ? body : {}), questionnaireId: (await params).questionnaireId };
  const result = await submitPublicResponse((await getApiContext()).db, input, clientAddressFrom(await headers()));
  if (!result.ok) return failureResponse(result);
  return Response.json(result.data, { status: result.data.replayed ? 200 : 201 });
}
