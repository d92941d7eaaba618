import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { ButtonLink } from "@/components/ui/button";
import { OrderSelect } from "@/components/ui/order-select";
import { PageHeader } from "@/components/ui/page-header";
import { ChoiceFilter, optionsOf, PeriodFilter, SearchField, SortSelect } from "@/components/list-page/filter-fields";
import { isFiltered, readFilters, type Filters } from "@/components/list-page/filters";
import { ListFilters } from "@/components/list-page/list-filters";
import { PagedTable } from "@/components/list-page/paged-list";
import { TextField } from "@/components/ui/field";
import { workshopStatuses, workshopTypes } from "@/db/schema/values";
import { calendarDate } from "@/lib/i18n/dates";
import { listMissions } from "@/lib/missions/use-cases";
import { loadCurrentProject } from "@/lib/projects/current-project";
import { can } from "@/lib/policy";
import { getPageContext, unwrapForPage } from "@/lib/request-context";
import { workshopSorts } from "@/lib/workshops/schemas";
import { listWorkshops } from "@/lib/workshops/use-cases";
import { narrativeFor } from "@/lib/narrative";

const filterNames = ["q", "missionId", "type", "status", "city", "from", "to", "sort", "dir"] as const;

export default async function WorkshopsPage({
  params,
  searchParams,
}: {
  params: Promise<{ projectId: string }>;
  searchParams: Promise<Filters<(typeof filterNames)[number]> & { page?: string }>;
}) {
  const ctx = await getPageContext();
  const { projectId } = await params;
  const query = await searchParams;
  const filters = readFilters(filterNames, query);
  const { project, access } = await loadCurrentProject(projectId);
  const page = unwrapForPage(await listWorkshops(ctx, { projectId, ...filters, page: query.page }));
  // Partners do not see missions, so they get no mission filter.
  const missions = can(access, "missions.read") ? unwrapForPage(await listMissions(ctx, { projectId, when: "all", pageSize: 100 })).items : [];
  const [t, format, locale] = await Promise.all([getTranslations("workshops"), getFormatter(), getLocale()]);
  const canCreate = can(access, "workshops.edit");
  const hasFilters = isFiltered(filters);
  const basePath = `/projects/${projectId}/workshops`;
  return (
    <>
      <PageHeader title={`${t("title")} · ${project.code}`} actions={canCreate && <ButtonLink href={`${basePath}/new`}>{t("new")}</ButtonLink>} />
      <ListFilters resetHref={basePath} hasFilters={hasFilters} className="sm:grid-cols-2 lg:grid-cols-4 lg:items-end">
        <SearchField value={filters.q} className="sm:col-span-2" />
        <ChoiceFilter name="type" label={t("type")} anyLabel={t("anyType")} value={filters.type} options={optionsOf(workshopTypes, (v) => t(`types.${v}`))} />
        <ChoiceFilter name="status" label={t("status")} anyLabel={t("anyStatus")} value={filters.status} options={optionsOf(workshopStatuses, (v) => t(`statuses.${v}`))} />
        {missions.length > 0 && (
          <ChoiceFilter
            name="missionId"
            label={t("mission")}
            anyLabel={t("anyMission")}
            value={filters.missionId}
            options={missions.map((m) => ({ value: m.id, label: narrativeFor(m.title, locale).text }))}
          />
        )}
        <TextField name="city" label={t("city")} defaultValue={filters.city} />
        <PeriodFilter from={filters.from} to={filters.to} fromLabel={t("from")} toLabel={t("to")} />
        <SortSelect value={filters.sort ?? "startDate"} options={optionsOf(workshopSorts, (v) => t(`sort.${v}`))} />
        <OrderSelect value={filters.dir === "asc" ? "asc" : "desc"} />
      </ListFilters>
      <PagedTable
        page={page}
        summary={t("count", { count: page.total })}
        emptyMessage={hasFilters ? t("noMatch") : t("empty")}
        basePath={basePath}
        params={filters}
        caption={t("title")}
        columns={[
          { label: t("name"), cell: (w) => <Link href={`${basePath}/${w.id}`}>{w.title}</Link> },
          { label: t("period"), cell: (w) => format.dateTimeRange(calendarDate(w.startDate), calendarDate(w.endDate), { dateStyle: "medium" }) },
          { label: t("type"), className: "hidden sm:table-cell", cell: (w) => t(`types.${w.type}`) },
          { label: t("city"), className: "hidden md:table-cell", cell: (w) => w.city || "—" },
          { label: t("status"), cell: (w) => t(`statuses.${w.status}`) },
        ]}
      />
    </>
  );
}
