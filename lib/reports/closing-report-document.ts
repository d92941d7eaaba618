import type { Locale } from "@/db/schema/values";
import type { DocumentSpec, EntrySection, Section } from "@/lib/documents/sections";
import { percentOf, type Figure } from "@/lib/evaluations/results";
import { narrativeFor } from "@/lib/narrative";
import { countryName } from "@/lib/i18n/countries";
import type { Wording } from "@/lib/i18n/wording";
import { resultsSection } from "@/lib/indicators/pmf-document";
import type { ClosingReport } from "./closing-report";

/**
 * The closing report ("bilan") in the chosen language: the project, attendance, missions and
 * workshops, the baseline findings with the actions taken, the indicators' results, and the evaluation results with their n.
 */
export function closingReportDocument(report: ClosingReport, locale: Locale, wording: Wording): DocumentSpec {
  const { t, period } = wording;
  const text = (n: Parameters<typeof narrativeFor>[0]) => narrativeFor(n, locale).text;
  const figure = (f: Figure) => (f.shown ? t("evaluations.agreeOf", { percent: f.percent, n: f.n }) : t(`evaluations.withheld.${f.reason}`));
  const { project, totals } = report;
  const sections: (Section | EntrySection)[] = [
    {
      title: t("closingReport.project"),
      entries: [
        {
          heading: `${text(project.name)} (${project.code})`,
          lines: [
            `${t("projects.country")}: ${countryName(project.country, locale)}`,
            `${t("projects.period")}: ${period(project.startDate, project.endDate)}`,
            `${t("projects.funder")}: ${project.funder || "—"}`,
            `${t("projects.status")}: ${t(`projects.statuses.${project.status}`)}`,
            ...(project.description ? [text(project.description)] : []),
          ],
        },
      ],
    },
    {
      title: t("closingReport.attendance"),
      headers: [t("closingReport.figure"), t("closingReport.value")],
      rows: [
        [t("projects.workshopsHeld"), totals.workshopsHeld],
        [t("projects.attendances"), totals.attendances],
        [t("projects.uniqueParticipants"), totals.participants],
        [t("projects.womenShare"), totals.participants ? `${percentOf(totals.women, totals.participants)} %` : "—"],
        [t("projects.institutionsReached"), totals.institutions],
      ],
    },
    ...(report.missions.length
      ? [
          {
            title: t("closingReport.missions"),
            headers: [t("missions.name"), t("missions.period"), t("missions.status")],
            rows: report.missions.map((m) => [text(m.title), period(m.startDate, m.endDate), t(`missions.statuses.${m.status}`)]),
          },
        ]
      : []),
    {
      title: t("closingReport.workshops"),
      headers: [
        t("workshops.name"),
        t("workshops.type"),
        t("workshops.city"),
        t("workshops.period"),
        t("workshops.status"),
        t("projects.attendances"),
        t("projects.uniqueParticipants"),
      ],
      rows: report.workshops.map((w) => [
        w.title,
        t(`workshops.types.${w.type}`),
        w.city,
        period(w.startDate, w.endDate),
        t(`workshops.statuses.${w.status}`),
        w.attendances,
        w.people,
      ]),
      empty: t("closingReport.noneYet"),
    },
    {
      title: t("closingReport.findings"),
      entries: report.studies.flatMap((s) =>
        s.findings.map((f) => ({
          heading: text(f.title),
          lines: [
            `${t("findings.theme")}: ${f.theme ? t(`findings.themes.${f.theme}`) : f.projectThemeName ? text(f.projectThemeName) : "—"} · ${t("findings.status")}: ${t(`findings.statuses.${f.status}`)}`,
            t("closingReport.actionsTaken", { actions: f.actions.join("; ") || t("closingReport.noneYet") }),
          ],
        })),
      ),
      empty: t("closingReport.noneYet"),
    },
    {
      title: t("closingReport.actions"),
      headers: [t("improvementActions.name"), t("improvementActions.status"), t("improvementActions.progress"), t("improvementActions.dueDate")],
      rows: report.actions.map((a) => [
        a.title,
        t(`improvementActions.statuses.${a.status}`),
        `${a.progress} %`,
        a.dueDate ? `${wording.day(a.dueDate)}${a.overdue ? ` (${t("improvementActions.overdue")})` : ""}` : "—",
      ]),
      empty: t("closingReport.noneYet"),
    },
    resultsSection(report.results, locale, wording),
    {
      title: t("closingReport.evaluations"),
      entries: report.evaluations.flatMap((e) => [
        { heading: `${text(e.evaluation.title)} — ${t("evaluations.respondents", { count: e.respondents })}`, lines: [] },
        ...e.results.map((r) => ({
          heading: `${figure(r.overall)} — ${text(r.text)}`,
          lines: r.groups.map((g) => `${text(e.groups.find((x) => x.id === g.groupId)!.name)}: ${figure(g.figure)}`),
        })),
      ]),
      empty: t("closingReport.noneYet"),
    },
  ];
  return { title: `${t("closingReport.title")} — ${text(project.name)}`, subtitle: period(project.startDate, project.endDate), sections };
}
