import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { AttendanceImport } from "@/components/attendance/attendance-import";
import { PageMessages } from "@/components/layout/page-messages";
import { PageHeader } from "@/components/ui/page-header";
import { calendarDate } from "@/lib/i18n/dates";
import { getPageContext, unwrapForPage } from "@/lib/request-context";
import { getWorkshop } from "@/lib/workshops/use-cases";

export default async function AttendanceImportPage({ params }: { params: Promise<{ projectId: string; workshopId: string }> }) {
  const ctx = await getPageContext();
  const { projectId, workshopId } = await params;
  const { workshop, days, canCheckIn } = unwrapForPage(await getWorkshop(ctx, { projectId, workshopId }));
  if (!canCheckIn) notFound();
  const [t, format] = await Promise.all([getTranslations("attendanceImport"), getFormatter()]);
  return (
    <PageMessages namespaces={["attendanceImport", "imports"]}>
      <PageHeader title={`${t("title")} · ${workshop.title}`} />
      <p className="mb-4 max-w-3xl text-slate-700">{t("intro")}</p>
      <AttendanceImport
        projectId={projectId}
        workshopId={workshopId}
        days={days.map((d) => ({ value: d, label: format.dateTime(calendarDate(d), { dateStyle: "full" }) }))}
        initialDay={days[0]!}
      />
    </PageMessages>
  );
}
