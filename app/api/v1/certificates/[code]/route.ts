import { headers } from "next/headers";
import { clientAddressFrom } from "@/lib/auth/client-address";
import { verifyCertificate } from "@/lib/certificates/verification";
import { failureResponse } from "@/lib/http/api";
import { getRequestContext } from "@/lib/request-context";

type Params = { params: Promise<{ code: string }> };

/** The public verification of a certificate's code: no account, limited per address (lib/certificates/verification.ts). */
export async function GET(_request: Request, { params }: Params) {
  const result = await verifyCertificate((await getRequestContext()).db, await params, clientAddressFrom(await headers()));
  if (!result.ok) return failureResponse(result);
  return Response.json(result.data, { headers: { "Cache-Control": "no-store" } });
}
