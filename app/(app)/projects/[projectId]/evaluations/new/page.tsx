import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { PageMessages } from "@/components/layout/page-messages";
import { PageHeader } from "@/components/ui/page-header";
import { loadCurrentProject } from "@/lib/projects/current-project";
import { EvaluationForm } from "../_components/evaluation-form";

export default async function NewEvaluationPage({ params }: { params: Promise<{ projectId: string }> }) {
  const { projectId } = await params;
  const { canEdit } = await loadCurrentProject(projectId);
  if (!canEdit) notFound();
  const [t, locale] = await Promise.all([getTranslations("evaluations"), getLocale()]);
  return (
    <PageMessages namespaces={["evaluations", "findings"]}>
      <PageHeader title={t("new")} />
      <EvaluationForm projectId={projectId} locale={locale} cancelHref={`/projects/${projectId}/evaluations`} />
    </PageMessages>
  );
}
