import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { PageMessages } from "@/components/layout/page-messages";
import { PageHeader } from "@/components/ui/page-header";
import { getWorkshopQuestionnaires } from "@/lib/questionnaires/use-cases";
import { getPageContext, unwrapForPage } from "@/lib/request-context";
import { QuestionnaireEditor } from "../../_components/questionnaire-editor";

export default async function EditQuestionnairePage({ params }: { params: Promise<{ projectId: string; workshopId: string; questionnaireId: string }> }) {
  const ctx = await getPageContext();
  const { projectId, workshopId, questionnaireId } = await params;
  const { workshop, questionnaires, canEdit } = unwrapForPage(await getWorkshopQuestionnaires(ctx, { projectId, workshopId }));
  const questionnaire = questionnaires.find((q) => q.id === questionnaireId);
  if (!canEdit || !questionnaire) notFound();
  const t = await getTranslations("questionnaires");
  return (
    <PageMessages namespaces={["questionnaires"]}>
      <PageHeader title={`${t(`kinds.${questionnaire.kind}`)} — ${workshop.title}`} />
      <QuestionnaireEditor projectId={projectId} workshopId={workshopId} kind={questionnaire.kind} stored={questionnaire} />
    </PageMessages>
  );
}
