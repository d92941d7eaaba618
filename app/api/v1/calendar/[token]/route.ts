import { headers } from "next/headers";
import { clientAddressFrom } from "@/lib/auth/client-address";
import { calendarForToken } from "@/lib/calendar/feed";
import { failureResponse } from "@/lib/http/api";
import { fileTypes } from "@/lib/http/declaration";
import { getRequestContext } from "@/lib/request-context";

type Params = { params: Promise<{ token: string }> };

/** A user's private calendar feed, fetched by calendar apps with its secret address (lib/calendar/feed.ts). */
export async function GET(_request: Request, { params }: Params) {
  const result = await calendarForToken((await getRequestContext()).db, (await params).token, clientAddressFrom(await headers()));
  if (!result.ok) return failureResponse(result);
  return new Response(result.data, { headers: { "Content-Type": fileTypes.ics, "Cache-Control": "no-store" } });
}
