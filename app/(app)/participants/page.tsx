import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ButtonLink } from "@/components/ui/button";
import { ListResults } from "@/components/ui/list-results";
import { FilterActions } from "@/components/ui/filter-actions";
import { ExportLinks } from "@/components/ui/export-links";
import { SelectField, TextField } from "@/components/ui/field";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { Table, Td, Th } from "@/components/ui/table";
import { participantSexes } from "@/db/schema/values";
import { participantSorts } from "@/lib/participants/schemas";
import { listParticipants } from "@/lib/participants/use-cases";
import { listProjects } from "@/lib/projects/use-cases";
import { getPageContext, unwrapForPage } from "@/lib/request-context";

const filterNames = ["q", "projectId", "institutionId", "sex", "sort", "dir"] as const;
type Filters = Partial<Record<(typeof filterNames)[number], string>>;

export default async function ParticipantsPage({ searchParams }: { searchParams: Promise<Filters & { page?: string; erased?: string }> }) {
  const ctx = await getPageContext();
  const params = await searchParams;
  const filters: Filters = Object.fromEntries(filterNames.map((name) => [name, params[name] || undefined]));
  const listed = await listParticipants(ctx, { ...filters, page: params.page });
  // A project the user does not see people of is said beside the project field, over the unfiltered list.
  const projectError = !listed.ok && listed.error === "invalid" ? listed.fieldErrors?.projectId : undefined;
  const page = unwrapForPage(projectError ? await listParticipants(ctx, { ...filters, projectId: undefined, page: params.page }) : listed);
  const projects = unwrapForPage(await listProjects(ctx, { sort: "code", dir: "asc", pageSize: 100 }));
  const [t, tCommon, tValidation] = await Promise.all([getTranslations("participants"), getTranslations("common"), getTranslations("validation")]);
  const hasFilters = Boolean(filters.q || filters.projectId || filters.institutionId || filters.sex);
  return (
    <>
      <PageHeader
        title={t("title")}
        actions={
          <>
            <ExportLinks endpoint="/api/v1/participants/export" params={filters} />
            <ButtonLink href="/participants/duplicates" variant="secondary">
              {t("duplicatesQueue")}
            </ButtonLink>
            <ButtonLink href="/participants/new">{t("new")}</ButtonLink>
          </>
        }
      />
      {params.erased && (
        <p role="status" className="mb-4 rounded-md border border-emerald-300 bg-emerald-50 px-3 py-2 text-sm">
          {t("erased")}
        </p>
      )}
      <form method="get" role="search" className="mb-4 grid gap-3 sm:grid-cols-2 lg:grid-cols-[2fr_1fr_1fr_1fr_auto] lg:items-end">
        <TextField name="q" type="search" label={tCommon("search")} hint={t("searchHint")} defaultValue={filters.q} />
        <SelectField
          name="projectId"
          label={t("project")}
          defaultValue={filters.projectId ?? ""}
          error={projectError ? tValidation(projectError.key, projectError.values) : undefined}
          options={[{ value: "", label: t("anyProject") }, ...projects.items.map((p) => ({ value: p.id, label: p.code }))]}
        />
        <SelectField
          name="sex"
          label={t("sex")}
          defaultValue={filters.sex ?? ""}
          options={[{ value: "", label: t("anySex") }, ...participantSexes.map((s) => ({ value: s, label: t(`sexes.${s}`) }))]}
        />
        <SelectField name="sort" label={tCommon("sortBy")} defaultValue={filters.sort ?? "familyNames"} options={participantSorts.map((s) => ({ value: s, label: t(`sort.${s}`) }))} />
        {filters.institutionId && <input type="hidden" name="institutionId" value={filters.institutionId} />}
        <FilterActions resetHref="/participants" hasFilters={hasFilters} />
      </form>
      <ListResults summary={t("count", { count: page.total })} isEmpty={page.items.length === 0} emptyMessage={hasFilters ? t("noMatch") : t("empty")}>
        <Table caption={t("title")}>
          <thead>
            <tr>
              <Th>{t("name")}</Th>
              <Th className="hidden sm:table-cell">{t("sex")}</Th>
              <Th>{t("institution")}</Th>
              <Th className="hidden md:table-cell">{t("position")}</Th>
            </tr>
          </thead>
          <tbody>
            {page.items.map((p) => (
              <tr key={p.id}>
                <Td>
                  <Link href={`/participants/${p.id}`}>
                    {p.familyNames} {p.givenNames}
                  </Link>
                </Td>
                <Td className="hidden sm:table-cell">{t(`sexes.${p.sex}`)}</Td>
                <Td>{p.institutionName ?? "—"}</Td>
                <Td className="hidden md:table-cell">{p.position || "—"}</Td>
              </tr>
            ))}
          </tbody>
        </Table>
      </ListResults>
      <Pagination page={page.page} pageSize={page.pageSize} total={page.total} basePath="/participants" params={filters} />
    </>
  );
}
