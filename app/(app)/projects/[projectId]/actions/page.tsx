import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { ButtonLink } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { ChoiceFilter, optionsOf } from "@/components/list-page/filter-fields";
import { listHref } from "@/components/list-page/filters";
import { ListTable } from "@/components/list-page/list-table";
import { CheckboxField, TextField } from "@/components/ui/field";
import { ListResults } from "@/components/ui/list-results";
import { actionStatuses, findingThemes } from "@/db/schema/values";
import { calendarDate } from "@/lib/i18n/dates";
import { listActions } from "@/lib/improvement-actions/use-cases";
import { loadCurrentProject } from "@/lib/projects/current-project";
import { getPageContext, unwrapForPage } from "@/lib/request-context";

type Filters = { q?: string; theme?: string; institutionId?: string; ownerId?: string; status?: string; overdue?: string; view?: string };

export default async function ActionsPage({ params, searchParams }: { params: Promise<{ projectId: string }>; searchParams: Promise<Filters> }) {
  const ctx = await getPageContext();
  const { projectId } = await params;
  const { view, ...filters } = await searchParams;
  const [{ project, canEdit }, actions, everything] = await Promise.all([
    loadCurrentProject(projectId),
    listActions(ctx, { projectId, ...filters }).then(unwrapForPage),
    listActions(ctx, { projectId }).then(unwrapForPage),
  ]);
  const [t, tf, tr, format] = await Promise.all([getTranslations("improvementActions"), getTranslations("findings"), getTranslations("reviews"), getFormatter()]);
  const unique = <T extends { id: string }>(items: T[]) => [...new Map(items.map((i) => [i.id, i])).values()];
  const institutions = unique(everything.flatMap((a) => a.institutions)).sort((a, b) => a.name.localeCompare(b.name));
  const owners = unique(everything.filter((a) => a.ownerId).map((a) => ({ id: a.ownerId!, name: a.ownerName ?? tr("aPartner") })));
  const board = view === "board";
  const query = (next: Record<string, string>) => listHref("", { ...filters, ...next });
  const due = (a: (typeof actions)[number]) => (a.dueDate ? format.dateTime(calendarDate(a.dueDate), { dateStyle: "medium" }) : "—");
  const overdueBadge = <Badge tone="danger">{t("overdue")}</Badge>;
  return (
    <>
      <PageHeader title={`${t("title")} · ${project.code}`} actions={canEdit && <ButtonLink href={`/projects/${projectId}/actions/new`}>{t("new")}</ButtonLink>} />
      <nav aria-label={t("views")} className="mb-4 flex gap-2">
        <ButtonLink href={query({ view: "" })} variant={board ? "ghost" : "secondary"} aria-current={board ? undefined : "page"}>
          {t("table")}
        </ButtonLink>
        <ButtonLink href={query({ view: "board" })} variant={board ? "secondary" : "ghost"} aria-current={board ? "page" : undefined}>
          {t("board")}
        </ButtonLink>
      </nav>
      <form method="get" className="mb-4 grid gap-3 rounded-md border border-slate-200 bg-white p-3 sm:grid-cols-3 lg:grid-cols-6" aria-label={t("filter")}>
        {board && <input type="hidden" name="view" value="board" />}
        <TextField name="q" type="search" label={t("search")} defaultValue={filters.q ?? ""} />
        <ChoiceFilter name="theme" label={t("theme")} anyLabel={t("allThemes")} value={filters.theme} options={optionsOf(findingThemes, (v) => tf(`themes.${v}`))} />
        <ChoiceFilter
          name="institutionId"
          label={t("institution")}
          anyLabel={t("allInstitutions")}
          value={filters.institutionId}
          options={institutions.map((i) => ({ value: i.id, label: i.name }))}
        />
        <ChoiceFilter name="ownerId" label={t("owner")} anyLabel={t("allOwners")} value={filters.ownerId} options={owners.map((o) => ({ value: o.id, label: o.name }))} />
        <ChoiceFilter name="status" label={t("status")} anyLabel={t("allStatuses")} value={filters.status} options={optionsOf(actionStatuses, (s) => t(`statuses.${s}`))} />
        <div className="flex flex-col justify-end gap-2">
          <CheckboxField name="overdue" value="1" label={t("onlyOverdue")} defaultChecked={filters.overdue === "1"} />
          <button type="submit" className="rounded-md bg-teal-800 px-4 py-2 font-medium text-white">
            {t("filter")}
          </button>
        </div>
      </form>
      <ListResults isEmpty={actions.length === 0} emptyMessage={everything.length === 0 ? t("none") : t("noMatch")}>
        {board ? (
          <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-5">
            {actionStatuses.map((status) => {
              const column = actions.filter((a) => a.status === status);
              return (
                <section key={status} aria-label={t(`statuses.${status}`)} className="rounded-lg bg-slate-100 p-2">
                  <h2 className="mb-2 font-semibold">
                    {t(`statuses.${status}`)} <span className="text-sm font-normal text-slate-700">({column.length})</span>
                  </h2>
                  <ul className="flex flex-col gap-2">
                    {column.map((a) => (
                      <li key={a.id} className={`rounded-md border bg-white p-2 ${a.overdue ? "border-red-400" : "border-slate-200"}`}>
                        <Link href={`/projects/${projectId}/actions/${a.id}`} className="font-medium">
                          {a.title}
                        </Link>
                        <p className="text-xs text-slate-700">
                          {due(a)} · {t("percent", { value: a.progress })}
                        </p>
                        {a.overdue && overdueBadge}
                      </li>
                    ))}
                  </ul>
                </section>
              );
            })}
          </div>
        ) : (
          <ListTable
            caption={t("title")}
            rows={actions}
            rowClassName={(a) => (a.overdue ? "bg-red-50" : undefined)}
            columns={[
              { label: t("name"), cell: (a) => <Link href={`/projects/${projectId}/actions/${a.id}`}>{a.title}</Link> },
              { label: t("status"), cell: (a) => t(`statuses.${a.status}`) },
              { label: t("progress"), cell: (a) => t("percent", { value: a.progress }) },
              {
                label: t("dueDate"),
                cell: (a) => (
                  <>
                    {due(a)} {a.overdue && overdueBadge}
                  </>
                ),
              },
              { label: t("owner"), cell: (a) => a.ownerName ?? (a.ownerId ? tr("aPartner") : "—") },
              { label: t("institutions"), cell: (a) => a.institutions.map((i) => i.name).join(", ") || "—" },
            ]}
          />
        )}
      </ListResults>
    </>
  );
}
