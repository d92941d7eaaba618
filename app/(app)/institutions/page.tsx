import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { ButtonLink } from "@/components/ui/button";
import { ListResults } from "@/components/ui/list-results";
import { FilterActions } from "@/components/ui/filter-actions";
import { ExportLinks } from "@/components/ui/export-links";
import { SelectField, TextField } from "@/components/ui/field";
import { OrderSelect } from "@/components/ui/order-select";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { Table, Td, Th } from "@/components/ui/table";
import { institutionKinds, institutionLevels, institutionSectors } from "@/db/schema/values";
import { listBodies } from "@/lib/bodies/use-cases";
import type { Locale } from "@/lib/i18n/config";
import { countryName, countryOptions } from "@/lib/i18n/countries";
import { institutionSorts } from "@/lib/institutions/schemas";
import { getDirectoryPermissions, listInstitutions } from "@/lib/institutions/use-cases";
import { getPageContext, unwrapForPage } from "@/lib/request-context";

const filterNames = ["q", "country", "sector", "kind", "level", "bodyId", "status", "sort", "dir"] as const;
type Filters = Partial<Record<(typeof filterNames)[number], string>>;

export default async function InstitutionsPage({ searchParams }: { searchParams: Promise<Filters & { page?: string }> }) {
  const ctx = await getPageContext();
  const params = await searchParams;
  // Every filter lives in the URL, so a filtered view can be bookmarked and shared.
  const filters: Filters = Object.fromEntries(filterNames.map((name) => [name, params[name] || undefined]));
  const [t, tCommon, locale] = await Promise.all([getTranslations("institutions"), getTranslations("common"), getLocale()]);
  const page = unwrapForPage(await listInstitutions(ctx, { ...filters, page: params.page }));
  const bodies = unwrapForPage(await listBodies(ctx, {}));
  const { canEdit } = unwrapForPage(await getDirectoryPermissions(ctx, {}));
  const hasFilters = filterNames.some((name) => name !== "sort" && name !== "dir" && filters[name]);
  const any = (label: string) => [{ value: "", label }];
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
      <form method="get" role="search" className="mb-4 grid gap-3 sm:grid-cols-2 lg:grid-cols-4 lg:items-end">
        <TextField name="q" type="search" label={tCommon("search")} hint={t("searchHint")} defaultValue={filters.q} className="sm:col-span-2" />
        <SelectField name="country" label={t("country")} defaultValue={filters.country ?? ""} options={[...any(t("anyCountry")), ...countryOptions(locale as Locale)]} />
        <SelectField
          name="sector"
          label={t("sector")}
          defaultValue={filters.sector ?? ""}
          options={[...any(t("anySector")), ...institutionSectors.map((v) => ({ value: v, label: t(`sectors.${v}`) }))]}
        />
        <SelectField
          name="kind"
          label={t("kind")}
          defaultValue={filters.kind ?? ""}
          options={[...any(t("anyKind")), ...institutionKinds.map((v) => ({ value: v, label: t(`kinds.${v}`) }))]}
        />
        <SelectField
          name="level"
          label={t("level")}
          defaultValue={filters.level ?? ""}
          options={[...any(t("anyLevel")), ...institutionLevels.map((v) => ({ value: v, label: t(`levels.${v}`) }))]}
        />
        <SelectField
          name="bodyId"
          label={t("body")}
          defaultValue={filters.bodyId ?? ""}
          options={[...any(t("anyBody")), ...bodies.map((b) => ({ value: b.id, label: b.acronym || b.name }))]}
        />
        <SelectField
          name="status"
          label={t("status")}
          defaultValue={filters.status ?? "active"}
          options={(["active", "archived", "all"] as const).map((v) => ({ value: v, label: t(`statuses.${v}`) }))}
        />
        <SelectField name="sort" label={tCommon("sortBy")} defaultValue={filters.sort ?? "name"} options={institutionSorts.map((v) => ({ value: v, label: t(`sort.${v}`) }))} />
        <OrderSelect value={filters.dir === "desc" ? "desc" : "asc"} />
        <FilterActions resetHref="/institutions" hasFilters={hasFilters} />
      </form>
      <ListResults summary={t("count", { count: page.total })} isEmpty={page.items.length === 0} emptyMessage={hasFilters ? t("noMatch") : t("empty")}>
        <Table caption={t("title")}>
          <thead>
            <tr>
              <Th>{t("name")}</Th>
              <Th className="hidden sm:table-cell">{t("country")}</Th>
              <Th>{t("sector")}</Th>
              <Th className="hidden md:table-cell">{t("kind")}</Th>
              <Th className="hidden md:table-cell">{t("parent")}</Th>
            </tr>
          </thead>
          <tbody>
            {page.items.map((i) => (
              <tr key={i.id}>
                <Td>
                  <Link href={`/institutions/${i.id}`}>{i.name}</Link>
                  {i.acronym && <span className="ml-1 text-slate-600">({i.acronym})</span>}
                  {!i.isActive && (
                    <span className="ml-2">
                      <Badge>{t("statuses.archived")}</Badge>
                    </span>
                  )}
                </Td>
                <Td className="hidden sm:table-cell">{countryName(i.country, locale as Locale)}</Td>
                <Td>{t(`sectors.${i.sector}`)}</Td>
                <Td className="hidden md:table-cell">{t(`kinds.${i.kind}`)}</Td>
                <Td className="hidden md:table-cell">{i.parentName ?? "—"}</Td>
              </tr>
            ))}
          </tbody>
        </Table>
      </ListResults>
      <Pagination page={page.page} pageSize={page.pageSize} total={page.total} basePath="/institutions" params={filters} />
    </>
  );
}
