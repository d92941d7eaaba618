import { getLocale } from "next-intl/server";
import { icsOf, workshopEvent } from "@/lib/calendar/ics";
import { failureResponse } from "@/lib/http/api";
import { fileTypes } from "@/lib/http/declaration";
import { fileResponse } from "@/lib/http/document-response";
import type { Locale } from "@/lib/i18n/config";
import { mailLinkOrigin } from "@/lib/mail/settings";
import { getApiContext } from "@/lib/request-context";
import { getWorkshop } from "@/lib/workshops/use-cases";

type Params = { params: Promise<{ projectId: string; workshopId: string }> };

/** The workshop as one calendar event (.ics), for whoever may read it. */
export async function GET(_request: Request, { params }: Params) {
  const result = await getWorkshop(await getApiContext(), await params);
  if (!result.ok) return failureResponse(result);
  const { workshop } = result.data;
  const ics = icsOf(workshop.title, [workshopEvent(workshop, (await getLocale()) as Locale, mailLinkOrigin())]);
  return fileResponse(new TextEncoder().encode(ics), fileTypes.ics, "workshop.ics");
}
