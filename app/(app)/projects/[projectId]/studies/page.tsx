import { getFormatter, getTranslations } from "next-intl/server";
import { ButtonLink } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { CardList } from "@/components/list-page/card-list";
import { calendarDate } from "@/lib/i18n/dates";
import { loadCurrentProject } from "@/lib/projects/current-project";
import { getPageContext, unwrapForPage } from "@/lib/request-context";
import { listStudies } from "@/lib/studies/use-cases";

export default async function StudiesPage({ params }: { params: Promise<{ projectId: string }> }) {
  const ctx = await getPageContext();
  const { projectId } = await params;
  const [{ project, canEdit }, studies] = await Promise.all([loadCurrentProject(projectId), listStudies(ctx, { projectId }).then(unwrapForPage)]);
  const [t, format] = await Promise.all([getTranslations("studies"), getFormatter()]);
  const period = (from: string | null, to: string | null) =>
    from && to ? format.dateTimeRange(calendarDate(from), calendarDate(to), { dateStyle: "medium" }) : from ? format.dateTime(calendarDate(from), { dateStyle: "medium" }) : "—";
  return (
    <>
      <PageHeader title={`${t("title")} · ${project.code}`} actions={canEdit && <ButtonLink href={`/projects/${projectId}/studies/new`}>{t("new")}</ButtonLink>} />
      <CardList
        items={studies}
        emptyMessage={`${t("none")} ${t("noneHint")}`}
        href={(s) => `/projects/${projectId}/studies/${s.id}`}
        title={(s) => s.title}
        details={(s) => `${period(s.periodStart, s.periodEnd)} · ${t(`statuses.${s.status}`)} · ${t("findingsCount")}: ${s.findings}`}
      />
    </>
  );
}
