import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { PageMessages } from "@/components/layout/page-messages";
import { PageHeader } from "@/components/ui/page-header";
import { questionnaireKinds, type QuestionnaireKind } from "@/lib/questionnaires/kinds";
import { getWorkshopQuestionnaires } from "@/lib/questionnaires/use-cases";
import { getPageContext, unwrapForPage } from "@/lib/request-context";
import { QuestionnaireEditor } from "../_components/questionnaire-editor";

export default async function NewQuestionnairePage({
  params,
  searchParams,
}: {
  params: Promise<{ projectId: string; workshopId: string }>;
  searchParams: Promise<{ kind?: string }>;
}) {
  const ctx = await getPageContext();
  const { projectId, workshopId } = await params;
  const kind = (await searchParams).kind as QuestionnaireKind;
  const { workshop, canEdit } = unwrapForPage(await getWorkshopQuestionnaires(ctx, { projectId, workshopId }));
  if (!canEdit || !questionnaireKinds.includes(kind)) notFound();
  const t = await getTranslations("questionnaires");
  return (
    <PageMessages namespaces={["questionnaires"]}>
      <PageHeader title={`${t(`kinds.${kind}`)} — ${workshop.title}`} />
      <QuestionnaireEditor projectId={projectId} workshopId={workshopId} kind={kind} />
    </PageMessages>
  );
}
