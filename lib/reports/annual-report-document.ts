import type { Locale } from "@/db/schema/values";
import type { DocumentSpec, EntrySection, Section } from "@/lib/documents/sections";
import type { Wording } from "@/lib/i18n/wording";
import { documentFigure } from "@/lib/indicators/pmf-document";
import { narrativeFor } from "@/lib/narrative";
import type { AnnualReport } from "./annual-report";

/** The annual progress report in the chosen language: results against the period's targets, then the activities behind each output. */
export function annualReportDocument(report: AnnualReport, locale: Locale, wording: Wording): DocumentSpec {
  const { t, period } = wording;
  const text = (n: Parameters<typeof narrativeFor>[0]) => narrativeFor(n, locale).text;
  const results: Section = {
    title: t("annualReport.results", { period: report.period.name }),
    headers: [
      t("pmf.columns.indicatorCode"),
      t("pmf.columns.indicator"),
      t("indicators.target"),
      t("calculations.actual"),
      t("calculations.percentOfTarget"),
      t("annualReport.status"),
    ],
    rows: report.rows.map(({ indicator, cells }) => {
      const cell = cells[0]!;
      return [
        indicator.code,
        text(indicator.statement),
        documentFigure(cell.target, indicator.unit, t),
        documentFigure(cell.actual, indicator.unit, t),
        cell.percent === null ? "—" : `${cell.percent} %`,
        t(`indicators.progress.${cell.status}`),
      ];
    }),
    empty: t("pmf.empty"),
  };
  const activities: EntrySection = {
    title: t("annualReport.activities"),
    entries: report.outputs.map((o) => ({
      heading: `${o.result.code} — ${text(o.result.statement)}`,
      lines: [
        ...o.workshops.map((w) => t("annualReport.workshop", { title: w.title, when: period(w.startDate, w.endDate), status: t(`workshops.statuses.${w.status}`) })),
        ...o.missions.map((m) => t("annualReport.mission", { title: text(m.title), when: period(m.startDate, m.endDate), status: t(`missions.statuses.${m.status}`) })),
        ...o.actions.map((a) => t("annualReport.action", { title: a.title, status: t(`improvementActions.statuses.${a.status}`) })),
      ].concat(o.workshops.length + o.missions.length + o.actions.length === 0 ? [t("annualReport.nothingLinked")] : []),
    })),
    empty: t("annualReport.noOutputs"),
  };
  return {
    title: `${t("annualReport.title")} — ${text(report.project.name)}`,
    subtitle: `${report.period.name} (${period(report.period.startDate, report.period.endDate)})`,
    sections: [results, activities],
  };
}
