import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { PageMessages } from "@/components/layout/page-messages";
import { PageHeader } from "@/components/ui/page-header";
import { getPageContext, unwrapForPage } from "@/lib/request-context";
import { getStudy } from "@/lib/studies/use-cases";
import { createFindingAction } from "../../../actions";
import { FindingForm } from "../../../_components/finding-form";
import { findingFormOptions } from "../../../_components/finding-form-options";

export default async function NewFindingPage({ params }: { params: Promise<{ projectId: string; studyId: string }> }) {
  const ctx = await getPageContext();
  const { projectId, studyId } = await params;
  const { study, canEdit } = unwrapForPage(await getStudy(ctx, { projectId, studyId }));
  if (!canEdit) notFound();
  const [t, options] = await Promise.all([getTranslations("findings"), findingFormOptions(ctx, projectId, studyId)]);
  return (
    <PageMessages namespaces={["findings", "institutions", "logicModel"]}>
      <PageHeader title={`${t("new")} · ${study.title}`} />
      <FindingForm
        action={createFindingAction}
        projectId={projectId}
        studyId={studyId}
        evidence={{ workshops: [], sourceIds: [], reportedBy: [], concerned: [] }}
        cancelHref={`/projects/${projectId}/studies/${studyId}`}
        {...options}
      />
    </PageMessages>
  );
}
