import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { PageMessages } from "@/components/layout/page-messages";
import { PageHeader } from "@/components/ui/page-header";
import { listMissions } from "@/lib/missions/use-cases";
import { loadCurrentProject } from "@/lib/projects/current-project";
import { getPageContext, unwrapForPage } from "@/lib/request-context";
import { createWorkshopAction } from "../actions";
import { WorkshopForm } from "../_components/workshop-form";

export default async function NewWorkshopPage({ params }: { params: Promise<{ projectId: string }> }) {
  const ctx = await getPageContext();
  const { projectId } = await params;
  const { canEdit } = await loadCurrentProject(projectId);
  if (!canEdit) notFound();
  const missions = unwrapForPage(await listMissions(ctx, { projectId, when: "all", pageSize: 100 })).items;
  const t = await getTranslations("workshops");
  return (
    <PageMessages namespaces={["institutions", "workshops"]}>
      <PageHeader title={t("new")} />
      <WorkshopForm
        action={createWorkshopAction}
        projectId={projectId}
        missions={missions.map((m) => ({ value: m.id, label: m.title }))}
        invited={[]}
        agendaDays={[]}
        cancelHref={`/projects/${projectId}/workshops`}
      />
    </PageMessages>
  );
}
