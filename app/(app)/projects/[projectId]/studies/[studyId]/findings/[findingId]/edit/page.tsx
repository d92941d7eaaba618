import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { PageMessages } from "@/components/layout/page-messages";
import { PageHeader } from "@/components/ui/page-header";
import { getFinding } from "@/lib/findings/use-cases";
import { getPageContext, unwrapForPage } from "@/lib/request-context";
import { updateFindingAction } from "../../../../actions";
import { FindingForm } from "../../../../_components/finding-form";
import { findingFormOptions } from "../../../../_components/finding-form-options";

export default async function EditFindingPage({ params }: { params: Promise<{ projectId: string; studyId: string; findingId: string }> }) {
  const ctx = await getPageContext();
  const { projectId, studyId, findingId } = await params;
  const { finding, workshops, sources, institutions, outcome, canEdit } = unwrapForPage(await getFinding(ctx, { projectId, studyId, findingId }));
  if (!canEdit) notFound();
  const [t, options] = await Promise.all([getTranslations("findings"), findingFormOptions(ctx, projectId, studyId)]);
  const chosen = (role: "reported" | "concerned") => institutions.filter((i) => i.role === role).map((i) => ({ id: i.institutionId, name: i.name }));
  return (
    <PageMessages namespaces={["findings", "institutions", "logicModel"]}>
      <PageHeader title={t("edit")} />
      <FindingForm
        action={updateFindingAction}
        projectId={projectId}
        studyId={studyId}
        finding={finding}
        evidence={{
          workshops: workshops.map((w) => (w.day ? `${w.workshopId}@${w.day}` : w.workshopId)),
          sourceIds: sources.map((s) => s.id),
          reportedBy: chosen("reported"),
          concerned: chosen("concerned"),
        }}
        outcomeId={outcome?.id}
        cancelHref={`/projects/${projectId}/studies/${studyId}/findings/${findingId}`}
        {...options}
      />
    </PageMessages>
  );
}
