import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { PageMessages } from "@/components/layout/page-messages";
import { PageHeader } from "@/components/ui/page-header";
import { getWorkshopReport } from "@/lib/attendance/use-cases";
import { levelWording } from "@/lib/evaluations/scale-wording";
import type { Locale } from "@/lib/i18n/config";
import { narrativeFor } from "@/lib/narrative";
import { feedbackScale, isTest } from "@/lib/questionnaires/kinds";
import { getWorkshopQuestionnaires } from "@/lib/questionnaires/use-cases";
import { getPageContext, unwrapForPage } from "@/lib/request-context";
import { AnswerForm } from "../../_components/answer-form";
import { AnswerImport } from "../../_components/answer-import";

export default async function QuestionnaireAnswersPage({ params }: { params: Promise<{ projectId: string; workshopId: string; questionnaireId: string }> }) {
  const ctx = await getPageContext();
  const { projectId, workshopId, questionnaireId } = await params;
  const [{ workshop, questionnaires, canEnter }, report] = await Promise.all([
    getWorkshopQuestionnaires(ctx, { projectId, workshopId }).then(unwrapForPage),
    getWorkshopReport(ctx, { projectId, workshopId }).then(unwrapForPage),
  ]);
  const questionnaire = questionnaires.find((q) => q.id === questionnaireId);
  if (!canEnter || !questionnaire || questionnaire.status === "draft") notFound();
  const [t, locale] = await Promise.all([getTranslations("questionnaires"), getLocale() as Promise<Locale>]);
  const text = (n: Parameters<typeof narrativeFor>[0]) => narrativeFor(n, locale).text;
  const people = (report.attendees ?? []).filter((a) => !a.isErased && a.days.length > 0).map((a) => ({ value: a.participantId, label: `${a.familyNames}, ${a.givenNames}` }));
  return (
    <PageMessages namespaces={["questionnaires", "imports"]}>
      <PageHeader title={`${t("enterAnswers")} — ${t(`kinds.${questionnaire.kind}`)} — ${workshop.title}`} />
      <p className="mb-4 text-sm text-slate-700">{t("enterIntro")}</p>
      <AnswerForm
        projectId={projectId}
        workshopId={workshopId}
        questionnaireId={questionnaire.id}
        questions={questionnaire.questions.map((q) => ({ id: q.id, type: q.type, text: text(q.text), choices: q.choices.map(text) }))}
        people={people}
        levels={Array.from({ length: feedbackScale.scaleSize }, (_, i) => levelWording(feedbackScale.scaleSize, i + 1, locale))}
      />
      <AnswerImport
        projectId={projectId}
        workshopId={workshopId}
        questionnaireId={questionnaire.id}
        isTest={isTest(questionnaire.kind)}
        questions={questionnaire.questions.map((q) => ({ id: q.id, label: text(q.text), texts: [q.text.fr, q.text.es, q.text.en].filter((w): w is string => Boolean(w)) }))}
      />
    </PageMessages>
  );
}
