import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { ButtonLink } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { calendarDate } from "@/lib/i18n/dates";
import { listMissionMonth } from "@/lib/missions/use-cases";
import { getPageContext, unwrapForPage } from "@/lib/request-context";
import { narrativeFor } from "@/lib/narrative";

const isoDay = (d: Date) => d.toISOString().slice(0, 10);

function shiftMonth(month: string, by: number): string {
  const d = new Date(`${month}-01T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + by);
  return d.toISOString().slice(0, 7);
}

/** A month grid (weeks start on Monday) with each day's missions; on a phone it reads as a list of days. */
export async function MissionCalendar({ projectId, month: asked }: { projectId: string; month?: string }) {
  const ctx = await getPageContext();
  const month = asked && /^\d{4}-(0[1-9]|1[0-2])$/.test(asked) ? asked : new Date().toISOString().slice(0, 7);
  const missions = unwrapForPage(await listMissionMonth(ctx, { projectId, month }));
  const [t, format, locale] = await Promise.all([getTranslations("missions"), getFormatter(), getLocale()]);
  const first = new Date(`${month}-01T00:00:00Z`);
  const start = new Date(first);
  start.setUTCDate(1 - ((first.getUTCDay() + 6) % 7));
  const cells: Date[] = [];
  for (const d = new Date(start); cells.length < 42; d.setUTCDate(d.getUTCDate() + 1)) cells.push(new Date(d));
  const weeks = cells.filter((_, i) => i < 35 || cells[35]!.getUTCMonth() === first.getUTCMonth());
  const basePath = `/projects/${projectId}/missions`;
  const title = format.dateTime(calendarDate(`${month}-01`), { month: "long", year: "numeric" });
  const weekdays = cells.slice(0, 7).map((d) => format.dateTime(calendarDate(isoDay(d)), { weekday: "short" }));
  return (
    <section aria-labelledby="calendar-title">
      <div className="mb-3 flex items-center justify-between gap-2">
        <ButtonLink href={`${basePath}?view=calendar&month=${shiftMonth(month, -1)}`} variant="secondary" aria-label={t("previousMonth")}>
          ←
        </ButtonLink>
        <h2 id="calendar-title" className="text-lg font-semibold capitalize">
          {title}
        </h2>
        <ButtonLink href={`${basePath}?view=calendar&month=${shiftMonth(month, 1)}`} variant="secondary" aria-label={t("nextMonth")}>
          →
        </ButtonLink>
      </div>
      {missions.length === 0 && <EmptyState message={t("noneThisMonth")} />}
      <ol className="grid grid-cols-1 gap-px overflow-hidden rounded-lg border border-slate-200 bg-slate-200 sm:grid-cols-7">
        {weekdays.map((w) => (
          <li key={w} aria-hidden="true" className="hidden bg-slate-50 p-1 text-center text-xs font-medium text-slate-700 sm:block">
            {w}
          </li>
        ))}
        {weeks.map((d) => {
          const day = isoDay(d);
          const inMonth = d.getUTCMonth() === first.getUTCMonth();
          const those = missions.filter((m) => m.startDate <= day && m.endDate >= day);
          return (
            <li key={day} className={`min-h-16 bg-white p-1 ${inMonth ? "" : "hidden bg-slate-50 text-slate-500 sm:block"} ${those.length === 0 ? "max-sm:hidden" : ""}`}>
              <span className="text-xs">{format.dateTime(calendarDate(day), { weekday: "short", day: "numeric" })}</span>
              <ul>
                {those.map((m) => (
                  <li key={m.id} className="truncate text-xs">
                    <Link href={`${basePath}/${m.id}`}>{narrativeFor(m.title, locale).text}</Link>
                  </li>
                ))}
              </ul>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
