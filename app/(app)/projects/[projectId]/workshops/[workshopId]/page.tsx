import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { LinkedResults } from "@/components/logic-model/linked-results";
import { ButtonLink } from "@/components/ui/button";
import { DownloadLink } from "@/components/ui/download-link";
import { FactList } from "@/components/ui/fact-list";
import { PageHeader } from "@/components/ui/page-header";
import { calendarDate } from "@/lib/i18n/dates";
import { getPageContext, unwrapForPage } from "@/lib/request-context";
import { getWorkshop } from "@/lib/workshops/use-cases";
import { NarrativeText } from "@/components/narrative-text";

export default async function WorkshopPage({ params }: { params: Promise<{ projectId: string; workshopId: string }> }) {
  const ctx = await getPageContext();
  const { projectId, workshopId } = await params;
  const { workshop, mission, days, invited, agenda, outputs, canEdit, canCheckIn, canSeeCertificates } = unwrapForPage(await getWorkshop(ctx, { projectId, workshopId }));
  const [t, tModel, tLanguage, tSheet, tImport, tCertificates, tQuestionnaires, format] = await Promise.all([
    getTranslations("workshops"),
    getTranslations("logicModel"),
    getTranslations("language"),
    getTranslations("signInSheet"),
    getTranslations("attendanceImport"),
    getTranslations("certificates"),
    getTranslations("questionnaires"),
    getFormatter(),
  ]);
  const base = `/projects/${projectId}/workshops/${workshop.id}`;
  const dayLabel = (day: string) => format.dateTime(calendarDate(day), { dateStyle: "full" });
  const facts = [
    { label: t("type"), value: t(`types.${workshop.type}`) },
    { label: t("period"), value: format.dateTimeRange(calendarDate(workshop.startDate), calendarDate(workshop.endDate), { dateStyle: "long" }) },
    { label: t("city"), value: [workshop.city, workshop.venue].filter(Boolean).join(" · ") || "—" },
    { label: t("language"), value: tLanguage(workshop.language) },
    { label: t("facilitators"), value: workshop.facilitators || "—" },
    { label: t("expected"), value: workshop.expectedParticipants === null ? "—" : format.number(workshop.expectedParticipants) },
    { label: t("status"), value: t(`statuses.${workshop.status}`) },
    { label: tModel("outputs"), value: <LinkedResults projectId={projectId} results={outputs} /> },
    ...(mission
      ? [
          {
            label: t("mission"),
            value: (
              <Link href={`/projects/${projectId}/missions/${mission.id}`}>
                <NarrativeText text={mission.title} as="title" />
              </Link>
            ),
          },
        ]
      : []),
  ];
  const agendaByDay = new Map(agenda.map((a) => [a.day, a.agenda]));
  return (
    <>
      <PageHeader
        title={workshop.title}
        actions={
          <>
            <ButtonLink href={`${base}/report`} variant="secondary">
              {t("report")}
            </ButtonLink>
            <ButtonLink href={`${base}/questionnaires`} variant="secondary">
              {tQuestionnaires("title")}
            </ButtonLink>
            {canSeeCertificates && (
              <ButtonLink href={`${base}/certificates`} variant="secondary">
                {tCertificates("open")}
              </ButtonLink>
            )}
            {canCheckIn && (
              <ButtonLink href={`${base}/import`} variant="secondary">
                {tImport("open")}
              </ButtonLink>
            )}
            <DownloadLink href={`/api/v1${base}/calendar`} variant="secondary">
              {t("addToCalendar")}
            </DownloadLink>
            {canEdit && <ButtonLink href={`${base}/edit`}>{t("edit")}</ButtonLink>}
          </>
        }
      />
      <section aria-labelledby="facts" className="mb-6 rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="facts" className="mb-3 text-lg font-semibold">
          {t("facts")}
        </h2>
        <FactList facts={facts} />
      </section>
      <section aria-labelledby="days" className="mb-6">
        <h2 id="days" className="mb-2 text-lg font-semibold">
          {t("days")}
        </h2>
        <ul className="flex flex-col gap-2">
          {days.map((day) => (
            <li key={day} className="rounded-lg border border-slate-200 bg-white p-3">
              <div className="flex flex-wrap items-center justify-between gap-2">
                <span className="font-medium">{dayLabel(day)}</span>
                {canCheckIn && (
                  <div className="flex flex-wrap gap-2">
                    <DownloadLink href={`/api/v1/projects/${projectId}/workshops/${workshop.id}/sign-in-sheet?day=${day}`} variant="ghost">
                      {tSheet("download")}
                    </DownloadLink>
                    {workshop.status !== "cancelled" && (
                      <ButtonLink href={`${base}/check-in?day=${day}`} variant="secondary">
                        {t("checkInDay", { day: format.dateTime(calendarDate(day), { dateStyle: "medium" }) })}
                      </ButtonLink>
                    )}
                  </div>
                )}
              </div>
              {agendaByDay.has(day) && <p className="mt-2 whitespace-pre-line text-sm text-slate-800">{agendaByDay.get(day)}</p>}
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="invited" className="mb-6">
        <h2 id="invited" className="mb-2 text-lg font-semibold">
          {t("invited")}
        </h2>
        {invited.length === 0 ? (
          <p className="text-sm text-slate-700">{t("noInvited")}</p>
        ) : (
          <ul className="list-disc pl-5">
            {invited.map((i) => (
              <li key={i.id}>
                <Link href={`/institutions/${i.id}`}>{i.name}</Link>
                {i.acronym && <span className="text-slate-600"> ({i.acronym})</span>}
              </li>
            ))}
          </ul>
        )}
      </section>
      {workshop.minutes && (
        <section aria-labelledby="minutes" className="rounded-lg border border-slate-200 bg-white p-4">
          <h2 id="minutes" className="mb-2 text-lg font-semibold">
            {t("minutes")}
          </h2>
          <p className="whitespace-pre-line text-slate-800">{workshop.minutes}</p>
        </section>
      )}
    </>
  );
}
