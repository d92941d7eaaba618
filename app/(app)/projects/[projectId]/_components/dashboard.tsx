import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { BarList } from "@/components/ui/bar-list";
import { PinnedFigurePhrase } from "@/components/evaluations/pinned-figure-phrase";
import { DateField } from "@/components/ui/date-field";
import { percentOf } from "@/lib/evaluations/results";
import { narrativeFor } from "@/lib/narrative";
import type { FieldErrors } from "@/lib/result";
import type { getDashboard } from "@/lib/reports/dashboard";

type Dashboard = Extract<Awaited<ReturnType<typeof getDashboard>>, { ok: true }>["data"];

function Panel({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <section aria-label={title} className="rounded-lg border border-slate-200 bg-white p-4">
      <h3 className="mb-2 font-semibold">{title}</h3>
      {children}
    </section>
  );
}

/**
 * A breakdown folded under its title, so a phone shows the figures first rather than a column of
 * bars; the title is a button that screen readers announce as collapsed, and opening it shows all.
 */
function Fold({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <details className="rounded-lg border border-slate-200 bg-white">
      <summary className="cursor-pointer p-4">
        <h3 className="inline font-semibold">{title}</h3>
      </summary>
      <section aria-label={title} className="px-4 pb-4">
        {children}
      </section>
    </details>
  );
}

/** The project page's dashboard: the figures and the pinned evaluation results first, then the period they cover, then the breakdowns folded. */
export async function ProjectDashboard({ dashboard, period, periodErrors }: { dashboard: Dashboard; period: { from?: string; to?: string }; periodErrors?: FieldErrors }) {
  const [t, tp, tw, ti, tf, ta, tv, format, locale] = await Promise.all([
    getTranslations("dashboard"),
    getTranslations("projects"),
    getTranslations("workshops"),
    getTranslations("institutions"),
    getTranslations("findings"),
    getTranslations("improvementActions"),
    getTranslations("validation"),
    getFormatter(),
    getLocale(),
  ]);
  const { attendance } = dashboard;
  const sum = <R extends { count: number }>(rows: R[], key: (r: R) => string) => {
    const totals = new Map<string, number>();
    for (const r of rows) totals.set(key(r), (totals.get(key(r)) ?? 0) + r.count);
    return [...totals].map(([label, value]) => ({ label, value })).sort((a, b) => b.value - a.value);
  };
  const tiles = [
    [tp("uniqueParticipants"), format.number(attendance.participants)],
    // The one rounding rule of every published percentage (lib/evaluations/results.ts).
    [tp("womenShare"), attendance.participants ? format.number(percentOf(attendance.women, attendance.participants) / 100, { style: "percent" }) : "—"],
    [tp("workshopsHeld"), format.number(dashboard.workshopsHeld)],
    [tp("attendances"), format.number(attendance.attendances)],
    [tp("institutionsReached"), format.number(dashboard.institutionsReached)],
  ];
  return (
    <section aria-labelledby="at-a-glance" className="mb-8 flex flex-col gap-4">
      <h2 id="at-a-glance" className="text-lg font-semibold">
        {tp("atAGlance")}
      </h2>
      <dl className="grid grid-cols-2 gap-2 sm:grid-cols-5">
        {tiles.map(([label, value]) => (
          <div key={label} className="rounded-md border border-slate-200 bg-white p-3">
            <dt className="text-xs text-slate-700">{label}</dt>
            <dd className="text-2xl font-semibold">{value}</dd>
          </div>
        ))}
      </dl>
      <Panel title={t("pinned")}>
        {dashboard.pinned.length === 0 ? (
          <p className="text-sm text-slate-700">{t("nothingPinned")}</p>
        ) : (
          <ul className="flex flex-col gap-3">
            {dashboard.pinned.map((p, i) => (
              <li key={i}>
                <p className="text-xl font-semibold text-teal-900">
                  <PinnedFigurePhrase pinned={p} />
                </p>
                <p className="text-sm text-slate-800">{narrativeFor(p.statement, locale).text}</p>
                <p className="text-xs text-slate-700">{narrativeFor(p.evaluationTitle, locale).text}</p>
              </li>
            ))}
          </ul>
        )}
      </Panel>
      <form method="get" className="flex flex-wrap items-end gap-2" aria-label={t("period")}>
        {(["from", "to"] as const).map((name) => (
          <DateField
            key={name}
            name={name}
            label={t(name)}
            defaultValue={period[name] ?? ""}
            error={periodErrors?.[name] ? tv(periodErrors[name].key, periodErrors[name].values) : undefined}
          />
        ))}
        <button type="submit" className="rounded-md border border-slate-400 bg-white px-3 py-2 font-medium text-slate-900">
          {t("apply")}
        </button>
      </form>
      <div className="grid items-start gap-4 md:grid-cols-2">
        <Fold title={t("workshopsByType")}>
          <BarList label={t("workshopsByType")} items={dashboard.workshopsByType.map((w) => ({ label: tw(`types.${w.key}`), value: w.count }))} empty={t("nothing")} />
        </Fold>
        <Fold title={t("bySector")}>
          <BarList label={t("bySector")} items={dashboard.institutionsBySector.map((s) => ({ label: ti(`sectors.${s.key}`), value: s.count }))} empty={t("nothing")} />
        </Fold>
        <Fold title={t("byKind")}>
          <BarList label={t("byKind")} items={dashboard.institutionsByKind.map((k) => ({ label: ti(`kinds.${k.key}`), value: k.count }))} empty={t("nothing")} />
        </Fold>
        <Fold title={t("bodies")}>
          {dashboard.bodies.length === 0 ? (
            <p className="text-sm text-slate-700">{t("nothing")}</p>
          ) : (
            <ul className="flex flex-col gap-1 text-sm">
              {dashboard.bodies.map((b) => (
                <li key={b.id}>
                  {t.rich("bodyReached", { body: b.acronym || b.name, reached: b.reached, members: b.members, strong: (chunks) => <span className="font-medium">{chunks}</span> })}
                </li>
              ))}
            </ul>
          )}
        </Fold>
        <Fold title={t("findings")}>
          <BarList
            label={t("findings")}
            items={sum(dashboard.findings, (f) => (f.theme ? tf(`themes.${f.theme}`) : narrativeFor(f.projectTheme!, locale).text))}
            empty={t("nothing")}
          />
          {dashboard.findings.length > 0 && <BarList label={t("findingStatuses")} items={sum(dashboard.findings, (f) => tf(`statuses.${f.status}`))} empty={t("nothing")} />}
        </Fold>
        <Fold title={t("actions")}>
          <BarList label={t("actions")} items={sum(dashboard.actions, (a) => ta(`statuses.${a.status}`))} empty={t("nothing")} />
          <p className={`mt-2 text-sm ${dashboard.overdueActions ? "font-semibold text-red-800" : "text-slate-700"}`}>{t("overdue", { count: dashboard.overdueActions })}</p>
        </Fold>
      </div>
    </section>
  );
}
