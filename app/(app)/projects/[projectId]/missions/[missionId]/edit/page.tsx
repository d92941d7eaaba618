import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { PageMessages } from "@/components/layout/page-messages";
import { resultOptions } from "@/components/logic-model/result-options";
import { PageHeader } from "@/components/ui/page-header";
import { countryOptions } from "@/lib/i18n/countries";
import { getMission } from "@/lib/missions/use-cases";
import { getPageContext, unwrapForPage } from "@/lib/request-context";
import { updateMissionAction } from "../../actions";
import { MissionForm } from "../../_components/mission-form";
import { staffOptions } from "../../_components/staff-options";

export default async function EditMissionPage({ params }: { params: Promise<{ projectId: string; missionId: string }> }) {
  const ctx = await getPageContext();
  const { projectId, missionId } = await params;
  const { mission, team, outputs, canEdit } = unwrapForPage(await getMission(ctx, { projectId, missionId }));
  if (!canEdit) notFound();
  const [t, locale] = await Promise.all([getTranslations("missions"), getLocale()]);
  return (
    <PageMessages namespaces={["missions", "logicModel"]}>
      <PageHeader title={t("edit")} />
      <MissionForm
        action={updateMissionAction}
        projectId={projectId}
        defaultCountry={mission.country}
        mission={mission}
        team={team.map((m) => m.id)}
        staff={await staffOptions(ctx, projectId)}
        countries={countryOptions(locale, mission.country)}
        outputs={await resultOptions(ctx, projectId, "outputs")}
        chosenOutputs={outputs.map((o) => o.id)}
        cancelHref={`/projects/${projectId}/missions/${missionId}`}
      />
    </PageMessages>
  );
}
