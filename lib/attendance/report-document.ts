import { institutionKinds, institutionSectors, participantSexes } from "@/db/schema/values";
import type { DocumentSpec, Section } from "@/lib/documents/sections";
import { isOneOf } from "@/lib/i18n/keys";
import type { Wording } from "@/lib/i18n/wording";
import { listedName } from "@/lib/participants/names";
import type { Count, ReportSlice, WorkshopReport } from "./report";

const statusWords = { late: "report.statusLate", left_early: "report.statusLeftEarly" } as const;

type Breakdown = "bySex" | "bySector" | "byKind" | "byInstitution" | "byBody";

/** How a coded category reads (sexes, sectors and kinds are codes; institutions and bodies are names). */
function categoryLabel(breakdown: Breakdown, count: Count, { t }: Wording): string {
  if (count.key === "none") return t("report.none");
  if (breakdown === "bySex" && isOneOf(participantSexes, count.key)) return t(`participants.sexes.${count.key}`);
  if (breakdown === "bySector" && isOneOf(institutionSectors, count.key)) return t(`institutions.sectors.${count.key}`);
  if (breakdown === "byKind" && isOneOf(institutionKinds, count.key)) return t(`institutions.kinds.${count.key}`);
  return count.label;
}

/**
 * The workshop report as titled tables, in the reader's words: the same sections feed the page,
 * the Excel file and the PDF.
 */
export function workshopReportDocument(report: WorkshopReport, wording: Wording): DocumentSpec<Section> {
  const { t } = wording;
  const slices: ReportSlice[] = [report.overall, ...report.days];
  const headers = (first: string) => [first, t("report.overall"), ...report.days.map((d) => wording.day(d.day))];
  const breakdown = (key: Breakdown, title: string, empty?: string): Section => {
    // Categories in the overall order, then any seen only on some day (someone who moved on);
    // a day without anyone in a category shows 0, so each day's column adds up to its people.
    const categories = new Map<string, Count>();
    for (const slice of slices) for (const c of slice[key]) if (!categories.has(c.key)) categories.set(c.key, c);
    const counts = slices.map((slice) => new Map(slice[key].map((c) => [c.key, c.count])));
    return {
      title,
      headers: headers(t("report.category")),
      rows: [...categories.values()].map((c) => [categoryLabel(key, c, wording), ...counts.map((byKey) => byKey.get(c.key) ?? 0)]),
      empty,
    };
  };
  const sections: Section[] = [
    {
      title: t("report.summary"),
      headers: headers(""),
      rows: [
        [t("report.attendances"), ...slices.map((s) => s.attendances)],
        [t("report.participants"), ...slices.map((s) => s.participants)],
        [t("report.late"), ...slices.map((s) => s.late)],
        [t("report.leftEarly"), ...slices.map((s) => s.leftEarly)],
        [t("report.excused"), ...slices.map((s) => s.excused)],
        [t("report.everyDay"), report.overall.everyDay, ...report.days.map(() => "")],
        [t("report.someDays"), report.overall.someDays, ...report.days.map(() => "")],
      ],
    },
    breakdown("bySex", t("report.bySex")),
    breakdown("bySector", t("report.bySector")),
    breakdown("byKind", t("report.byKind")),
    breakdown("byInstitution", t("report.byInstitution")),
    breakdown("byBody", t("report.byBody"), t("report.noBody")),
    {
      title: t("report.absent"),
      headers: [t("report.institution")],
      rows: report.absentInstitutions.map((i) => [i.acronym ? `${i.name} (${i.acronym})` : i.name]),
      empty: t("report.noneAbsent"),
    },
  ];
  if (report.attendees) {
    sections.push({
      title: t("report.attendees"),
      headers: [t("report.name"), t("report.institution"), t("report.daysAttended"), t("report.attendanceRate"), t("report.excusedDays")],
      rows: report.attendees.map((a) => [
        a.isErased ? t("participants.erasedName") : listedName(a.givenNames, a.familyNames),
        a.institutionName ?? t("report.none"),
        a.days.map(({ day, status }) => (status === "present" ? wording.day(day) : `${wording.day(day)} (${t(statusWords[status])})`)).join(" · "),
        t("report.rateValue", { attended: a.days.length, days: report.days.length, percent: a.rate }),
        a.excused.map(({ day, reason }) => `${wording.day(day)}: ${reason}`).join(" · "),
      ]),
    });
  }
  const { workshop } = report;
  return {
    title: `${t("report.title")} — ${workshop.title}`,
    subtitle: [t(`workshops.types.${workshop.type}`), workshop.city, wording.period(workshop.startDate, workshop.endDate)].filter(Boolean).join(" · "),
    sections,
  };
}
