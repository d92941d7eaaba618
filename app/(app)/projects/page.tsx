import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { ButtonLink } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { Badge } from "@/components/ui/badge";
import { ChoiceFilter, optionsOf, SearchField, SortSelect } from "@/components/list-page/filter-fields";
import { isFiltered, readFilters, type Filters } from "@/components/list-page/filters";
import { ListFilters } from "@/components/list-page/list-filters";
import { PagedTable } from "@/components/list-page/paged-list";
import { projectStatuses } from "@/db/schema";
import { countryName } from "@/lib/i18n/countries";
import { calendarDate } from "@/lib/i18n/dates";
import { projectSorts } from "@/lib/projects/schemas";
import { listProjects } from "@/lib/projects/use-cases";
import { can, globalAccess } from "@/lib/policy";
import { getPageContext, unwrapForPage } from "@/lib/request-context";
import { NarrativeText } from "@/components/narrative-text";

const filterNames = ["q", "status", "sort", "dir"] as const;

export default async function ProjectsPage({ searchParams }: { searchParams: Promise<Filters<(typeof filterNames)[number]> & { page?: string }> }) {
  const ctx = await getPageContext();
  const params = await searchParams;
  const filters = readFilters(filterNames, params);
  const [t, tPortfolio, format, locale] = await Promise.all([getTranslations("projects"), getTranslations("portfolio"), getFormatter(), getLocale()]);
  const page = unwrapForPage(await listProjects(ctx, { ...filters, page: params.page }));
  const hasFilters = isFiltered(filters);
  return (
    <>
      <PageHeader
        title={t("title")}
        actions={
          can(globalAccess(ctx.user), "administration") && (
            <>
              <ButtonLink href="/projects/portfolio" variant="secondary">
                {tPortfolio("title")}
              </ButtonLink>
              <ButtonLink href="/projects/new">{t("new")}</ButtonLink>
            </>
          )
        }
      />
      <ListFilters resetHref="/projects" hasFilters={hasFilters} className="sm:grid-cols-[2fr_1fr_1fr_auto] sm:items-end">
        <SearchField value={filters.q} />
        <ChoiceFilter name="status" label={t("status")} anyLabel={t("allStatuses")} value={filters.status} options={optionsOf(projectStatuses, (s) => t(`statuses.${s}`))} />
        <SortSelect value={filters.sort ?? "startDate"} options={optionsOf(projectSorts, (s) => t(`sort.${s}`))} />
      </ListFilters>
      <PagedTable
        page={page}
        summary={t("count", { count: page.total })}
        emptyMessage={hasFilters ? t("noMatch") : t("empty")}
        basePath="/projects"
        params={filters}
        caption={t("title")}
        columns={[
          { label: t("code"), className: "hidden sm:table-cell", cellClassName: "whitespace-nowrap font-mono text-xs", cell: (p) => p.code },
          {
            label: t("name"),
            cell: (p) => (
              <>
                <Link href={`/projects/${p.id}`}>
                  <NarrativeText text={p.name} as="title" />
                </Link>
                <span className="block font-mono text-xs text-slate-600 sm:hidden">{p.code}</span>
              </>
            ),
          },
          { label: t("country"), className: "hidden sm:table-cell", cell: (p) => countryName(p.country, locale) },
          {
            label: t("period"),
            cellClassName: "sm:whitespace-nowrap",
            cell: (p) => format.dateTimeRange(calendarDate(p.startDate), calendarDate(p.endDate), { dateStyle: "medium" }),
          },
          { label: t("status"), cell: (p) => <Badge>{t(`statuses.${p.status}`)}</Badge> },
        ]}
      />
    </>
  );
}
