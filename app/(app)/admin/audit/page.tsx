import { getFormatter, getTranslations } from "next-intl/server";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { ChoiceFilter, optionsOf, PeriodFilter } from "@/components/list-page/filter-fields";
import { isFiltered, readFilters, type Filters } from "@/components/list-page/filters";
import { ListFilters } from "@/components/list-page/list-filters";
import { ListTable } from "@/components/list-page/list-table";
import { PagedList } from "@/components/list-page/paged-list";
import { Td } from "@/components/ui/table";
import { auditEntityTypes, type AuditEntityType } from "@/lib/audit/schemas";
import { listAudit } from "@/lib/audit/use-cases";
import { getPageContext, unwrapForPage } from "@/lib/request-context";
import { listUsers } from "@/lib/users/use-cases";

const filterNames = ["actorId", "entityType", "from", "to"] as const;

function show(value: unknown): string {
  if (value === null || value === undefined || value === "") return "—";
  return typeof value === "string" ? value : JSON.stringify(value);
}

export default async function AuditPage({ searchParams }: { searchParams: Promise<Filters<(typeof filterNames)[number]> & { page?: string }> }) {
  const ctx = await getPageContext();
  const params = await searchParams;
  const filters = readFilters(filterNames, params);
  const [t, format] = await Promise.all([getTranslations("audit"), getFormatter()]);
  const result = await listAudit(ctx, { ...filters, page: params.page });
  const page = result.ok ? result.data : null;
  const actors = unwrapForPage(await listUsers(ctx, { pageSize: 100 }));
  const hasFilters = isFiltered(filters);
  return (
    <>
      <PageHeader title={t("title")} />
      <ListFilters resetHref="/admin/audit" hasFilters={hasFilters} className="sm:grid-cols-2 lg:grid-cols-[1fr_1fr_1fr_1fr_auto] lg:items-end">
        <ChoiceFilter name="actorId" label={t("actor")} anyLabel={t("anyActor")} value={filters.actorId} options={actors.items.map((u) => ({ value: u.id, label: u.name }))} />
        <ChoiceFilter name="entityType" label={t("entityType")} anyLabel={t("anyEntity")} value={filters.entityType} options={optionsOf(auditEntityTypes, (e) => t(`entities.${e}`))} />
        <PeriodFilter from={filters.from} to={filters.to} fromLabel={t("from")} toLabel={t("to")} error={result.ok ? undefined : t("badRange")} />
      </ListFilters>
      {page ? (
        <PagedList page={page} summary={t("count", { count: page.total })} emptyMessage={t("empty")} basePath="/admin/audit" params={filters}>
          <ListTable caption={t("title")} columns={[t("at"), t("actor"), t("action"), t("record"), t("changes")]}>
            {page.items.map((entry) => (
              <tr key={entry.id}>
                <Td className="whitespace-nowrap">{format.dateTime(entry.at, { dateStyle: "short", timeStyle: "medium" })}</Td>
                <Td>{entry.actorName ?? "—"}</Td>
                <Td className="font-mono text-xs">{entry.action}</Td>
                <Td className="text-xs">
                  {t(`entities.${entry.entityType as AuditEntityType}`)}
                  <br />
                  <span className="break-all font-mono text-slate-600">{entry.entityId}</span>
                </Td>
                <Td>
                  <ul className="text-xs">
                    {Object.entries(entry.changes).map(([field, change]) => (
                      <li key={field}>
                        <span className="font-medium">{field}</span>: {show(change.before)} → {show(change.after)}
                      </li>
                    ))}
                  </ul>
                </Td>
              </tr>
            ))}
          </ListTable>
        </PagedList>
      ) : (
        <EmptyState message={t("empty")} />
      )}
    </>
  );
}
