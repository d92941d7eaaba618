import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { NarrativeText } from "@/components/narrative-text";
import { ButtonLink, buttonClass } from "@/components/ui/button";
import { DownloadLink } from "@/components/ui/download-link";
import { EmptyState } from "@/components/ui/empty-state";
import { SelectField } from "@/components/ui/field";
import { FilterActions } from "@/components/ui/filter-actions";
import { PageHeader } from "@/components/ui/page-header";
import { Table, Td, Th } from "@/components/ui/table";
import { resultLevels, type IndicatorUnit } from "@/db/schema/values";
import { calendarDate } from "@/lib/i18n/dates";
import { getPmf } from "@/lib/indicators/pmf";
import { listPeriods } from "@/lib/indicators/use-cases";
import { getPageContext, unwrapForPage } from "@/lib/request-context";
import { ProgressMark } from "../indicators/_components/progress-mark";

type SearchParams = Promise<{ level?: string; periodId?: string }>;

/**
 * The project's performance measurement framework in GAC's layout: each indicator with the result
 * it measures, its baseline, sources, methods, frequency and responsibility, then per period its
 * target, actual and % of target, each actual leading to the indicator page that shows how it was made.
 */
export default async function PmfPage({ params, searchParams }: { params: Promise<{ projectId: string }>; searchParams: SearchParams }) {
  const [{ projectId }, filters] = await Promise.all([params, searchParams]);
  const ctx = await getPageContext();
  const [pmf, { items: allPeriods, canEdit }] = await Promise.all([
    getPmf(ctx, { projectId, level: filters.level ?? null, periodId: filters.periodId ?? null }).then(unwrapForPage),
    listPeriods(ctx, { projectId }).then(unwrapForPage),
  ]);
  const [t, tIndicators, tLogicModel, tCalculations, tAnnual, format, locale] = await Promise.all([
    getTranslations("pmf"),
    getTranslations("indicators"),
    getTranslations("logicModel"),
    getTranslations("calculations"),
    getTranslations("annualReport"),
    getFormatter(),
    getLocale(),
  ]);
  const figure = (value: number | null, unit: IndicatorUnit) => {
    if (value === null) return "—";
    if (unit === "yes_no") return value === 1 ? tIndicators("yes") : tIndicators("no");
    if (unit === "percentage") return format.number(value / 100, { style: "percent", maximumFractionDigits: 1 });
    return format.number(value);
  };
  const base = `/projects/${projectId}`;
  const hasFilters = Boolean(filters.level || filters.periodId);
  const exportHref = (format: "xlsx" | "docx") => {
    const query = new URLSearchParams({ format, lang: locale });
    if (filters.level) query.set("level", filters.level);
    if (filters.periodId) query.set("periodId", filters.periodId);
    return `/api/v1/projects/${projectId}/pmf/export?${query}`;
  };
  return (
    <>
      <PageHeader
        title={t("title")}
        actions={
          <div className="flex flex-wrap gap-2">
            <DownloadLink href={exportHref("xlsx")}>{t("exportXlsx")}</DownloadLink>
            <DownloadLink href={exportHref("docx")}>{t("exportDocx")}</DownloadLink>
            {canEdit && (
              <ButtonLink href={`${base}/pmf/import`} variant="secondary">
                {t("import")}
              </ButtonLink>
            )}
          </div>
        }
      />
      <p className="mb-4 text-slate-700">{t("intro")}</p>
      <form className="mb-4 flex flex-wrap items-end gap-3" aria-label={t("filters")}>
        <SelectField
          name="level"
          label={t("level")}
          defaultValue={filters.level ?? ""}
          options={[{ value: "", label: t("allLevels") }, ...resultLevels.map((l) => ({ value: l, label: tLogicModel(`levels.${l}`) }))]}
        />
        <SelectField
          name="periodId"
          label={tIndicators("period")}
          defaultValue={filters.periodId ?? ""}
          options={[{ value: "", label: t("allPeriods") }, ...allPeriods.map((p) => ({ value: p.id, label: p.name }))]}
        />
        <FilterActions resetHref={`${base}/pmf`} hasFilters={hasFilters} />
      </form>
      {allPeriods.length > 0 && (
        <form method="get" action={`/api/v1/projects/${projectId}/annual-report`} className="mb-4 flex flex-wrap items-end gap-3" aria-label={tAnnual("download")}>
          <input type="hidden" name="lang" value={locale} />
          <SelectField
            name="periodId"
            id="annual-report-period"
            label={tAnnual("download")}
            defaultValue={allPeriods.at(-1)!.id}
            options={allPeriods.map((p) => ({ value: p.id, label: p.name }))}
          />
          <button type="submit" name="format" value="docx" className={buttonClass("secondary")}>
            {tAnnual("word")}
          </button>
          <button type="submit" name="format" value="pdf" className={buttonClass("secondary")}>
            {tAnnual("pdf")}
          </button>
        </form>
      )}
      {pmf.rows.length === 0 ? (
        <EmptyState message={hasFilters ? t("noMatch") : t("empty")} />
      ) : (
        <Table caption={t("title")}>
          <thead>
            <tr>
              <Th rowSpan={2} className="min-w-56">
                {tIndicators("result")}
              </Th>
              <Th rowSpan={2} className="min-w-64">
                {tIndicators("statement")}
              </Th>
              <Th rowSpan={2}>{tIndicators("baseline")}</Th>
              <Th rowSpan={2} className="min-w-40">
                {tIndicators("dataSources")}
              </Th>
              <Th rowSpan={2} className="min-w-40">
                {tIndicators("collectionMethods")}
              </Th>
              <Th rowSpan={2}>{tIndicators("frequency")}</Th>
              <Th rowSpan={2}>{tIndicators("responsibility")}</Th>
              {pmf.periods.map((p) => (
                <Th key={p.id} colSpan={3} className="text-center">
                  {p.name}
                </Th>
              ))}
              <Th colSpan={3} className="text-center">
                {t("endOfProject")}
              </Th>
            </tr>
            <tr>
              {[...pmf.periods.map((p) => p.id), "end"].flatMap((key) => [
                <Th key={`${key}-target`}>{tIndicators("target")}</Th>,
                <Th key={`${key}-actual`}>{tCalculations("actual")}</Th>,
                <Th key={`${key}-percent`}>{tCalculations("percentOfTarget")}</Th>,
              ])}
            </tr>
          </thead>
          <tbody>
            {pmf.rows.map(({ result, indicator, cells, project }) => {
              const href = `${base}/indicators/${indicator.id}`;
              const actualLink = (value: number | null, source: string | null, n: number | null) =>
                value === null ? (
                  "—"
                ) : (
                  <Link href={href} className="underline" title={source === "reported" ? tIndicators("reportedFigure") : tIndicators("computedFigure")}>
                    {figure(value, indicator.unit)}
                    {n !== null && <span className="block text-xs text-slate-600">{tCalculations("n", { n: format.number(n) })}</span>}
                    {source === "reported" && <span className="block text-xs text-slate-600">{tIndicators("reportedFigure")}</span>}
                  </Link>
                );
              return (
                <tr key={indicator.id}>
                  <Td>
                    <Link href={`${base}/logic-model/${result.id}`} className="underline">
                      <span className="font-mono">{result.code}</span>
                    </Link>{" "}
                    <NarrativeText text={result.statement} as="title" />
                  </Td>
                  <Td>
                    <Link href={href} className="underline">
                      <span className="font-mono">{indicator.code}</span>
                    </Link>{" "}
                    <NarrativeText text={indicator.statement} as="title" />
                    <span className="block text-xs text-slate-600">{indicator.computed ? t("computed") : t("reported")}</span>
                  </Td>
                  <Td>
                    {figure(indicator.baselineValue, indicator.unit)}
                    {indicator.baselineDate && (
                      <span className="block text-xs text-slate-600">{format.dateTime(calendarDate(indicator.baselineDate), { dateStyle: "medium" })}</span>
                    )}
                  </Td>
                  <Td>{indicator.dataSources || "—"}</Td>
                  <Td>{indicator.collectionMethods || "—"}</Td>
                  <Td>{tIndicators(`frequencies.${indicator.frequency}`)}</Td>
                  <Td>{indicator.responsibility || "—"}</Td>
                  {cells.flatMap((c) => [
                    <Td key={`${c.periodId}-target`}>{figure(c.target, indicator.unit)}</Td>,
                    <Td key={`${c.periodId}-actual`}>{c.withheld ? tCalculations(`withheld.${c.withheld}`) : actualLink(c.actual, c.source, c.n)}</Td>,
                    <Td key={`${c.periodId}-percent`}>
                      <ProgressMark percent={c.percent} status={c.status} />
                    </Td>,
                  ])}
                  <Td>{figure(project.target, indicator.unit)}</Td>
                  <Td>{actualLink(project.actual, indicator.computed ? "computed" : "reported", project.n)}</Td>
                  <Td>
                    <ProgressMark percent={project.percent} status={project.status} />
                  </Td>
                </tr>
              );
            })}
          </tbody>
        </Table>
      )}
    </>
  );
}
