import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { PageMessages } from "@/components/layout/page-messages";
import { PageHeader } from "@/components/ui/page-header";
import { getAction } from "@/lib/improvement-actions/use-cases";
import { getPageContext, unwrapForPage } from "@/lib/request-context";
import { updateActionAction } from "../../actions";
import { ActionForm } from "../../_components/action-form";
import { actionFormOptions } from "../../_components/action-form-options";

export default async function EditActionPage({ params }: { params: Promise<{ projectId: string; actionId: string }> }) {
  const ctx = await getPageContext();
  const { projectId, actionId } = await params;
  const { action, findings, institutions, outputs, canEdit } = unwrapForPage(await getAction(ctx, { projectId, actionId }));
  if (!canEdit) notFound();
  const [t, options] = await Promise.all([getTranslations("improvementActions"), actionFormOptions(ctx, projectId)]);
  return (
    <PageMessages namespaces={["improvementActions", "institutions", "logicModel"]}>
      <PageHeader title={t("edit")} />
      <ActionForm
        action={updateActionAction}
        projectId={projectId}
        current={action}
        chosenFindings={findings.map((f) => f.id)}
        institutions={institutions}
        chosenOutputs={outputs.map((o) => o.id)}
        cancelHref={`/projects/${projectId}/actions/${actionId}`}
        {...options}
      />
    </PageMessages>
  );
}
