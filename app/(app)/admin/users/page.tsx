import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { ButtonLink } from "@/components/ui/button";
import { ListResults } from "@/components/ui/list-results";
import { FilterActions } from "@/components/ui/filter-actions";
import { SelectField, TextField } from "@/components/ui/field";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { Table, Td, Th } from "@/components/ui/table";
import { getPageContext, unwrapForPage } from "@/lib/request-context";
import { listUsers } from "@/lib/users/use-cases";

type SearchParams = { q?: string; status?: string; page?: string };

export default async function UsersPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const ctx = await getPageContext();
  const params = await searchParams;
  const filters = { q: params.q || undefined, status: params.status || undefined };
  const [t, tCommon, tLanguage] = await Promise.all([getTranslations("users"), getTranslations("common"), getTranslations("language")]);
  const page = unwrapForPage(await listUsers(ctx, { ...filters, page: params.page }));
  const hasFilters = Boolean(filters.q || (filters.status && filters.status !== "all"));
  return (
    <>
      <PageHeader title={t("title")} actions={<ButtonLink href="/admin/users/new">{t("new")}</ButtonLink>} />
      <form method="get" role="search" className="mb-4 grid gap-3 sm:grid-cols-[2fr_1fr_auto] sm:items-end">
        <TextField name="q" type="search" label={tCommon("search")} defaultValue={filters.q} />
        <SelectField
          name="status"
          label={t("status")}
          defaultValue={filters.status ?? "all"}
          options={(["all", "active", "inactive"] as const).map((s) => ({ value: s, label: t(`statuses.${s}`) }))}
        />
        <FilterActions resetHref="/admin/users" hasFilters={hasFilters} />
      </form>
      <ListResults summary={t("count", { count: page.total })} isEmpty={page.items.length === 0} emptyMessage={t("noMatch")}>
        <Table caption={t("title")}>
          <thead>
            <tr>
              <Th>{t("name")}</Th>
              <Th>{t("email")}</Th>
              <Th className="hidden sm:table-cell">{t("locale")}</Th>
              <Th>{t("status")}</Th>
            </tr>
          </thead>
          <tbody>
            {page.items.map((u) => (
              <tr key={u.id}>
                <Td>
                  <Link href={`/admin/users/${u.id}`}>{u.name}</Link> {u.isAdmin && <Badge>{t("admin")}</Badge>}
                </Td>
                <Td className="break-all">{u.email}</Td>
                <Td className="hidden sm:table-cell">{tLanguage(u.locale)}</Td>
                <Td>{u.isActive ? t("statuses.active") : t("statuses.inactive")}</Td>
              </tr>
            ))}
          </tbody>
        </Table>
      </ListResults>
      <Pagination page={page.page} pageSize={page.pageSize} total={page.total} basePath="/admin/users" params={filters} />
    </>
  );
}
