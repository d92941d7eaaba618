import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { PageMessages } from "@/components/layout/page-messages";
import { PageHeader } from "@/components/ui/page-header";
import { childLevel } from "@/lib/logic-model/levels";
import { getLogicModel } from "@/lib/logic-model/use-cases";
import { narrativeFor } from "@/lib/narrative";
import { getPageContext, unwrapForPage } from "@/lib/request-context";
import { updateResultAction } from "../../actions";
import { ResultForm } from "../../_components/result-form";

/** A result's code and statement, and the result of the level above it sits under. */
export default async function EditResultPage({ params }: { params: Promise<{ projectId: string; resultId: string }> }) {
  const { projectId, resultId } = await params;
  const ctx = await getPageContext();
  const { results, canEdit } = unwrapForPage(await getLogicModel(ctx, { projectId }));
  const result = results.find((r) => r.id === resultId);
  if (!canEdit || !result) notFound();
  const [t, locale] = await Promise.all([getTranslations("logicModel"), getLocale()]);
  const parents = results.filter((r) => childLevel[r.level] === result.level).map((r) => ({ value: r.id, label: `${r.code} — ${narrativeFor(r.statement, locale).text}` }));
  return (
    <PageMessages namespaces={["logicModel"]}>
      <PageHeader title={t("editTitle", { code: result.code })} />
      <ResultForm
        action={updateResultAction}
        projectId={projectId}
        result={result}
        parentId={result.parentId}
        parents={parents}
        suggestedCode={null}
        cancelHref={`/projects/${projectId}/logic-model`}
      />
    </PageMessages>
  );
}
