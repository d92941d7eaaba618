import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Table, Td, Th } from "@/components/ui/table";
import type { Figure } from "@/lib/evaluations/results";
import { calendarDate } from "@/lib/i18n/dates";
import type { Locale } from "@/lib/i18n/config";
import { narrativeFor } from "@/lib/narrative";
import type { GainFigure } from "@/lib/questionnaires/gain";
import { compareWorkshopResults } from "@/lib/questionnaires/results";
import { getPageContext, unwrapForPage } from "@/lib/request-context";

/** The same training given in several workshops, side by side. */
export default async function LearningComparisonPage({ params }: { params: Promise<{ projectId: string }> }) {
  const ctx = await getPageContext();
  const { projectId } = await params;
  const { rows } = unwrapForPage(await compareWorkshopResults(ctx, { projectId }));
  const [t, tWorkshops, format, locale] = await Promise.all([getTranslations("questionnaires"), getTranslations("workshops"), getFormatter(), getLocale() as Promise<Locale>]);
  const figure = (f: Figure | GainFigure) => (f.shown ? t("percentOfN", { percent: f.percent, n: f.n }) : f.reason === "tooFew" ? t("tooFew") : t("protectsSmallGroup"));
  const trainings = [...new Set(rows.map((r) => narrativeFor(r.training, locale).text))];
  return (
    <>
      <PageHeader title={t("comparison")} />
      <p className="mb-4 text-sm text-slate-700">{t("comparisonIntro")}</p>
      {rows.length === 0 && <EmptyState message={t("noResults")} />}
      <div className="flex flex-col gap-6">
        {trainings.map((training) => (
          <section key={training} aria-label={training}>
            <h2 className="mb-2 text-lg font-semibold">{training}</h2>
            <Table caption={training}>
              <thead>
                <tr>
                  <Th>{tWorkshops("title")}</Th>
                  <Th className="text-right">{t("kinds.pre_test")}</Th>
                  <Th className="text-right">{t("kinds.post_test")}</Th>
                  <Th className="text-right">{t("gainColumn")}</Th>
                </tr>
              </thead>
              <tbody>
                {rows
                  .filter((r) => narrativeFor(r.training, locale).text === training)
                  .map((r) => (
                    <tr key={r.workshop.id}>
                      <Td>
                        <Link href={`/projects/${projectId}/workshops/${r.workshop.id}/questionnaires/results`}>{r.workshop.title}</Link>
                        <span className="block text-sm text-slate-700">
                          {format.dateTime(calendarDate(r.workshop.startDate), { dateStyle: "medium" })} · {tWorkshops(`types.${r.workshop.type}`)}
                        </span>
                      </Td>
                      <Td className="text-right tabular-nums">{figure(r.before)}</Td>
                      <Td className="text-right tabular-nums">{figure(r.after)}</Td>
                      <Td className="text-right tabular-nums">{figure(r.gain)}</Td>
                    </tr>
                  ))}
              </tbody>
            </Table>
          </section>
        ))}
      </div>
    </>
  );
}
