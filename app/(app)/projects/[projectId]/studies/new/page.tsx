import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { PageMessages } from "@/components/layout/page-messages";
import { PageHeader } from "@/components/ui/page-header";
import { loadCurrentProject } from "@/lib/projects/current-project";
import { createStudyAction } from "../actions";
import { StudyForm } from "../_components/study-form";

export default async function NewStudyPage({ params }: { params: Promise<{ projectId: string }> }) {
  const { projectId } = await params;
  const { canEdit } = await loadCurrentProject(projectId);
  if (!canEdit) notFound();
  const t = await getTranslations("studies");
  return (
    <PageMessages namespaces={["studies"]}>
      <PageHeader title={t("new")} />
      <StudyForm action={createStudyAction} projectId={projectId} cancelHref={`/projects/${projectId}/studies`} />
    </PageMessages>
  );
}
