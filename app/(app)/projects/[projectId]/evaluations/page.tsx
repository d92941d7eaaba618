import { getFormatter, getTranslations } from "next-intl/server";
import { ButtonLink } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { CardList } from "@/components/list-page/card-list";
import { listEvaluations } from "@/lib/evaluations/use-cases";
import { calendarDate } from "@/lib/i18n/dates";
import { loadCurrentProject } from "@/lib/projects/current-project";
import { getPageContext, unwrapForPage } from "@/lib/request-context";
import { NarrativeText } from "@/components/narrative-text";

export default async function EvaluationsPage({ params }: { params: Promise<{ projectId: string }> }) {
  const ctx = await getPageContext();
  const { projectId } = await params;
  const [{ project, canEdit }, list] = await Promise.all([loadCurrentProject(projectId), listEvaluations(ctx, { projectId }).then(unwrapForPage)]);
  const [t, format] = await Promise.all([getTranslations("evaluations"), getFormatter()]);
  return (
    <>
      <PageHeader title={`${t("title")} · ${project.code}`} actions={canEdit && <ButtonLink href={`/projects/${projectId}/evaluations/new`}>{t("new")}</ButtonLink>} />
      <CardList
        items={list}
        emptyMessage={t("none")}
        href={(e) => `/projects/${projectId}/evaluations/${e.id}`}
        title={(e) => <NarrativeText text={e.title} as="title" />}
        details={(e) => (
          <>
            {e.periodStart && e.periodEnd ? format.dateTimeRange(calendarDate(e.periodStart), calendarDate(e.periodEnd), { dateStyle: "medium" }) : "—"} ·{" "}
            {t("respondents", { count: e.respondents })}
          </>
        )}
      />
    </>
  );
}
