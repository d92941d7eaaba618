import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { PageMessages } from "@/components/layout/page-messages";
import { resultOptions } from "@/components/logic-model/result-options";
import { PageHeader } from "@/components/ui/page-header";
import { countryOptions } from "@/lib/i18n/countries";
import { loadCurrentProject } from "@/lib/projects/current-project";
import { getPageContext } from "@/lib/request-context";
import { createMissionAction } from "../actions";
import { MissionForm } from "../_components/mission-form";
import { staffOptions } from "../_components/staff-options";

export default async function NewMissionPage({ params }: { params: Promise<{ projectId: string }> }) {
  const ctx = await getPageContext();
  const { projectId } = await params;
  const { project, canEdit } = await loadCurrentProject(projectId);
  if (!canEdit) notFound();
  const [t, locale] = await Promise.all([getTranslations("missions"), getLocale()]);
  return (
    <PageMessages namespaces={["missions", "logicModel"]}>
      <PageHeader title={t("new")} />
      <MissionForm
        action={createMissionAction}
        projectId={projectId}
        defaultCountry={project.country}
        team={[]}
        staff={await staffOptions(ctx, projectId)}
        countries={countryOptions(locale, project.country)}
        outputs={await resultOptions(ctx, projectId, "outputs")}
        chosenOutputs={[]}
        cancelHref={`/projects/${projectId}/missions`}
      />
    </PageMessages>
  );
}
