import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { LinkedResults } from "@/components/logic-model/linked-results";
import { ButtonLink } from "@/components/ui/button";
import { FactList } from "@/components/ui/fact-list";
import { PageHeader } from "@/components/ui/page-header";
import { narrativeFor } from "@/lib/narrative";
import { getFinding } from "@/lib/findings/use-cases";
import { listActions } from "@/lib/improvement-actions/use-cases";
import { calendarDate } from "@/lib/i18n/dates";
import { getPageContext, unwrapForPage } from "@/lib/request-context";
import { NarrativeText } from "@/components/narrative-text";

export default async function FindingPage({ params }: { params: Promise<{ projectId: string; studyId: string; findingId: string }> }) {
  const ctx = await getPageContext();
  const { projectId, studyId, findingId } = await params;
  const { finding, projectThemeName, workshops, sources, institutions, outcome, canEdit } = unwrapForPage(await getFinding(ctx, { projectId, studyId, findingId }));
  const actions = unwrapForPage(await listActions(ctx, { projectId, findingId }));
  const [t, ta, tModel, format, locale] = await Promise.all([
    getTranslations("findings"),
    getTranslations("improvementActions"),
    getTranslations("logicModel"),
    getFormatter(),
    getLocale(),
  ]);
  const title = narrativeFor(finding.title, locale).text;
  const theme = finding.theme ? t(`themes.${finding.theme}`) : projectThemeName ? narrativeFor(projectThemeName, locale).text : "—";
  const byRole = (role: "reported" | "concerned") => institutions.filter((i) => i.role === role);
  const none = <span className="font-normal text-slate-700">{t("noEvidence")}</span>;
  const base = `/projects/${projectId}/studies/${studyId}`;
  return (
    <>
      <PageHeader
        title={title}
        actions={
          <>
            <ButtonLink href={base} variant="ghost">
              {t("backToStudy")}
            </ButtonLink>
            {canEdit && <ButtonLink href={`${base}/findings/${findingId}/edit`}>{t("edit")}</ButtonLink>}
          </>
        }
      />
      <section aria-label={t("description")} className="mb-6 rounded-lg border border-slate-200 bg-white p-4">
        <p className="mb-3 text-lg">
          <NarrativeText text={finding.title} as="title" />
        </p>
        <FactList
          className="mb-4"
          facts={[
            { label: t("theme"), value: theme },
            { label: t("priority"), value: t(`priorities.${finding.priority}`) },
            { label: t("status"), value: t(`statuses.${finding.status}`) },
            { label: tModel("outcome"), value: <LinkedResults projectId={projectId} results={outcome ? [outcome] : []} /> },
          ]}
        />
        <NarrativeText text={finding.description} />
      </section>
      <section aria-labelledby="finding-actions" className="mb-6 rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="finding-actions" className="mb-2 text-lg font-semibold">
          {ta("forFinding")}
        </h2>
        {actions.length === 0 ? (
          <p className="mb-2 text-sm text-slate-700">{ta("noneForFinding")}</p>
        ) : (
          <ul className="mb-2 flex flex-col gap-1">
            {actions.map((a) => (
              <li key={a.id}>
                <Link href={`/projects/${projectId}/actions/${a.id}`}>{a.title}</Link>
                <span className="text-sm text-slate-700">
                  {" "}
                  · {ta(`statuses.${a.status}`)} · {ta("percent", { value: a.progress })}
                  {a.overdue && ` · ${ta("overdue")}`}
                </span>
              </li>
            ))}
          </ul>
        )}
        {canEdit && (
          <ButtonLink href={`/projects/${projectId}/actions/new?findingId=${findingId}`} variant="secondary">
            {ta("newForFinding")}
          </ButtonLink>
        )}
      </section>
      <section aria-labelledby="evidence" className="rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="evidence" className="mb-3 text-lg font-semibold">
          {t("evidence")}
        </h2>
        <FactList
          facts={[
            {
              label: t("workshops"),
              value: workshops.length
                ? workshops.map((w) => (
                    <span key={`${w.workshopId}${w.day}`} className="block">
                      <Link href={`/projects/${projectId}/workshops/${w.workshopId}`}>{w.title}</Link>
                      {" · "}
                      {w.day ? format.dateTime(calendarDate(w.day), { dateStyle: "medium" }) : t("wholeWorkshop")}
                    </span>
                  ))
                : none,
            },
            {
              label: t("sources"),
              value: sources.length
                ? sources.map((s) => (
                    <span key={s.id} className="block">
                      {s.title}
                    </span>
                  ))
                : none,
            },
            {
              label: t("reportedBy"),
              value: byRole("reported").length
                ? byRole("reported").map((i) => (
                    <span key={i.institutionId} className="block">
                      {i.name}
                    </span>
                  ))
                : none,
            },
            {
              label: t("concerns"),
              value: byRole("concerned").length
                ? byRole("concerned").map((i) => (
                    <span key={i.institutionId} className="block">
                      {i.name}
                    </span>
                  ))
                : none,
            },
          ]}
        />
      </section>
    </>
  );
}
