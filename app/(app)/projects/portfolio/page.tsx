import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { PinnedFigurePhrase } from "@/components/evaluations/pinned-figure-phrase";
import { PageHeader } from "@/components/ui/page-header";
import { ListTable } from "@/components/list-page/list-table";
import { percentOf } from "@/lib/evaluations/results";
import { narrativeFor } from "@/lib/narrative";
import { getPortfolio } from "@/lib/reports/portfolio";
import { getPageContext, unwrapForPage } from "@/lib/request-context";
import { NarrativeText } from "@/components/narrative-text";
import type { IndicatorUnit } from "@/db/schema/values";

/** The administrator's view of every project side by side. */
export default async function PortfolioPage() {
  const ctx = await getPageContext();
  const rows = unwrapForPage(await getPortfolio(ctx, {}));
  const [t, tIndicators, format, locale] = await Promise.all([getTranslations("portfolio"), getTranslations("indicators"), getFormatter(), getLocale()]);
  const figure = (value: number, unit: IndicatorUnit) =>
    unit === "percentage" ? format.number(value / 100, { style: "percent" }) : unit === "yes_no" ? tIndicators(value === 1 ? "yes" : "no") : format.number(value);
  return (
    <>
      <PageHeader title={t("title")} />
      <ListTable
        caption={t("title")}
        rows={rows}
        emptyMessage={t("empty")}
        columns={[
          {
            label: t("project"),
            cell: (p) => (
              <>
                <Link href={`/projects/${p.id}`}>{p.code}</Link>
                <span className="block text-xs text-slate-700">
                  <NarrativeText text={p.name} as="title" />
                </span>
              </>
            ),
          },
          { label: t("workshops"), cell: (p) => format.number(p.workshopsHeld) },
          { label: t("people"), cell: (p) => format.number(p.participants) },
          { label: t("women"), cell: (p) => (p.participants ? format.number(percentOf(p.women, p.participants) / 100, { style: "percent" }) : "—") },
          { label: t("institutions"), cell: (p) => format.number(p.institutions) },
          { label: t("findings"), cell: (p) => format.number(p.findings) },
          {
            label: t("actions"),
            cell: (p) => (
              <>
                {format.number(p.actions)}
                {p.overdueActions > 0 && <span className="block text-xs text-red-800">{t("overdue", { count: p.overdueActions })}</span>}
              </>
            ),
          },
          {
            label: t("behind"),
            cell: (p) =>
              p.indicators === 0 ? (
                t("noIndicators")
              ) : p.behind.length === 0 ? (
                t("noneBehind", { count: p.indicators })
              ) : (
                <>
                  <Link href={`/projects/${p.id}/pmf`} className="underline">
                    {t("behindCount", { count: p.behind.length, total: p.indicators, period: p.behind[0]!.period })}
                  </Link>
                  {p.behind.map((b) => (
                    <span key={b.code} className="block text-xs">
                      <span className="font-mono">{b.code}</span> {narrativeFor(b.statement, locale).text} —{" "}
                      {t("targetActual", { target: figure(b.target, b.unit), actual: figure(b.actual, b.unit) })}
                    </span>
                  ))}
                </>
              ),
          },
          {
            label: t("figures"),
            cell: (p) =>
              p.pinned.map((f, i) => (
                <span key={i} className="block text-xs">
                  <PinnedFigurePhrase pinned={f} /> — {narrativeFor(f.statement, locale).text}
                </span>
              )),
          },
        ]}
      />
    </>
  );
}
