import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { AccessTable } from "@/components/access-log/access-table";
import { accessActionKeys } from "@/components/access-log/access-labels";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { ChoiceFilter, PeriodFilter } from "@/components/list-page/filter-fields";
import { isFiltered, listHref, readFilters, type Filters } from "@/components/list-page/filters";
import { ListFilters } from "@/components/list-page/list-filters";
import { PagedList } from "@/components/list-page/paged-list";
import { accessActions } from "@/db/schema";
import { listAccessLog } from "@/lib/access-log/use-cases";
import { getPageContext, unwrapForPage } from "@/lib/request-context";
import { listUsers } from "@/lib/users/use-cases";

const filterNames = ["actorId", "participantId", "action", "from", "to"] as const;

export default async function AccessLogPage({ searchParams }: { searchParams: Promise<Filters<(typeof filterNames)[number]> & { page?: string }> }) {
  const ctx = await getPageContext();
  const params = await searchParams;
  const filters = readFilters(filterNames, params);
  const t = await getTranslations("accessLog");
  const result = await listAccessLog(ctx, { ...filters, page: params.page });
  const page = result.ok ? result.data : null;
  const actors = unwrapForPage(await listUsers(ctx, { pageSize: 100 }));
  const hasFilters = isFiltered(filters);
  const personName = filters.participantId ? page?.items.find((e) => e.participantId === filters.participantId)?.participantName : undefined;
  const withPerson = (participantId: string) => listHref("/admin/access-log", { ...filters, participantId });
  const emptyMessage = hasFilters ? t("noMatch") : t("empty");
  return (
    <>
      <PageHeader title={t("title")} />
      <p className="mb-4 text-slate-700">{t("intro")}</p>
      <ListFilters resetHref="/admin/access-log" hasFilters={hasFilters} className="sm:grid-cols-2 lg:grid-cols-[1fr_1fr_1fr_1fr_auto] lg:items-end">
        {filters.participantId && <input type="hidden" name="participantId" value={filters.participantId} />}
        <ChoiceFilter name="actorId" label={t("actor")} anyLabel={t("anyActor")} value={filters.actorId} options={actors.items.map((u) => ({ value: u.id, label: u.name }))} />
        <ChoiceFilter
          name="action"
          label={t("action")}
          anyLabel={t("anyAction")}
          value={filters.action}
          options={accessActions.map((a) => ({ value: a, label: t(`actions.${accessActionKeys[a]}`) }))}
        />
        <PeriodFilter from={filters.from} to={filters.to} fromLabel={t("from")} toLabel={t("to")} error={result.ok ? undefined : t("badRange")} />
      </ListFilters>
      {filters.participantId && (
        <p className="mb-2 text-sm">
          {personName ? t("aboutPerson", { name: personName }) : t("aboutOnePerson")}{" "}
          <Link href={listHref("/admin/access-log", { ...filters, participantId: undefined })}>{t("everyone")}</Link>
        </p>
      )}
      {!filters.participantId && <p className="mb-2 text-sm text-slate-700">{t("personHint")}</p>}
      {page ? (
        <PagedList page={page} summary={t("count", { count: page.total })} emptyMessage={emptyMessage} basePath="/admin/access-log" params={filters}>
          <AccessTable rows={page.items} caption={t("title")} personHref={withPerson} />
        </PagedList>
      ) : (
        <EmptyState message={emptyMessage} />
      )}
    </>
  );
}
