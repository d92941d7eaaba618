import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { CheckInScreen } from "@/components/attendance/check-in-screen";
import { PageMessages } from "@/components/layout/page-messages";
import { ButtonLink } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { calendarDate } from "@/lib/i18n/dates";
import { loadCurrentProject } from "@/lib/projects/current-project";
import { getPageContext, unwrapForPage } from "@/lib/request-context";
import { defaultDay } from "@/lib/workshops/days";
import { getWorkshop } from "@/lib/workshops/use-cases";

export default async function CheckInPage({ params, searchParams }: { params: Promise<{ projectId: string; workshopId: string }>; searchParams: Promise<{ day?: string }> }) {
  const ctx = await getPageContext();
  const { projectId, workshopId } = await params;
  const { day: askedDay } = await searchParams;
  const { workshop, days, canCheckIn } = unwrapForPage(await getWorkshop(ctx, { projectId, workshopId }));
  if (!canCheckIn) notFound();
  const { project } = await loadCurrentProject(projectId);
  const [t, format] = await Promise.all([getTranslations("checkIn"), getFormatter()]);
  const today = new Date().toISOString().slice(0, 10);
  const day = askedDay && days.includes(askedDay) ? askedDay : defaultDay(workshop.startDate, workshop.endDate, today);
  return (
    <PageMessages namespaces={["checkIn", "errors", "institutions"]}>
      <PageHeader
        title={`${t("title")} · ${workshop.title}`}
        actions={
          <ButtonLink href={`/projects/${projectId}/workshops/${workshopId}`} variant="ghost" prefetch={false}>
            {t("backToWorkshop")}
          </ButtonLink>
        }
      />
      <CheckInScreen
        userId={ctx.user.id}
        projectId={projectId}
        workshopId={workshopId}
        projectCountry={project.country}
        days={days.map((d) => ({ value: d, label: format.dateTime(calendarDate(d), { dateStyle: "full" }) }))}
        initialDay={day}
      />
    </PageMessages>
  );
}
