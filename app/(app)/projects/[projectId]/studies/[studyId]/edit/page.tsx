import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { PageMessages } from "@/components/layout/page-messages";
import { PageHeader } from "@/components/ui/page-header";
import { getPageContext, unwrapForPage } from "@/lib/request-context";
import { getStudy } from "@/lib/studies/use-cases";
import { updateStudyAction } from "../../actions";
import { StudyForm } from "../../_components/study-form";

export default async function EditStudyPage({ params }: { params: Promise<{ projectId: string; studyId: string }> }) {
  const ctx = await getPageContext();
  const { projectId, studyId } = await params;
  const { study, canEdit } = unwrapForPage(await getStudy(ctx, { projectId, studyId }));
  if (!canEdit) notFound();
  const t = await getTranslations("studies");
  return (
    <PageMessages namespaces={["studies"]}>
      <PageHeader title={t("edit")} />
      <StudyForm action={updateStudyAction} projectId={projectId} study={study} cancelHref={`/projects/${projectId}/studies/${studyId}`} />
    </PageMessages>
  );
}
