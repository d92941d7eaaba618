import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { PageMessages } from "@/components/layout/page-messages";
import { PageHeader } from "@/components/ui/page-header";
import { getEvaluationResults } from "@/lib/evaluations/use-cases";
import { narrativeFor } from "@/lib/narrative";
import { getPageContext, unwrapForPage } from "@/lib/request-context";
import { TextsForm } from "../../_components/texts-form";

/** The manager's page for naming the groups and wording the statements in each language. */
export default async function EvaluationTextsPage({ params }: { params: Promise<{ projectId: string; evaluationId: string }> }) {
  const ctx = await getPageContext();
  const { projectId, evaluationId } = await params;
  const { evaluation, groups, results, canPin } = unwrapForPage(await getEvaluationResults(ctx, { projectId, evaluationId }));
  if (!canPin) notFound();
  const [t, locale] = await Promise.all([getTranslations("evaluations"), getLocale()]);
  const back = `/projects/${projectId}/evaluations/${evaluationId}`;
  return (
    <PageMessages namespaces={["evaluations", "findings"]}>
      <PageHeader title={t("translateTitle", { title: narrativeFor(evaluation.title, locale).text })} />
      <TextsForm
        projectId={projectId}
        evaluationId={evaluationId}
        version={evaluation.version}
        title={evaluation.title}
        groups={groups.map((g) => ({ id: g.id, key: g.key, text: g.name }))}
        statements={results.map((r) => ({ id: r.statementId, key: r.key, text: r.text }))}
        cancelHref={back}
      />
    </PageMessages>
  );
}
