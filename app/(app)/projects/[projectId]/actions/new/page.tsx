import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { PageMessages } from "@/components/layout/page-messages";
import { PageHeader } from "@/components/ui/page-header";
import { loadCurrentProject } from "@/lib/projects/current-project";
import { getPageContext } from "@/lib/request-context";
import { createActionAction } from "../actions";
import { ActionForm } from "../_components/action-form";
import { actionFormOptions } from "../_components/action-form-options";

export default async function NewActionPage({ params, searchParams }: { params: Promise<{ projectId: string }>; searchParams: Promise<{ findingId?: string }> }) {
  const ctx = await getPageContext();
  const { projectId } = await params;
  const { findingId } = await searchParams;
  const { canEdit } = await loadCurrentProject(projectId);
  if (!canEdit) notFound();
  const [t, options] = await Promise.all([getTranslations("improvementActions"), actionFormOptions(ctx, projectId)]);
  return (
    <PageMessages namespaces={["improvementActions", "institutions", "logicModel"]}>
      <PageHeader title={t("new")} />
      <ActionForm
        action={createActionAction}
        projectId={projectId}
        chosenFindings={findingId ? [findingId] : []}
        institutions={[]}
        chosenOutputs={[]}
        cancelHref={`/projects/${projectId}/actions`}
        {...options}
      />
    </PageMessages>
  );
}
