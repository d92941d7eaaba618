import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { ButtonLink } from "@/components/ui/button";
import { ExportLinks } from "@/components/ui/export-links";
import { OrderSelect } from "@/components/ui/order-select";
import { PageHeader } from "@/components/ui/page-header";
import { ChoiceFilter, optionsOf, SearchField, SortSelect } from "@/components/list-page/filter-fields";
import { isFiltered, readFilters, type Filters } from "@/components/list-page/filters";
import { ListFilters } from "@/components/list-page/list-filters";
import { PagedTable } from "@/components/list-page/paged-list";
import { SelectField } from "@/components/ui/field";
import { institutionKinds, institutionLevels, institutionSectors } from "@/db/schema/values";
import { listBodies } from "@/lib/bodies/use-cases";
import { countryName, countryOptions } from "@/lib/i18n/countries";
import { institutionSorts } from "@/lib/institutions/schemas";
import { getDirectoryPermissions, listInstitutions } from "@/lib/institutions/use-cases";
import { getPageContext, unwrapForPage } from "@/lib/request-context";

const filterNames = ["q", "country", "sector", "kind", "level", "bodyId", "status", "sort", "dir"] as const;

export default async function InstitutionsPage({ searchParams }: { searchParams: Promise<Filters<(typeof filterNames)[number]> & { page?: string }> }) {
  const ctx = await getPageContext();
  const params = await searchParams;
  const filters = readFilters(filterNames, params);
  const [t, locale] = await Promise.all([getTranslations("institutions"), getLocale()]);
  const page = unwrapForPage(await listInstitutions(ctx, { ...filters, page: params.page }));
  const bodies = unwrapForPage(await listBodies(ctx, {}));
  const { canEdit } = unwrapForPage(await getDirectoryPermissions(ctx, {}));
  const hasFilters = isFiltered(filters);
  return (
    <>
      <PageHeader
        title={t("title")}
        actions={
          <>
            <ExportLinks endpoint="/api/v1/institutions/export" params={filters} />
            {canEdit && <ButtonLink href="/institutions/new">{t("new")}</ButtonLink>}
          </>
        }
      />
      <ListFilters resetHref="/institutions" hasFilters={hasFilters} className="sm:grid-cols-2 lg:grid-cols-4 lg:items-end">
        <SearchField value={filters.q} hint={t("searchHint")} className="sm:col-span-2" />
        <ChoiceFilter name="country" label={t("country")} anyLabel={t("anyCountry")} value={filters.country} options={countryOptions(locale)} />
        <ChoiceFilter name="sector" label={t("sector")} anyLabel={t("anySector")} value={filters.sector} options={optionsOf(institutionSectors, (v) => t(`sectors.${v}`))} />
        <ChoiceFilter name="kind" label={t("kind")} anyLabel={t("anyKind")} value={filters.kind} options={optionsOf(institutionKinds, (v) => t(`kinds.${v}`))} />
        <ChoiceFilter name="level" label={t("level")} anyLabel={t("anyLevel")} value={filters.level} options={optionsOf(institutionLevels, (v) => t(`levels.${v}`))} />
        <ChoiceFilter name="bodyId" label={t("body")} anyLabel={t("anyBody")} value={filters.bodyId} options={bodies.map((b) => ({ value: b.id, label: b.acronym || b.name }))} />
        <SelectField name="status" label={t("status")} defaultValue={filters.status ?? "active"} options={optionsOf(["active", "archived", "all"], (v) => t(`statuses.${v}`))} />
        <SortSelect value={filters.sort ?? "name"} options={optionsOf(institutionSorts, (v) => t(`sort.${v}`))} />
        <OrderSelect value={filters.dir === "desc" ? "desc" : "asc"} />
      </ListFilters>
      <PagedTable
        page={page}
        summary={t("count", { count: page.total })}
        emptyMessage={hasFilters ? t("noMatch") : t("empty")}
        basePath="/institutions"
        params={filters}
        caption={t("title")}
        columns={[
          {
            label: t("name"),
            cell: (i) => (
              <>
                <Link href={`/institutions/${i.id}`}>{i.name}</Link>
                {i.acronym && <span className="ml-1 text-slate-600">({i.acronym})</span>}
                {!i.isActive && (
                  <span className="ml-2">
                    <Badge>{t("statuses.archived")}</Badge>
                  </span>
                )}
              </>
            ),
          },
          { label: t("country"), className: "hidden sm:table-cell", cell: (i) => countryName(i.country, locale) },
          { label: t("sector"), cell: (i) => t(`sectors.${i.sector}`) },
          { label: t("kind"), className: "hidden md:table-cell", cell: (i) => t(`kinds.${i.kind}`) },
          { label: t("parent"), className: "hidden md:table-cell", cell: (i) => i.parentName ?? "—" },
        ]}
      />
    </>
  );
}
