import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { ButtonLink } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { listEvaluations } from "@/lib/evaluations/use-cases";
import { calendarDate } from "@/lib/i18n/dates";
import { loadCurrentProject } from "@/lib/projects/current-project";
import { getPageContext, unwrapForPage } from "@/lib/request-context";

export default async function EvaluationsPage({ params }: { params: Promise<{ projectId: string }> }) {
  const ctx = await getPageContext();
  const { projectId } = await params;
  const [{ project, canEdit }, list] = await Promise.all([loadCurrentProject(projectId), listEvaluations(ctx, { projectId }).then(unwrapForPage)]);
  const [t, format] = await Promise.all([getTranslations("evaluations"), getFormatter()]);
  return (
    <>
      <PageHeader title={`${t("title")} · ${project.code}`} actions={canEdit && <ButtonLink href={`/projects/${projectId}/evaluations/new`}>{t("new")}</ButtonLink>} />
      {list.length === 0 ? (
        <EmptyState message={t("none")} />
      ) : (
        <ul className="flex flex-col gap-3">
          {list.map((e) => (
            <li key={e.id} className="rounded-lg border border-slate-200 bg-white p-4">
              <Link href={`/projects/${projectId}/evaluations/${e.id}`} className="text-lg font-medium">
                {e.title}
              </Link>
              <p className="text-sm text-slate-700">
                {e.periodStart && e.periodEnd ? format.dateTimeRange(calendarDate(e.periodStart), calendarDate(e.periodEnd), { dateStyle: "medium" }) : "—"} ·{" "}
                {t("respondents", { count: e.respondents })}
              </p>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
