import { getFormatter, getTranslations } from "next-intl/server";
import { EmptyState } from "@/components/ui/empty-state";
import { FilterActions } from "@/components/ui/filter-actions";
import { SelectField, TextField } from "@/components/ui/field";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { Table, Td, Th } from "@/components/ui/table";
import { auditEntityTypes, type AuditEntityType } from "@/lib/audit/schemas";
import { listAudit } from "@/lib/audit/use-cases";
import { getPageContext, unwrapForPage } from "@/lib/request-context";
import { listUsers } from "@/lib/users/use-cases";

type SearchParams = { actorId?: string; entityType?: string; from?: string; to?: string; page?: string };

function show(value: unknown): string {
  if (value === null || value === undefined || value === "") return "—";
  return typeof value === "string" ? value : JSON.stringify(value);
}

export default async function AuditPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const ctx = await getPageContext();
  const params = await searchParams;
  const filters = {
    actorId: params.actorId || undefined,
    entityType: params.entityType || undefined,
    from: params.from || undefined,
    to: params.to || undefined,
  };
  const [t, format] = await Promise.all([getTranslations("audit"), getFormatter()]);
  const result = await listAudit(ctx, { ...filters, page: params.page });
  const page = result.ok ? result.data : null;
  const actors = unwrapForPage(await listUsers(ctx, { pageSize: 100 }));
  const hasFilters = Object.values(filters).some(Boolean);
  return (
    <>
      <PageHeader title={t("title")} />
      <form method="get" role="search" className="mb-4 grid gap-3 sm:grid-cols-2 lg:grid-cols-[1fr_1fr_1fr_1fr_auto] lg:items-end">
        <SelectField
          name="actorId"
          label={t("actor")}
          defaultValue={filters.actorId ?? ""}
          options={[{ value: "", label: t("anyActor") }, ...actors.items.map((u) => ({ value: u.id, label: u.name }))]}
        />
        <SelectField
          name="entityType"
          label={t("entityType")}
          defaultValue={filters.entityType ?? ""}
          options={[{ value: "", label: t("anyEntity") }, ...auditEntityTypes.map((e) => ({ value: e, label: t(`entities.${e}`) }))]}
        />
        <TextField name="from" type="date" label={t("from")} defaultValue={filters.from} />
        <TextField name="to" type="date" label={t("to")} defaultValue={filters.to} error={result.ok ? undefined : t("badRange")} />
        <FilterActions resetHref="/admin/audit" hasFilters={hasFilters} />
      </form>
      {page && <p className="mb-2 text-sm text-slate-700">{t("count", { count: page.total })}</p>}
      {!page || page.items.length === 0 ? (
        <EmptyState message={t("empty")} />
      ) : (
        <Table caption={t("title")}>
          <thead>
            <tr>
              <Th>{t("at")}</Th>
              <Th>{t("actor")}</Th>
              <Th>{t("action")}</Th>
              <Th>{t("record")}</Th>
              <Th>{t("changes")}</Th>
            </tr>
          </thead>
          <tbody>
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
          </tbody>
        </Table>
      )}
      {page && <Pagination page={page.page} pageSize={page.pageSize} total={page.total} basePath="/admin/audit" params={filters} />}
    </>
  );
}
