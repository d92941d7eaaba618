import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { PageMessages } from "@/components/layout/page-messages";
import { resultOptions } from "@/components/logic-model/result-options";
import { PageHeader } from "@/components/ui/page-header";
import { listMissions } from "@/lib/missions/use-cases";
import { loadCurrentProject } from "@/lib/projects/current-project";
import { getPageContext, unwrapForPage } from "@/lib/request-context";
import { createWorkshopAction } from "../actions";
import { WorkshopForm } from "../_components/workshop-form";
import { narrativeFor } from "@/lib/narrative";

export default async function NewWorkshopPage({ params, searchParams }: { params: Promise<{ projectId: string }>; searchParams: Promise<{ missionId?: string | string[] }> }) {
  const ctx = await getPageContext();
  const { projectId } = await params;
  const { canEdit } = await loadCurrentProject(projectId);
  if (!canEdit) notFound();
  const missions = unwrapForPage(await listMissions(ctx, { projectId, when: "all", pageSize: 100 })).items;
  const [t, locale, outputs] = await Promise.all([getTranslations("workshops"), getLocale(), resultOptions(ctx, projectId, "outputs")]);
  // Opened from a mission's page: that mission is chosen, when it is one of this project's.
  const { missionId } = await searchParams;
  const chosenMission = missions.find((m) => m.id === missionId)?.id;
  return (
    <PageMessages namespaces={["institutions", "workshops", "logicModel"]}>
      <PageHeader title={t("new")} />
      <WorkshopForm
        action={createWorkshopAction}
        projectId={projectId}
        missions={missions.map((m) => ({ value: m.id, label: narrativeFor(m.title, locale).text }))}
        invited={[]}
        outputs={outputs}
        chosenOutputs={[]}
        agendaDays={[]}
        cancelHref={chosenMission ? `/projects/${projectId}/missions/${chosenMission}` : `/projects/${projectId}/workshops`}
        missionId={chosenMission}
      />
    </PageMessages>
  );
}
