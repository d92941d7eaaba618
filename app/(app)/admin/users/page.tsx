import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { ButtonLink } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { optionsOf, SearchField } from "@/components/list-page/filter-fields";
import { isFiltered, readFilters, type Filters } from "@/components/list-page/filters";
import { ListFilters } from "@/components/list-page/list-filters";
import { PagedTable } from "@/components/list-page/paged-list";
import { SelectField } from "@/components/ui/field";
import { getPageContext, unwrapForPage } from "@/lib/request-context";
import { listUsers } from "@/lib/users/use-cases";

const filterNames = ["q", "status"] as const;

export default async function UsersPage({ searchParams }: { searchParams: Promise<Filters<(typeof filterNames)[number]> & { page?: string }> }) {
  const ctx = await getPageContext();
  const params = await searchParams;
  const filters = readFilters(filterNames, params);
  const [t, tLanguage] = await Promise.all([getTranslations("users"), getTranslations("language")]);
  const page = unwrapForPage(await listUsers(ctx, { ...filters, page: params.page }));
  const hasFilters = isFiltered(filters, { status: "all" });
  return (
    <>
      <PageHeader title={t("title")} actions={<ButtonLink href="/admin/users/new">{t("new")}</ButtonLink>} />
      <ListFilters resetHref="/admin/users" hasFilters={hasFilters} className="sm:grid-cols-[2fr_1fr_auto] sm:items-end">
        <SearchField value={filters.q} />
        <SelectField name="status" label={t("status")} defaultValue={filters.status ?? "all"} options={optionsOf(["all", "active", "inactive"], (s) => t(`statuses.${s}`))} />
      </ListFilters>
      <PagedTable
        page={page}
        summary={t("count", { count: page.total })}
        emptyMessage={t("noMatch")}
        basePath="/admin/users"
        params={filters}
        caption={t("title")}
        columns={[
          {
            label: t("name"),
            cell: (u) => (
              <>
                <Link href={`/admin/users/${u.id}`}>{u.name}</Link> {u.isAdmin && <Badge>{t("admin")}</Badge>}
              </>
            ),
          },
          { label: t("email"), cellClassName: "break-all", cell: (u) => u.email },
          { label: t("locale"), className: "hidden sm:table-cell", cell: (u) => tLanguage(u.locale) },
          { label: t("status"), cell: (u) => (u.isActive ? t("statuses.active") : t("statuses.inactive")) },
        ]}
      />
    </>
  );
}
