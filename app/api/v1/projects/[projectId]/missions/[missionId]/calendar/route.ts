import { getLocale } from "next-intl/server";
import { icsOf, missionEvent } from "@/lib/calendar/ics";
import { failureResponse } from "@/lib/http/api";
import { fileTypes } from "@/lib/http/declaration";
import { fileResponse } from "@/lib/http/document-response";
import type { Locale } from "@/lib/i18n/config";
import { mailLinkOrigin } from "@/lib/mail/settings";
import { getMission } from "@/lib/missions/use-cases";
import { getApiContext } from "@/lib/request-context";

type Params = { params: Promise<{ projectId: string; missionId: string }> };

/** The mission as one calendar event (.ics), for whoever may read it. */
export async function GET(_request: Request, { params }: Params) {
  const result = await getMission(await getApiContext(), await params);
  if (!result.ok) return failureResponse(result);
  const locale = (await getLocale()) as Locale;
  const event = missionEvent(result.data.mission, locale, mailLinkOrigin());
  return fileResponse(new TextEncoder().encode(icsOf(event.summary, [event])), fileTypes.ics, "mission.ics");
}
