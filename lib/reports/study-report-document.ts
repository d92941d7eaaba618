import { reviewAnswers, type Locale } from "@/db/schema/values";
import type { DocumentSpec, EntrySection, Section } from "@/lib/documents/sections";
import { isOneOf } from "@/lib/i18n/keys";
import type { Wording } from "@/lib/i18n/wording";
import { narrativeFor } from "@/lib/narrative";
import type { StudyReport } from "./study-report";

/**
 * The study as a document in the chosen language: findings grouped by theme, each with its text
 * (or the original, marked as not yet translated), evidence, review outcome and actions; then the
 * action plan. The same sections give the DOCX and the PDF; the plan alone gives the XLSX.
 */
/** A narrative in the document's language, or the original marked as not yet translated. */
function narrativeText(n: Parameters<typeof narrativeFor>[0], locale: Locale, { t }: Wording): string {
  const shown = narrativeFor(n, locale);
  return shown.translated ? shown.text : `${shown.text} (${t("findings.notTranslated", { language: t(`findings.languages.${shown.language}`) })})`;
}

// Every line its own paragraph: documents keep neither single line breaks nor list marks otherwise.
const paragraphs = (text: string) => text.split(/\r?\n/).filter((line) => line.trim());

/** A period with either end possibly open. */
function periodOf(start: string | null, end: string | null, wording: Wording): string {
  if (start && end) return wording.period(start, end);
  if (start) return `${wording.day(start)} –`;
  return end ? `– ${wording.day(end)}` : "—";
}

export function studyDocument(report: StudyReport, locale: Locale, wording: Wording): DocumentSpec {
  const { t } = wording;
  const { study } = report;
  const text = (n: Parameters<typeof narrativeFor>[0]) => narrativeText(n, locale, wording);
  const themes = new Map<string, EntrySection>();
  for (const f of report.findings) {
    const theme = f.theme ? t(`findings.themes.${f.theme}`) : f.projectThemeName ? narrativeFor(f.projectThemeName, locale).text : "—";
    const section = themes.get(theme) ?? themes.set(theme, { title: theme, entries: [] }).get(theme)!;
    const list = (label: string, items: string[]) => `${label}: ${items.length ? items.join("; ") : t("findings.noEvidence")}`;
    const review = Object.entries(f.review).flatMap(([answer, n]) => (isOneOf(reviewAnswers, answer) ? [`${t(`reviews.answers.${answer}`)}: ${n}`] : []));
    section.entries.push({
      heading: text(f.title),
      lines: [
        `${t("findings.priority")}: ${t(`findings.priorities.${f.priority}`)} · ${t("findings.status")}: ${t(`findings.statuses.${f.status}`)}`,
        ...paragraphs(text(f.description)),
        list(
          t("findings.workshops"),
          f.workshops.map((w) => (w.day ? `${w.title} (${wording.day(w.day)})` : w.title)),
        ),
        list(t("findings.sources"), f.sources),
        list(t("findings.reportedBy"), f.reportedBy),
        list(t("findings.concerns"), f.concerned),
        list(t("reviews.title"), review),
        list(t("improvementActions.title"), f.actions),
      ],
    });
  }
  const facts: EntrySection = {
    title: t("studies.title"),
    entries: [
      {
        heading: study.title,
        lines: [
          `${t("studies.period")}: ${periodOf(study.periodStart, study.periodEnd, wording)}`,
          `${t("studies.status")}: ${t(`studies.statuses.${study.status}`)}`,
          ...(study.methodology ? [`${t("studies.methodology")}:`, ...paragraphs(study.methodology)] : []),
        ],
      },
    ],
  };
  return { title: study.title, subtitle: t("findings.title"), sections: [facts, ...themes.values(), actionPlan(report, locale, wording)] };
}

/** The actions answering the study's findings, one row each. */
export function actionPlan(report: StudyReport, locale: Locale, wording: Wording): Section {
  const { t, day } = wording;
  const titles = new Map(report.findings.map((f) => [f.id, narrativeText(f.title, locale, wording)]));
  return {
    title: t("improvementActions.title"),
    headers: [
      t("improvementActions.name"),
      t("improvementActions.findings"),
      t("improvementActions.institutions"),
      t("improvementActions.owner"),
      t("improvementActions.dueDate"),
      t("improvementActions.status"),
      t("improvementActions.progress"),
    ],
    rows: report.actions.map((a) => [
      a.title,
      a.findingIds.map((id) => titles.get(id) ?? "").join("; "),
      a.institutions.join("; "),
      a.ownerName ?? "—",
      a.dueDate ? `${day(a.dueDate)}${a.overdue ? ` (${t("improvementActions.overdue")})` : ""}` : "—",
      t(`improvementActions.statuses.${a.status}`),
      a.progress,
    ]),
    empty: t("improvementActions.none"),
  };
}
