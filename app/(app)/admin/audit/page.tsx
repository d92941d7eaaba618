import { getFormatter, getTranslations } from "next-intl/server";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { ChoiceFilter, optionsOf, PeriodFilter } from "@/components/list-page/filter-fields";
import { isFiltered, readFilters, type Filters } from "@/components/list-page/filters";
import { ListFilters } from "@/components/list-page/list-filters";
import { PagedTable } from "@/components/list-page/paged-list";
import { auditEntityTypes, type AuditEntityType } from "@/lib/audit";
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
        <ChoiceFilter
          name="entityType"
          label={t("entityType")}
          anyLabel={t("anyEntity")}
          value={filters.entityType}
          options={optionsOf(auditEntityTypes, (e) => t(`entities.${e}`))}
        />
        <PeriodFilter from={filters.from} to={filters.to} fromLabel={t("from")} toLabel={t("to")} error={result.ok ? undefined : t("badRange")} />
      </ListFilters>
      {page ? (
        <PagedTable
          page={page}
          summary={t("count", { count: page.total })}
          emptyMessage={t("empty")}
          basePath="/admin/audit"
          params={filters}
          caption={t("title")}
          columns={[
            { label: t("at"), cellClassName: "whitespace-nowrap", cell: (entry) => format.dateTime(entry.at, { dateStyle: "short", timeStyle: "medium" }) },
            { label: t("actor"), cell: (entry) => entry.actorName ?? "—" },
            { label: t("action"), cellClassName: "font-mono text-xs", cell: (entry) => entry.action },
            {
              label: t("record"),
              cellClassName: "text-xs",
              cell: (entry) => (
                <>
                  {t(`entities.${entry.entityType as AuditEntityType}`)}
                  <br />
                  <span className="break-all font-mono text-slate-600">{entry.entityId}</span>
                </>
              ),
            },
            {
              label: t("changes"),
              cell: (entry) => (
                <ul className="text-xs">
                  {Object.entries(entry.changes).map(([field, change]) => (
                    <li key={field}>
                      <span className="font-medium">{field}</span>: {show(change.before)} → {show(change.after)}
                    </li>
                  ))}
                </ul>
              ),
            },
          ]}
        />
      ) : (
        <EmptyState message={t("empty")} />
      )}
    </>
  );
}
