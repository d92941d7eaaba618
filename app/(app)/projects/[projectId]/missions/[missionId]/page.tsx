import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { PageMessages } from "@/components/layout/page-messages";
import { LinkedResults } from "@/components/logic-model/linked-results";
import { ButtonLink } from "@/components/ui/button";
import { DownloadLink } from "@/components/ui/download-link";
import { FactList } from "@/components/ui/fact-list";
import { PageHeader } from "@/components/ui/page-header";
import { countryName } from "@/lib/i18n/countries";
import { calendarDate } from "@/lib/i18n/dates";
import { getMission } from "@/lib/missions/use-cases";
import { can } from "@/lib/policy";
import { loadCurrentProject } from "@/lib/projects/current-project";
import { getPageContext, unwrapForPage } from "@/lib/request-context";
import { NoteForm } from "../_components/note-form";
import { NarrativeText } from "@/components/narrative-text";

export default async function MissionPage({ params }: { params: Promise<{ projectId: string; missionId: string }> }) {
  const ctx = await getPageContext();
  const { projectId, missionId } = await params;
  const { mission, team, notes, workshops, outputs, canEdit } = unwrapForPage(await getMission(ctx, { projectId, missionId }));
  const [t, tModel, tWorkshops, format, locale, { access }] = await Promise.all([
    getTranslations("missions"),
    getTranslations("logicModel"),
    getTranslations("workshops"),
    getFormatter(),
    getLocale(),
    loadCurrentProject(projectId),
  ]);
  const facts = [
    { label: t("period"), value: format.dateTimeRange(calendarDate(mission.startDate), calendarDate(mission.endDate), { dateStyle: "long" }) },
    { label: t("country"), value: countryName(mission.country, locale) },
    { label: t("cities"), value: mission.cities.join(", ") || "—" },
    { label: t("status"), value: t(`statuses.${mission.status}`) },
    { label: t("team"), value: team.map((m) => m.name).join(", ") || t("noTeam") },
    { label: tModel("outputs"), value: <LinkedResults projectId={projectId} results={outputs} /> },
  ];
  return (
    <PageMessages namespaces={["missions"]}>
      <PageHeader
        title={<NarrativeText text={mission.title} as="title" />}
        actions={
          <>
            <DownloadLink href={`/api/v1/projects/${projectId}/missions/${mission.id}/calendar`} variant="secondary">
              {t("addToCalendar")}
            </DownloadLink>
            {canEdit && <ButtonLink href={`/projects/${projectId}/missions/${mission.id}/edit`}>{t("edit")}</ButtonLink>}
          </>
        }
      />
      <section aria-labelledby="facts" className="mb-6 rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="facts" className="mb-3 text-lg font-semibold">
          {t("facts")}
        </h2>
        <FactList facts={facts} />
        {mission.purpose && <p className="mt-4 whitespace-pre-line text-slate-800">{mission.purpose}</p>}
        {mission.objectives && (
          <>
            <h3 className="mt-4 font-medium">{t("objectives")}</h3>
            <p className="whitespace-pre-line text-slate-800">{mission.objectives}</p>
          </>
        )}
        {mission.notes && (
          <>
            <h3 className="mt-4 font-medium">{t("notes")}</h3>
            <p className="whitespace-pre-line text-slate-800">{mission.notes}</p>
          </>
        )}
      </section>
      <section aria-labelledby="workshops" className="mb-6">
        <h2 id="workshops" className="mb-2 text-lg font-semibold">
          {t("workshops")}
        </h2>
        {workshops.length === 0 ? (
          <p className="text-sm text-slate-700">{t("noWorkshops")}</p>
        ) : (
          <ul className="flex flex-col gap-1">
            {workshops.map((w) => (
              <li key={w.id}>
                <Link href={`/projects/${projectId}/workshops/${w.id}`}>{w.title}</Link>{" "}
                <span className="text-sm text-slate-700">
                  {format.dateTimeRange(calendarDate(w.startDate), calendarDate(w.endDate), { dateStyle: "medium" })} · {tWorkshops(`types.${w.type}`)} ·{" "}
                  {tWorkshops(`statuses.${w.status}`)}
                </span>
              </li>
            ))}
          </ul>
        )}
        {can(access, "workshops.edit") && (
          <ButtonLink href={`/projects/${projectId}/workshops/new?missionId=${mission.id}`} className="mt-3">
            {tWorkshops("new")}
          </ButtonLink>
        )}
      </section>
      <section aria-labelledby="notes" className="rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="notes" className="mb-2 text-lg font-semibold">
          {t("teamNotes")}
        </h2>
        {notes.length === 0 ? (
          <p className="mb-3 text-sm text-slate-700">{t("noNotes")}</p>
        ) : (
          <ul className="mb-4 flex flex-col gap-3">
            {notes.map((n) => (
              <li key={n.id} className="border-b border-slate-200 pb-2">
                <p className="text-xs text-slate-600">
                  {n.authorName ?? "—"} · {format.dateTime(n.createdAt, { dateStyle: "medium", timeStyle: "short" })}
                </p>
                <p className="whitespace-pre-line">{n.body}</p>
              </li>
            ))}
          </ul>
        )}
        <NoteForm projectId={projectId} missionId={mission.id} />
      </section>
    </PageMessages>
  );
}
