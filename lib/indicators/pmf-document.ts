import type { IndicatorUnit, Locale } from "@/db/schema/values";
import type { DocumentSpec, Section } from "@/lib/documents/sections";
import type { Wording } from "@/lib/i18n/wording";
import { narrativeFor } from "@/lib/narrative";
import type { Pmf } from "./pmf";

/** The PMF's columns, in GAC's order, with the codes and unit an import needs to read it back; each period adds a target and an actual. */
export const pmfColumns = [
  "resultCode",
  "result",
  "indicatorCode",
  "indicator",
  "unit",
  "baseline",
  "baselineDate",
  "endTarget",
  "dataSources",
  "collectionMethods",
  "frequency",
  "responsibility",
] as const;
export type PmfColumn = (typeof pmfColumns)[number];

/** A period's two columns: "2019-2020 · Target", "2019-2020 · Actual". */
export const periodColumn = (wording: Pick<Wording, "t">, period: string, which: "target" | "actual") =>
  `${period} · ${wording.t(which === "target" ? "pmf.columns.periodTarget" : "pmf.columns.periodActual")}`;

/** A figure as a document writes it: "76 %", "Yes", "35"; a dash for none. */
export function documentFigure(value: number | null, unit: IndicatorUnit, t: Wording["t"]): string {
  if (value === null) return "—";
  if (unit === "yes_no") return value === 1 ? t("indicators.yes") : t("indicators.no");
  return unit === "percentage" ? `${value} %` : String(value);
}

/**
 * The results a report closes on: per indicator its baseline, final target and final actual, and,
 * where it is broken down by sex, the final actual for women, men, and people of another sex or none recorded.
 */
export function resultsSection(rows: Pmf["rows"], locale: Locale, wording: Wording): Section {
  const { t } = wording;
  const bySex = (row: Pmf["rows"][number], ...sexes: string[]) =>
    row.indicator.disaggregations.includes("sex") && row.project.actual !== null ? String(sexes.reduce((sum, s) => sum + (row.project.groups[`sex:${s}`] ?? 0), 0)) : "—";
  return {
    title: t("pmf.results"),
    headers: [
      t("pmf.columns.indicatorCode"),
      t("pmf.columns.indicator"),
      t("pmf.columns.baseline"),
      t("pmf.finalTarget"),
      t("pmf.finalActual"),
      t("pmf.women"),
      t("pmf.men"),
      t("pmf.otherSex"),
    ],
    rows: rows.map((row) => [
      row.indicator.code,
      narrativeFor(row.indicator.statement, locale).text,
      documentFigure(row.indicator.baselineValue, row.indicator.unit, t),
      documentFigure(row.project.target, row.indicator.unit, t),
      documentFigure(row.project.actual, row.indicator.unit, t),
      bySex(row, "woman"),
      bySex(row, "man"),
      bySex(row, "other", "not_stated"),
    ]),
    empty: t("pmf.empty"),
  };
}

/** The performance measurement framework as one table in the chosen language: one row per indicator (and per result nothing measures yet), figures as numbers. */
export function pmfDocument(pmf: Pmf, locale: Locale, wording: Wording): DocumentSpec<Section> {
  const { t } = wording;
  const text = (n: Parameters<typeof narrativeFor>[0]) => narrativeFor(n, locale).text;
  const section: Section = {
    title: t("pmf.title"),
    headers: [...pmfColumns.map((c) => t(`pmf.columns.${c}`)), ...pmf.periods.flatMap((p) => [periodColumn(wording, p.name, "target"), periodColumn(wording, p.name, "actual")])],
    rows: pmf.results.flatMap((result) => {
      const measured = pmf.rows.filter((r) => r.result.id === result.id);
      // A result nothing measures yet keeps its row, so the file holds the whole chain.
      if (measured.length === 0) return [[result.code, text(result.statement)]];
      return measured.map(({ indicator, cells, project }) => [
        result.code,
        text(result.statement),
        indicator.code,
        text(indicator.statement),
        t(`indicators.units.${indicator.unit}`),
        indicator.baselineValue ?? "",
        indicator.baselineDate ?? "",
        project.target ?? "",
        indicator.dataSources,
        indicator.collectionMethods,
        t(`indicators.frequencies.${indicator.frequency}`),
        indicator.responsibility,
        ...cells.flatMap((c) => [c.target ?? "", c.actual ?? ""]),
      ]);
    }),
    empty: t("pmf.empty"),
  };
  return { title: t("pmf.title"), subtitle: `${text(pmf.project.name)} (${pmf.project.code})`, sections: [section] };
}
