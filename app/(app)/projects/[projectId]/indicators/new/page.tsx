import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { PageMessages } from "@/components/layout/page-messages";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/policy";
import { loadCurrentProject } from "@/lib/projects/current-project";
import { getPageContext } from "@/lib/request-context";
import { createIndicatorAction } from "../actions";
import { IndicatorForm } from "../_components/indicator-form";
import { indicatorFormOptions } from "../_components/indicator-form-options";

/** A new indicator, opened from the page of the result it measures. */
export default async function NewIndicatorPage({ params, searchParams }: { params: Promise<{ projectId: string }>; searchParams: Promise<{ resultId?: string }> }) {
  const ctx = await getPageContext();
  const { projectId } = await params;
  const { resultId } = await searchParams;
  const { access } = await loadCurrentProject(projectId);
  const [t, options] = await Promise.all([getTranslations("indicators"), indicatorFormOptions(ctx, projectId)]);
  const result = options.results.find((r) => r.value === resultId) ?? options.results[0];
  if (!can(access, "logicModel.edit") || !result) notFound();
  return (
    <PageMessages namespaces={["indicators", "institutions", "calculations", "workshops"]}>
      <PageHeader title={t("new")} />
      <IndicatorForm
        action={createIndicatorAction}
        projectId={projectId}
        resultId={result.value}
        results={options.results}
        periods={options.periods.map((p) => ({ id: p.id, name: p.name, target: null, groups: {} }))}
        evidence={options.evidence}
        calculation={options.calculation}
        chosenEvidence={{ findingIds: [], workshopIds: [], sourceIds: [] }}
        cancelHref={`/projects/${projectId}/logic-model/${result.value}`}
      />
    </PageMessages>
  );
}
