import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { PageMessages } from "@/components/layout/page-messages";
import { PageHeader } from "@/components/ui/page-header";
import { getIndicator } from "@/lib/indicators/use-cases";
import { getPageContext, unwrapForPage } from "@/lib/request-context";
import { updateIndicatorAction } from "../../actions";
import { IndicatorForm } from "../../_components/indicator-form";
import { indicatorFormOptions } from "../../_components/indicator-form-options";

export default async function EditIndicatorPage({ params }: { params: Promise<{ projectId: string; indicatorId: string }> }) {
  const ctx = await getPageContext();
  const { projectId, indicatorId } = await params;
  const { indicator, targets, evidence, canEdit } = unwrapForPage(await getIndicator(ctx, { projectId, indicatorId }));
  if (!canEdit) notFound();
  const [t, options] = await Promise.all([getTranslations("indicators"), indicatorFormOptions(ctx, projectId)]);
  return (
    <PageMessages namespaces={["indicators", "institutions", "calculations", "workshops"]}>
      <PageHeader title={t("editTitle", { code: indicator.code })} />
      <IndicatorForm
        action={updateIndicatorAction}
        projectId={projectId}
        indicator={indicator}
        resultId={indicator.resultId}
        results={options.results}
        periods={targets.map((p) => ({ id: p.periodId, name: p.name, target: p.value, groups: Object.fromEntries(p.groups.map((g) => [g.group, g.value])) }))}
        evidence={options.evidence}
        calculation={options.calculation}
        chosenEvidence={{
          findingIds: evidence.findings.map((f) => f.id),
          workshopIds: evidence.workshops.map((w) => w.id),
          sourceIds: evidence.sources.map((s) => s.id),
        }}
        cancelHref={`/projects/${projectId}/indicators/${indicatorId}`}
      />
    </PageMessages>
  );
}
