import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { ButtonLink } from "@/components/ui/button";
import { FilterActions } from "@/components/ui/filter-actions";
import { SelectField, TextField } from "@/components/ui/field";
import { ListResults } from "@/components/ui/list-results";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { Table, Td, Th } from "@/components/ui/table";
import { missionStatuses } from "@/db/schema/values";
import type { Locale } from "@/lib/i18n/config";
import { countryName } from "@/lib/i18n/countries";
import { calendarDate } from "@/lib/i18n/dates";
import { listMissions } from "@/lib/missions/use-cases";
import { getProject } from "@/lib/projects/use-cases";
import { getPageContext, unwrapForPage } from "@/lib/request-context";
import { MissionCalendar } from "./_components/mission-calendar";

const filterNames = ["q", "status", "when"] as const;
type Filters = Partial<Record<(typeof filterNames)[number], string>>;

export default async function MissionsPage({
  params,
  searchParams,
}: {
  params: Promise<{ projectId: string }>;
  searchParams: Promise<Filters & { page?: string; view?: string; month?: string }>;
}) {
  const ctx = await getPageContext();
  const { projectId } = await params;
  const query = await searchParams;
  const { project, canEdit } = unwrapForPage(await getProject(ctx, { projectId }));
  const [t, tCommon, format, locale] = await Promise.all([getTranslations("missions"), getTranslations("common"), getFormatter(), getLocale()]);
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
  const filters: Filters = Object.fromEntries(filterNames.map((name) => [name, query[name] || undefined]));
  const page = unwrapForPage(await listMissions(ctx, { projectId, ...filters, page: query.page }));
  const hasFilters = Boolean(filters.q || filters.status || (filters.when && filters.when !== "upcoming"));
  return (
    <>
      {header}
      <form method="get" role="search" className="mb-4 grid gap-3 sm:grid-cols-2 lg:grid-cols-4 lg:items-end">
        <TextField name="q" type="search" label={tCommon("search")} defaultValue={filters.q} />
        <SelectField name="when" label={t("when")} defaultValue={filters.when ?? "upcoming"} options={(["upcoming", "past", "all"] as const).map((v) => ({ value: v, label: t(`whens.${v}`) }))} />
        <SelectField name="status" label={t("status")} defaultValue={filters.status ?? ""} options={[{ value: "", label: t("anyStatus") }, ...missionStatuses.map((v) => ({ value: v, label: t(`statuses.${v}`) }))]} />
        <FilterActions resetHref={basePath} hasFilters={hasFilters} />
      </form>
      <ListResults summary={t("count", { count: page.total })} isEmpty={page.items.length === 0} emptyMessage={hasFilters ? t("noMatch") : t("empty")}>
        <Table caption={t("title")}>
          <thead>
            <tr>
              <Th>{t("name")}</Th>
              <Th>{t("period")}</Th>
              <Th className="hidden sm:table-cell">{t("cities")}</Th>
              <Th>{t("status")}</Th>
            </tr>
          </thead>
          <tbody>
            {page.items.map((m) => (
              <tr key={m.id}>
                <Td>
                  <Link href={`${basePath}/${m.id}`}>{m.title}</Link>
                </Td>
                <Td>{format.dateTimeRange(calendarDate(m.startDate), calendarDate(m.endDate), { dateStyle: "medium" })}</Td>
                <Td className="hidden sm:table-cell">{[m.cities.join(", "), countryName(m.country, locale as Locale)].filter(Boolean).join(" · ")}</Td>
                <Td>{t(`statuses.${m.status}`)}</Td>
              </tr>
            ))}
          </tbody>
        </Table>
      </ListResults>
      <Pagination page={page.page} pageSize={page.pageSize} total={page.total} basePath={basePath} params={filters} />
    </>
  );
}
