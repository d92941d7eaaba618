import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { ButtonLink } from "@/components/ui/button";
import { FilterActions } from "@/components/ui/filter-actions";
import { SelectField, TextField } from "@/components/ui/field";
import { ListResults } from "@/components/ui/list-results";
import { OrderSelect } from "@/components/ui/order-select";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { Table, Td, Th } from "@/components/ui/table";
import { workshopStatuses, workshopTypes } from "@/db/schema/values";
import { calendarDate } from "@/lib/i18n/dates";
import { listMissions } from "@/lib/missions/use-cases";
import { getProject } from "@/lib/projects/use-cases";
import { can } from "@/lib/policy";
import { getPageContext, unwrapForPage } from "@/lib/request-context";
import { workshopSorts } from "@/lib/workshops/schemas";
import { listWorkshops } from "@/lib/workshops/use-cases";

const filterNames = ["q", "missionId", "type", "status", "city", "from", "to", "sort", "dir"] as const;
type Filters = Partial<Record<(typeof filterNames)[number], string>>;

export default async function WorkshopsPage({ params, searchParams }: { params: Promise<{ projectId: string }>; searchParams: Promise<Filters & { page?: string }> }) {
  const ctx = await getPageContext();
  const { projectId } = await params;
  const query = await searchParams;
  // Every filter lives in the URL, so a filtered view can be bookmarked and shared.
  const filters: Filters = Object.fromEntries(filterNames.map((name) => [name, query[name] || undefined]));
  const { project, access } = unwrapForPage(await getProject(ctx, { projectId }));
  const page = unwrapForPage(await listWorkshops(ctx, { projectId, ...filters, page: query.page }));
  // Partners do not see missions, so they get no mission filter.
  const missions = can(access, "missions.read") ? unwrapForPage(await listMissions(ctx, { projectId, when: "all", pageSize: 100 })).items : [];
  const [t, tCommon, format] = await Promise.all([getTranslations("workshops"), getTranslations("common"), getFormatter()]);
  const canCreate = can(access, "workshops.edit");
  const hasFilters = filterNames.some((name) => name !== "sort" && name !== "dir" && filters[name]);
  const basePath = `/projects/${projectId}/workshops`;
  const any = (label: string) => [{ value: "", label }];
  return (
    <>
      <PageHeader title={`${t("title")} · ${project.code}`} actions={canCreate && <ButtonLink href={`${basePath}/new`}>{t("new")}</ButtonLink>} />
      <form method="get" role="search" className="mb-4 grid gap-3 sm:grid-cols-2 lg:grid-cols-4 lg:items-end">
        <TextField name="q" type="search" label={tCommon("search")} defaultValue={filters.q} className="sm:col-span-2" />
        <SelectField name="type" label={t("type")} defaultValue={filters.type ?? ""} options={[...any(t("anyType")), ...workshopTypes.map((v) => ({ value: v, label: t(`types.${v}`) }))]} />
        <SelectField name="status" label={t("status")} defaultValue={filters.status ?? ""} options={[...any(t("anyStatus")), ...workshopStatuses.map((v) => ({ value: v, label: t(`statuses.${v}`) }))]} />
        {missions.length > 0 && (
          <SelectField name="missionId" label={t("mission")} defaultValue={filters.missionId ?? ""} options={[...any(t("anyMission")), ...missions.map((m) => ({ value: m.id, label: m.title }))]} />
        )}
        <TextField name="city" label={t("city")} defaultValue={filters.city} />
        <TextField name="from" type="date" label={t("from")} defaultValue={filters.from} />
        <TextField name="to" type="date" label={t("to")} defaultValue={filters.to} />
        <SelectField name="sort" label={tCommon("sortBy")} defaultValue={filters.sort ?? "startDate"} options={workshopSorts.map((v) => ({ value: v, label: t(`sort.${v}`) }))} />
        <OrderSelect value={filters.dir === "asc" ? "asc" : "desc"} />
        <FilterActions resetHref={basePath} hasFilters={hasFilters} />
      </form>
      <ListResults summary={t("count", { count: page.total })} isEmpty={page.items.length === 0} emptyMessage={hasFilters ? t("noMatch") : t("empty")}>
        <Table caption={t("title")}>
          <thead>
            <tr>
              <Th>{t("name")}</Th>
              <Th>{t("period")}</Th>
              <Th className="hidden sm:table-cell">{t("type")}</Th>
              <Th className="hidden md:table-cell">{t("city")}</Th>
              <Th>{t("status")}</Th>
            </tr>
          </thead>
          <tbody>
            {page.items.map((w) => (
              <tr key={w.id}>
                <Td>
                  <Link href={`${basePath}/${w.id}`}>{w.title}</Link>
                </Td>
                <Td>{format.dateTimeRange(calendarDate(w.startDate), calendarDate(w.endDate), { dateStyle: "medium" })}</Td>
                <Td className="hidden sm:table-cell">{t(`types.${w.type}`)}</Td>
                <Td className="hidden md:table-cell">{w.city || "—"}</Td>
                <Td>{t(`statuses.${w.status}`)}</Td>
              </tr>
            ))}
          </tbody>
        </Table>
      </ListResults>
      <Pagination page={page.page} pageSize={page.pageSize} total={page.total} basePath={basePath} params={filters} />
    </>
  );
}
