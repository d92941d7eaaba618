import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { ButtonLink } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { ChoiceFilter, optionsOf, SearchField } from "@/components/list-page/filter-fields";
import { isFiltered, readFilters, type Filters } from "@/components/list-page/filters";
import { ListFilters } from "@/components/list-page/list-filters";
import { PagedTable } from "@/components/list-page/paged-list";
import { SelectField } from "@/components/ui/field";
import { missionStatuses } from "@/db/schema/values";
import { countryName } from "@/lib/i18n/countries";
import { calendarDate } from "@/lib/i18n/dates";
import { listMissions } from "@/lib/missions/use-cases";
import { loadCurrentProject } from "@/lib/projects/current-project";
import { getPageContext, unwrapForPage } from "@/lib/request-context";
import { MissionCalendar } from "./_components/mission-calendar";
import { NarrativeText } from "@/components/narrative-text";

const filterNames = ["q", "status", "when"] as const;

export default async function MissionsPage({
  params,
  searchParams,
}: {
  params: Promise<{ projectId: string }>;
  searchParams: Promise<Filters<(typeof filterNames)[number]> & { page?: string; view?: string; month?: string }>;
}) {
  const ctx = await getPageContext();
  const { projectId } = await params;
  const query = await searchParams;
  const { project, canEdit } = await loadCurrentProject(projectId);
  const [t, format, locale] = await Promise.all([getTranslations("missions"), getFormatter(), getLocale()]);
  const basePath = `/projects/${projectId}/missions`;
  const isCalendar = query.view === "calendar";
  const header = (
    <PageHeader
      title={`${t("title")} · ${project.code}`}
      actions={
        <>
          <ButtonLink href={isCalendar ? basePath : `${basePath}?view=calendar`} variant="secondary">
            {isCalendar ? t("list") : t("calendar")}
          </ButtonLink>
          {canEdit && <ButtonLink href={`${basePath}/new`}>{t("new")}</ButtonLink>}
        </>
      }
    />
  );
  if (isCalendar) {
    return (
      <>
        {header}
        <MissionCalendar projectId={projectId} month={query.month} />
      </>
    );
  }
  const filters = readFilters(filterNames, query);
  const page = unwrapForPage(await listMissions(ctx, { projectId, ...filters, page: query.page }));
  const hasFilters = isFiltered(filters, { when: "upcoming" });
  return (
    <>
      {header}
      <ListFilters resetHref={basePath} hasFilters={hasFilters} className="sm:grid-cols-2 lg:grid-cols-4 lg:items-end">
        <SearchField value={filters.q} />
        <SelectField name="when" label={t("when")} defaultValue={filters.when ?? "upcoming"} options={optionsOf(["upcoming", "past", "all"], (v) => t(`whens.${v}`))} />
        <ChoiceFilter name="status" label={t("status")} anyLabel={t("anyStatus")} value={filters.status} options={optionsOf(missionStatuses, (v) => t(`statuses.${v}`))} />
      </ListFilters>
      <PagedTable
        page={page}
        summary={t("count", { count: page.total })}
        emptyMessage={hasFilters ? t("noMatch") : t("empty")}
        basePath={basePath}
        params={filters}
        caption={t("title")}
        columns={[
          {
            label: t("name"),
            cell: (m) => (
              <Link href={`${basePath}/${m.id}`}>
                <NarrativeText text={m.title} as="title" />
              </Link>
            ),
          },
          { label: t("period"), cell: (m) => format.dateTimeRange(calendarDate(m.startDate), calendarDate(m.endDate), { dateStyle: "medium" }) },
          { label: t("cities"), className: "hidden sm:table-cell", cell: (m) => [m.cities.join(", "), countryName(m.country, locale)].filter(Boolean).join(" · ") },
          { label: t("status"), cell: (m) => t(`statuses.${m.status}`) },
        ]}
      />
    </>
  );
}
