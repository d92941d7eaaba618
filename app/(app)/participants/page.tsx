import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ButtonLink } from "@/components/ui/button";
import { ExportLinks } from "@/components/ui/export-links";
import { PageHeader } from "@/components/ui/page-header";
import { ChoiceFilter, optionsOf, SearchField, SortSelect } from "@/components/list-page/filter-fields";
import { isFiltered, readFilters, type Filters } from "@/components/list-page/filters";
import { ListFilters } from "@/components/list-page/list-filters";
import { PagedTable } from "@/components/list-page/paged-list";
import { participantSexes } from "@/db/schema/values";
import { participantSorts } from "@/lib/participants/schemas";
import { listParticipants } from "@/lib/participants/use-cases";
import { listProjects } from "@/lib/projects/use-cases";
import { getPageContext, unwrapForPage } from "@/lib/request-context";

const filterNames = ["q", "projectId", "institutionId", "sex", "sort", "dir"] as const;

export default async function ParticipantsPage({ searchParams }: { searchParams: Promise<Filters<(typeof filterNames)[number]> & { page?: string; erased?: string }> }) {
  const ctx = await getPageContext();
  const params = await searchParams;
  const filters = readFilters(filterNames, params);
  const listed = await listParticipants(ctx, { ...filters, page: params.page });
  // A project the user does not see people of is said beside the project field, over the unfiltered list.
  const projectError = !listed.ok && listed.error === "invalid" ? listed.fieldErrors?.projectId : undefined;
  const page = unwrapForPage(projectError ? await listParticipants(ctx, { ...filters, projectId: undefined, page: params.page }) : listed);
  const projects = unwrapForPage(await listProjects(ctx, { sort: "code", dir: "asc", pageSize: 100 }));
  const [t, tValidation] = await Promise.all([getTranslations("participants"), getTranslations("validation")]);
  const hasFilters = isFiltered(filters);
  return (
    <>
      <PageHeader
        title={t("title")}
        actions={
          <>
            <ExportLinks endpoint="/api/v1/participants/export" params={filters} />
            <ButtonLink href="/participants/duplicates" variant="secondary" prefetch={false}>
              {t("duplicatesQueue")}
            </ButtonLink>
            <ButtonLink href="/participants/new" prefetch={false}>
              {t("new")}
            </ButtonLink>
          </>
        }
      />
      {params.erased && (
        <p role="status" className="mb-4 rounded-md border border-emerald-300 bg-emerald-50 px-3 py-2 text-sm">
          {t("erased")}
        </p>
      )}
      <ListFilters resetHref="/participants" hasFilters={hasFilters} className="sm:grid-cols-2 lg:grid-cols-[2fr_1fr_1fr_1fr_auto] lg:items-end">
        <SearchField value={filters.q} hint={t("searchHint")} />
        <ChoiceFilter
          name="projectId"
          label={t("project")}
          anyLabel={t("anyProject")}
          value={filters.projectId}
          error={projectError ? tValidation(projectError.key, projectError.values) : undefined}
          options={projects.items.map((p) => ({ value: p.id, label: p.code }))}
        />
        <ChoiceFilter name="sex" label={t("sex")} anyLabel={t("anySex")} value={filters.sex} options={optionsOf(participantSexes, (s) => t(`sexes.${s}`))} />
        <SortSelect value={filters.sort ?? "familyNames"} options={optionsOf(participantSorts, (s) => t(`sort.${s}`))} />
        {filters.institutionId && <input type="hidden" name="institutionId" value={filters.institutionId} />}
      </ListFilters>
      <PagedTable
        page={page}
        summary={t("count", { count: page.total })}
        emptyMessage={hasFilters ? t("noMatch") : t("empty")}
        basePath="/participants"
        params={filters}
        caption={t("title")}
        columns={[
          {
            label: t("name"),
            // A page of rows would prefetch a route per visible row at start-up, for next to nothing (see SiteHeader).
            cell: (p) => (
              <Link href={`/participants/${p.id}`} prefetch={false}>
                {p.familyNames} {p.givenNames}
              </Link>
            ),
          },
          { label: t("sex"), className: "hidden sm:table-cell", cell: (p) => t(`sexes.${p.sex}`) },
          { label: t("institution"), cell: (p) => p.institutionName ?? "—" },
          { label: t("position"), className: "hidden md:table-cell", cell: (p) => p.position || "—" },
        ]}
      />
    </>
  );
}
