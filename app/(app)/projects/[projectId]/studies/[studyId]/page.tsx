import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { PageMessages } from "@/components/layout/page-messages";
import { ButtonLink } from "@/components/ui/button";
import { ConfirmSubmit } from "@/components/ui/confirm-submit";
import { EmptyState } from "@/components/ui/empty-state";
import { FactList } from "@/components/ui/fact-list";
import { SelectField, TextField } from "@/components/ui/field";
import { PageHeader } from "@/components/ui/page-header";
import { findingPriorities, findingStatuses, findingThemes, locales, type Locale } from "@/db/schema/values";
import { narrativeFor } from "@/lib/narrative";
import { listFindings, listProjectThemes } from "@/lib/findings/use-cases";
import { calendarDate } from "@/lib/i18n/dates";
import { can } from "@/lib/policy";
import { getPageContext, unwrapForPage } from "@/lib/request-context";
import { getStudy } from "@/lib/studies/use-cases";
import { listMembers } from "@/lib/members/use-cases";
import { listRounds } from "@/lib/reviews/use-cases";
import { listWorkshops } from "@/lib/workshops/use-cases";
import { removeSourceAction, shareSourceAction } from "../actions";
import { NarrativeText } from "@/components/narrative-text";
import { OpenRoundForm } from "../_components/open-round-form";
import { SourceForm } from "../_components/source-form";
import { ThemeForm } from "../_components/theme-form";

type Filters = { q?: string; theme?: string; priority?: string; status?: string; institutionId?: string };

export default async function StudyPage({ params, searchParams }: { params: Promise<{ projectId: string; studyId: string }>; searchParams: Promise<Filters> }) {
  const ctx = await getPageContext();
  const { projectId, studyId } = await params;
  const filters = await searchParams;
  const ids = { projectId, studyId };
  const [{ study, sources, evidenceInstitutions, canEdit }, findings, themes, rounds] = await Promise.all([
    getStudy(ctx, ids).then(unwrapForPage),
    listFindings(ctx, { ...ids, ...filters }).then(unwrapForPage),
    listProjectThemes(ctx, { projectId }).then(unwrapForPage),
    listRounds(ctx, ids).then(unwrapForPage),
  ]);
  const [t, tf, tr, format, locale] = await Promise.all([getTranslations("studies"), getTranslations("findings"), getTranslations("reviews"), getFormatter(), getLocale()]);
  // What only a manager's forms need: the project's workshops, every finding, the project's partners.
  const [workshops, allFindings, partners] = canEdit
    ? await Promise.all([
        listWorkshops(ctx, { projectId, pageSize: 100 }).then((r) => unwrapForPage(r).items),
        listFindings(ctx, ids).then(unwrapForPage),
        listMembers(ctx, { projectId }).then((r) =>
          unwrapForPage(r).flatMap((m) => (can(m.role, "reviews.answer") && m.isActive && m.name !== null ? [{ ...m, name: m.name }] : [])),
        ),
      ])
    : [[], [], []];
  const themeName = (f: { theme: string | null; projectThemeName: { original: Locale } | null }) =>
    f.theme ? tf(`themes.${f.theme as "prevention"}`) : f.projectThemeName ? narrativeFor(f.projectThemeName, locale).text : "—";
  const groups = new Map<string, typeof findings>();
  for (const f of findings) groups.set(themeName(f), [...(groups.get(themeName(f)) ?? []), f]);
  const period = study.periodStart && study.periodEnd ? format.dateTimeRange(calendarDate(study.periodStart), calendarDate(study.periodEnd), { dateStyle: "long" }) : "—";
  const base = `/projects/${projectId}/studies/${studyId}`;
  const filtered = Object.values(filters).some(Boolean);
  return (
    <PageMessages namespaces={["findings", "reviews", "studies"]}>
      <PageHeader
        title={study.title}
        actions={
          canEdit && (
            <>
              <ButtonLink href={`${base}/edit`} variant="secondary">
                {t("edit")}
              </ButtonLink>
              <ButtonLink href={`${base}/findings/new`}>{tf("new")}</ButtonLink>
            </>
          )
        }
      />
      <section aria-label={t("title")} className="mb-6 rounded-lg border border-slate-200 bg-white p-4">
        <FactList
          facts={[
            { label: t("period"), value: period },
            { label: t("status"), value: t(`statuses.${study.status}`) },
          ]}
        />
        {study.methodology && (
          <>
            <h2 className="mt-4 font-medium">{t("methodology")}</h2>
            <p className="whitespace-pre-line text-slate-800">{study.methodology}</p>
          </>
        )}
      </section>

      <form method="get" action={`/api/v1/projects/${projectId}/studies/${studyId}/export`} className="mb-6 flex flex-wrap items-end gap-2" aria-label={t("export")}>
        <SelectField name="lang" label={t("exportLanguage")} defaultValue={locale} options={locales.map((l) => ({ value: l, label: tf(`languages.${l}`) }))} />
        {(["docx", "pdf", "xlsx"] as const).map((format) => (
          <button key={format} type="submit" name="format" value={format} className="rounded-md border border-slate-400 bg-white px-3 py-2 font-medium text-slate-900">
            {t(format === "docx" ? "exportDocx" : format === "pdf" ? "exportPdf" : "exportActions")}
          </button>
        ))}
      </form>
      <section aria-labelledby="findings" className="mb-6">
        <h2 id="findings" className="mb-2 text-xl font-semibold">
          {tf("title")}
        </h2>
        <form method="get" className="mb-4 grid gap-3 rounded-md border border-slate-200 bg-white p-3 sm:grid-cols-3 lg:grid-cols-6" aria-label={tf("filter")}>
          <TextField name="q" type="search" label={tf("search")} defaultValue={filters.q ?? ""} className="sm:col-span-2" />
          <SelectField
            name="theme"
            label={tf("theme")}
            defaultValue={filters.theme ?? ""}
            options={[
              { value: "", label: tf("allThemes") },
              ...findingThemes.map((v) => ({ value: v, label: tf(`themes.${v}`) })),
              ...themes.map((th) => ({ value: th.id, label: narrativeFor(th.name, locale).text })),
            ]}
          />
          <SelectField
            name="priority"
            label={tf("priority")}
            defaultValue={filters.priority ?? ""}
            options={[{ value: "", label: tf("allPriorities") }, ...findingPriorities.map((v) => ({ value: v, label: tf(`priorities.${v}`) }))]}
          />
          <SelectField
            name="status"
            label={tf("status")}
            defaultValue={filters.status ?? ""}
            options={[{ value: "", label: tf("allStatuses") }, ...findingStatuses.map((v) => ({ value: v, label: tf(`statuses.${v}`) }))]}
          />
          <SelectField
            name="institutionId"
            label={tf("institution")}
            defaultValue={filters.institutionId ?? ""}
            options={[{ value: "", label: tf("allInstitutions") }, ...evidenceInstitutions.map((i) => ({ value: i.id, label: i.name }))]}
          />
          <button type="submit" className="self-end rounded-md bg-teal-800 px-4 py-2 font-medium text-white">
            {tf("filter")}
          </button>
        </form>
        {canEdit && (
          <details className="mb-4">
            <summary className="cursor-pointer text-sm font-medium text-teal-900">{tf("ownTheme")}</summary>
            <ThemeForm projectId={projectId} locale={locale} />
          </details>
        )}
        {findings.length === 0 ? (
          <EmptyState message={filtered ? tf("noMatch") : tf("none")} />
        ) : (
          [...groups].map(([name, items]) => (
            <section key={name} aria-label={name} className="mb-4">
              <h3 className="mb-2 text-lg font-medium">
                {name} <span className="text-sm font-normal text-slate-700">· {tf("countByTheme", { count: items.length })}</span>
              </h3>
              <ul className="flex flex-col gap-2">
                {items.map((f) => (
                  <li key={f.id} className="rounded-md border border-slate-200 bg-white p-3">
                    <Link href={`${base}/findings/${f.id}`} className="font-medium">
                      <NarrativeText text={f.title} as="title" />
                    </Link>
                    <p className="text-sm text-slate-700">
                      {tf(`priorities.${f.priority}`)} · {tf(`statuses.${f.status}`)} · {tf("evidenceCounts", { workshops: f.workshops, institutions: f.institutions })}
                    </p>
                  </li>
                ))}
              </ul>
            </section>
          ))
        )}
      </section>

      <section aria-labelledby="reviews" className="mb-6 rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="reviews" className="mb-2 text-xl font-semibold">
          {tr("title")}
        </h2>
        {rounds.length === 0 ? (
          <p className="mb-3 text-sm text-slate-700">{tr("none")}</p>
        ) : (
          <ul className="mb-4 flex flex-col gap-2">
            {rounds.map((r) => (
              <li key={r.id}>
                <Link href={`${base}/reviews/${r.id}`} className="font-medium">
                  {r.title}
                </Link>{" "}
                <span className="text-sm text-slate-700">
                  {tr("opened", { date: format.dateTime(r.createdAt, { dateStyle: "medium" }) })}
                  {r.closedAt ? ` · ${tr("closed")}` : canEdit ? ` · ${r.waitingFor.length ? tr("waitingFor", { names: r.waitingFor.join(", ") }) : tr("everyoneAnswered")}` : ""}
                </span>
              </li>
            ))}
          </ul>
        )}
        {canEdit && (
          <OpenRoundForm
            projectId={projectId}
            studyId={studyId}
            findings={allFindings.map((f) => ({ value: f.id, label: narrativeFor(f.title, locale).text }))}
            partners={partners.map((p) => ({ value: p.userId, label: p.name }))}
          />
        )}
      </section>

      <section aria-labelledby="sources" className="rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="sources" className="mb-2 text-xl font-semibold">
          {t("sources")}
        </h2>
        {sources.length === 0 ? (
          <p className="mb-3 text-sm text-slate-700">{t("noSources")}</p>
        ) : (
          <ul className="mb-4 flex flex-col gap-2">
            {sources.map((s) => (
              <li key={s.id} className="flex flex-wrap items-center gap-2 border-b border-slate-200 pb-2">
                <span className="font-medium">{s.title}</span>
                <span className="text-sm text-slate-700">
                  {[t(`sourceKinds.${s.kind}`), s.date && format.dateTime(calendarDate(s.date), { dateStyle: "medium" }), s.workshopTitle].filter(Boolean).join(" · ")}
                </span>
                {s.url && (
                  <a href={s.url} rel="noopener noreferrer" target="_blank" className="text-sm">
                    {s.url}
                  </a>
                )}
                {s.fileName && (
                  <a href={`/api/v1/projects/${projectId}/studies/${studyId}/sources/${s.id}/file`} className="text-sm">
                    {t("download")} ({s.fileName})
                  </a>
                )}
                {canEdit && (
                  <>
                    <span className="text-sm text-slate-700">{s.sharedWithPartners ? t("sharedWithPartners") : t("staffOnly")}</span>
                    <form action={shareSourceAction} className="ml-auto">
                      <input type="hidden" name="projectId" value={projectId} />
                      <input type="hidden" name="studyId" value={studyId} />
                      <input type="hidden" name="sourceId" value={s.id} />
                      <input type="hidden" name="sharedWithPartners" value={String(!s.sharedWithPartners)} />
                      <button type="submit" className="rounded-md border border-slate-400 bg-white px-3 py-1 text-sm font-medium text-slate-900">
                        {s.sharedWithPartners ? t("stopSharing") : t("shareWithPartners")}
                      </button>
                    </form>
                  </>
                )}
                {canEdit && (
                  <form action={removeSourceAction}>
                    <input type="hidden" name="projectId" value={projectId} />
                    <input type="hidden" name="studyId" value={studyId} />
                    <input type="hidden" name="sourceId" value={s.id} />
                    <ConfirmSubmit label={t("removeSource")} question={t("removeSourceQuestion")} confirmLabel={t("removeSource")} cancelLabel={t("cancel")} />
                  </form>
                )}
              </li>
            ))}
          </ul>
        )}
        {canEdit && sources.length > 0 && <p className="mb-3 text-sm text-slate-700">{t("shareExplain")}</p>}
        {canEdit && <SourceForm projectId={projectId} studyId={studyId} workshops={workshops.map((w) => ({ value: w.id, label: w.title }))} />}
      </section>
    </PageMessages>
  );
}
