import "server-only";
import { getFormatter, getLocale } from "next-intl/server";
import { resultOptions } from "@/components/logic-model/result-options";
import type { Option } from "@/components/ui/field";
import { narrativeFor } from "@/lib/narrative";
import { listProjectThemes } from "@/lib/findings/use-cases";
import { calendarDate } from "@/lib/i18n/dates";
import { unwrapForPage } from "@/lib/request-context";
import type { Ctx } from "@/lib/session-user";
import { getStudy } from "@/lib/studies/use-cases";
import { workshopDays } from "@/lib/workshops/days";
import { listWorkshops } from "@/lib/workshops/use-cases";

/** What the finding form offers: the project's own themes, its workshops and their days, the study's sources, the outcomes it may inform. */
export async function findingFormOptions(ctx: Ctx, projectId: string, studyId: string) {
  const [locale, format] = await Promise.all([getLocale(), getFormatter()]);
  const [themes, workshops, { sources }, outcomes] = await Promise.all([
    listProjectThemes(ctx, { projectId }).then(unwrapForPage),
    listWorkshops(ctx, { projectId, pageSize: 100, sort: "startDate", dir: "desc" }).then(unwrapForPage),
    getStudy(ctx, { projectId, studyId }).then(unwrapForPage),
    resultOptions(ctx, projectId, "outcomes"),
  ]);
  return {
    locale,
    ownThemes: themes.map((th): Option => ({ value: `own:${th.id}`, label: narrativeFor(th.name, locale).text })),
    workshops: workshops.items.map((w) => ({
      id: w.id,
      title: w.title,
      days: workshopDays(w.startDate, w.endDate).map((d): Option => ({ value: d, label: format.dateTime(calendarDate(d), { dateStyle: "medium" }) })),
    })),
    sources: sources.map((s): Option => ({ value: s.id, label: s.title })),
    outcomes,
  };
}
