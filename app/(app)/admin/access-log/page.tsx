import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { AccessTable } from "@/components/access-log/access-table";
import { accessActionKeys } from "@/components/access-log/access-labels";
import { EmptyState } from "@/components/ui/empty-state";
import { FilterActions } from "@/components/ui/filter-actions";
import { SelectField, TextField } from "@/components/ui/field";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { accessActions } from "@/db/schema";
import { listAccessLog } from "@/lib/access-log/use-cases";
import { getPageContext, unwrapForPage } from "@/lib/request-context";
import { listUsers } from "@/lib/users/use-cases";

type SearchParams = { actorId?: string; participantId?: string; action?: string; from?: string; to?: string; page?: string };

export default async function AccessLogPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const ctx = await getPageContext();
  const params = await searchParams;
  const filters = {
    actorId: params.actorId || undefined,
    participantId: params.participantId || undefined,
    action: params.action || undefined,
    from: params.from || undefined,
    to: params.to || undefined,
  };
  const t = await getTranslations("accessLog");
  const result = await listAccessLog(ctx, { ...filters, page: params.page });
  const page = result.ok ? result.data : null;
  const actors = unwrapForPage(await listUsers(ctx, { pageSize: 100 }));
  const hasFilters = Object.values(filters).some(Boolean);
  const personName = filters.participantId ? page?.items.find((e) => e.participantId === filters.participantId)?.participantName : undefined;
  const withPerson = (participantId: string) => `/admin/access-log?${new URLSearchParams({ ...definedOnly(filters), participantId })}`;
  return (
    <>
      <PageHeader title={t("title")} />
      <p className="mb-4 text-slate-700">{t("intro")}</p>
      <form method="get" role="search" className="mb-4 grid gap-3 sm:grid-cols-2 lg:grid-cols-[1fr_1fr_1fr_1fr_auto] lg:items-end">
        {filters.participantId && <input type="hidden" name="participantId" value={filters.participantId} />}
        <SelectField
          name="actorId"
          label={t("actor")}
          defaultValue={filters.actorId ?? ""}
          options={[{ value: "", label: t("anyActor") }, ...actors.items.map((u) => ({ value: u.id, label: u.name }))]}
        />
        <SelectField
          name="action"
          label={t("action")}
          defaultValue={filters.action ?? ""}
          options={[{ value: "", label: t("anyAction") }, ...accessActions.map((a) => ({ value: a, label: t(`actions.${accessActionKeys[a]}`) }))]}
        />
        <TextField name="from" type="date" label={t("from")} defaultValue={filters.from} />
        <TextField name="to" type="date" label={t("to")} defaultValue={filters.to} error={result.ok ? undefined : t("badRange")} />
        <FilterActions resetHref="/admin/access-log" hasFilters={hasFilters} />
      </form>
      {filters.participantId && (
        <p className="mb-2 text-sm">
          {personName ? t("aboutPerson", { name: personName }) : t("aboutOnePerson")}{" "}
          <Link href={`/admin/access-log?${new URLSearchParams(definedOnly({ ...filters, participantId: undefined }))}`}>{t("everyone")}</Link>
        </p>
      )}
      {!filters.participantId && <p className="mb-2 text-sm text-slate-700">{t("personHint")}</p>}
      {page && <p className="mb-2 text-sm text-slate-700">{t("count", { count: page.total })}</p>}
      {!page || page.items.length === 0 ? (
        <EmptyState message={hasFilters ? t("noMatch") : t("empty")} />
      ) : (
        <AccessTable rows={page.items} caption={t("title")} personHref={withPerson} />
      )}
      {page && <Pagination page={page.page} pageSize={page.pageSize} total={page.total} basePath="/admin/access-log" params={filters} />}
    </>
  );
}

function definedOnly(values: Record<string, string | undefined>): Record<string, string> {
  return Object.fromEntries(Object.entries(values).filter((entry): entry is [string, string] => Boolean(entry[1])));
}
