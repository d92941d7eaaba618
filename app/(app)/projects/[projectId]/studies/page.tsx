import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { ButtonLink } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
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
      {studies.length === 0 ? (
        <EmptyState message={`${t("none")} ${t("noneHint")}`} />
      ) : (
        <ul className="flex flex-col gap-3">
          {studies.map((s) => (
            <li key={s.id} className="rounded-lg border border-slate-200 bg-white p-4">
              <Link href={`/projects/${projectId}/studies/${s.id}`} className="text-lg font-medium">
                {s.title}
              </Link>
              <p className="text-sm text-slate-700">
                {period(s.periodStart, s.periodEnd)} · {t(`statuses.${s.status}`)} · {t("findingsCount")}: {s.findings}
              </p>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
