import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { ButtonLink } from "@/components/ui/button";
import { ListResults } from "@/components/ui/list-results";
import { FilterActions } from "@/components/ui/filter-actions";
import { SelectField, TextField } from "@/components/ui/field";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { Table, Td, Th } from "@/components/ui/table";
import { Badge } from "@/components/ui/badge";
import { projectStatuses } from "@/db/schema";
import type { Locale } from "@/lib/i18n/config";
import { countryName } from "@/lib/i18n/countries";
import { calendarDate } from "@/lib/i18n/dates";
import { projectSorts } from "@/lib/projects/schemas";
import { listProjects } from "@/lib/projects/use-cases";
import { can, globalAccess } from "@/lib/policy";
import { getPageContext, unwrapForPage } from "@/lib/request-context";

type SearchParams = { q?: string; status?: string; sort?: string; dir?: string; page?: string };

export default async function ProjectsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const ctx = await getPageContext();
  const params = await searchParams;
  const filters = {
    q: params.q || undefined,
    status: params.status || undefined,
    sort: params.sort || undefined,
    dir: params.dir || undefined,
  };
  const [t, tCommon, tPortfolio, format, locale] = await Promise.all([getTranslations("projects"), getTranslations("common"), getTranslations("portfolio"), getFormatter(), getLocale()]);
  const page = unwrapForPage(await listProjects(ctx, { ...filters, page: params.page }));
  const hasFilters = Boolean(filters.q || filters.status);
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
      <form method="get" role="search" className="mb-4 grid gap-3 sm:grid-cols-[2fr_1fr_1fr_auto] sm:items-end">
        <TextField name="q" type="search" label={tCommon("search")} defaultValue={filters.q} />
        <SelectField
          name="status"
          label={t("status")}
          defaultValue={filters.status ?? ""}
          options={[{ value: "", label: t("allStatuses") }, ...projectStatuses.map((s) => ({ value: s, label: t(`statuses.${s}`) }))]}
        />
        <SelectField
          name="sort"
          label={tCommon("sortBy")}
          defaultValue={filters.sort ?? "startDate"}
          options={projectSorts.map((s) => ({ value: s, label: t(`sort.${s}`) }))}
        />
        <FilterActions resetHref="/projects" hasFilters={hasFilters} />
      </form>
      <ListResults summary={t("count", { count: page.total })} isEmpty={page.items.length === 0} emptyMessage={hasFilters ? t("noMatch") : t("empty")}>
        <Table caption={t("title")}>
          <thead>
            <tr>
              <Th className="hidden sm:table-cell">{t("code")}</Th>
              <Th>{t("name")}</Th>
              <Th className="hidden sm:table-cell">{t("country")}</Th>
              <Th>{t("period")}</Th>
              <Th>{t("status")}</Th>
            </tr>
          </thead>
          <tbody>
            {page.items.map((p) => (
              <tr key={p.id}>
                <Td className="hidden whitespace-nowrap font-mono text-xs sm:table-cell">{p.code}</Td>
                <Td>
                  <Link href={`/projects/${p.id}`}>{p.name}</Link>
                  <span className="block font-mono text-xs text-slate-600 sm:hidden">{p.code}</span>
                </Td>
                <Td className="hidden sm:table-cell">{countryName(p.country, locale as Locale)}</Td>
                <Td className="sm:whitespace-nowrap">
                  {format.dateTimeRange(calendarDate(p.startDate), calendarDate(p.endDate), { dateStyle: "medium" })}
                </Td>
                <Td>
                  <Badge>{t(`statuses.${p.status}`)}</Badge>
                </Td>
              </tr>
            ))}
          </tbody>
        </Table>
      </ListResults>
      <Pagination page={page.page} pageSize={page.pageSize} total={page.total} basePath="/projects" params={filters} />
    </>
  );
}
