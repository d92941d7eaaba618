import { notFound } from "next/navigation";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { PageMessages } from "@/components/layout/page-messages";
import { resultOptions } from "@/components/logic-model/result-options";
import { PageHeader } from "@/components/ui/page-header";
import { calendarDate } from "@/lib/i18n/dates";
import { listMissions } from "@/lib/missions/use-cases";
import { getPageContext, unwrapForPage } from "@/lib/request-context";
import { getWorkshop } from "@/lib/workshops/use-cases";
import { updateWorkshopAction } from "../../actions";
import { WorkshopForm } from "../../_components/workshop-form";
import { narrativeFor } from "@/lib/narrative";

export default async function EditWorkshopPage({ params }: { params: Promise<{ projectId: string; workshopId: string }> }) {
  const ctx = await getPageContext();
  const { projectId, workshopId } = await params;
  const { workshop, days, invited, agenda, outputs: linked, canEdit } = unwrapForPage(await getWorkshop(ctx, { projectId, workshopId }));
  if (!canEdit) notFound();
  const missions = unwrapForPage(await listMissions(ctx, { projectId, when: "all", pageSize: 100 })).items;
  const [t, format, locale, outputs] = await Promise.all([getTranslations("workshops"), getFormatter(), getLocale(), resultOptions(ctx, projectId, "outputs")]);
  const agendaByDay = new Map(agenda.map((a) => [a.day, a.agenda]));
  return (
    <PageMessages namespaces={["institutions", "workshops", "logicModel"]}>
      <PageHeader title={t("edit")} />
      <WorkshopForm
        action={updateWorkshopAction}
        projectId={projectId}
        workshop={workshop}
        missions={missions.map((m) => ({ value: m.id, label: narrativeFor(m.title, locale).text }))}
        invited={invited.map((i) => ({ id: i.id, name: i.name }))}
        outputs={outputs}
        chosenOutputs={linked.map((o) => o.id)}
        agendaDays={days.map((day) => ({ day, label: format.dateTime(calendarDate(day), { dateStyle: "full" }), agenda: agendaByDay.get(day) ?? "" }))}
        cancelHref={`/projects/${projectId}/workshops/${workshopId}`}
      />
    </PageMessages>
  );
}
