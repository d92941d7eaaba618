import { getLocale, getTranslations } from "next-intl/server";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Table, Td, Th } from "@/components/ui/table";
import type { Figure } from "@/lib/evaluations/results";
import { levelWording } from "@/lib/evaluations/scale-wording";
import type { Locale } from "@/lib/i18n/config";
import { narrativeFor } from "@/lib/narrative";
import type { GainFigure } from "@/lib/questionnaires/gain";
import { feedbackScale } from "@/lib/questionnaires/kinds";
import { gainBreakdowns, getQuestionnaireResults } from "@/lib/questionnaires/results";
import { getPageContext, unwrapForPage } from "@/lib/request-context";

export default async function QuestionnaireResultsPage({ params }: { params: Promise<{ projectId: string; workshopId: string }> }) {
  const ctx = await getPageContext();
  const { projectId, workshopId } = await params;
  const results = unwrapForPage(await getQuestionnaireResults(ctx, { projectId, workshopId }));
  const [t, tParticipants, tInstitutions, locale] = await Promise.all([
    getTranslations("questionnaires"),
    getTranslations("participants"),
    getTranslations("institutions"),
    getLocale() as Promise<Locale>,
  ]);
  const text = (n: Parameters<typeof narrativeFor>[0]) => narrativeFor(n, locale).text;
  const figure = (f: Figure | GainFigure | null | undefined) => {
    if (!f) return "—";
    if (!f.shown) return f.reason === "tooFew" ? t("tooFew") : t("protectsSmallGroup");
    return t("percentOfN", { percent: f.percent, n: f.n });
  };
  const groupName = (group: string) => {
    const [key, value] = group.split(":") as [string, string];
    if (value === "none") return t("unknownGroup");
    if (key === "sex") return tParticipants(`sexes.${value as "woman"}`);
    if (key === "sector") return tInstitutions(`sectors.${value as "state"}`);
    return tInstitutions(`kinds.${value as "ngo"}`);
  };
  const tests = [results.before, results.after];
  const rows = Math.max(results.before?.questions.length ?? 0, results.after?.questions.length ?? 0);
  const nothing = !results.before && !results.after && !results.feedback;
  return (
    <>
      <PageHeader title={`${t("results")} — ${results.workshop.title}`} />
      <p className="mb-4 text-sm text-slate-700">{t("threshold", { n: results.threshold })}</p>
      {nothing && <EmptyState message={t("noResults")} />}
      <div className="flex flex-col gap-6">
        {(results.before || results.after) && (
          <section aria-labelledby="learning">
            <h2 id="learning" className="mb-2 text-lg font-semibold">
              {t("learning")}
            </h2>
            <Table caption={t("rightAnswers")}>
              <thead>
                <tr>
                  <Th>{t("questionColumn")}</Th>
                  <Th className="text-right">{t("kinds.pre_test")}</Th>
                  <Th className="text-right">{t("kinds.post_test")}</Th>
                </tr>
              </thead>
              <tbody>
                {Array.from({ length: rows }, (_, i) => (
                  <tr key={i}>
                    <Td>{text((results.before?.questions[i] ?? results.after?.questions[i])!.text)}</Td>
                    {tests.map((test, j) => (
                      <Td key={j} className="text-right tabular-nums">
                        {figure(test?.questions[i]?.right)}
                      </Td>
                    ))}
                  </tr>
                ))}
                <tr>
                  <Th scope="row">{t("meanScore")}</Th>
                  {tests.map((test, j) => (
                    <Td key={j} className="text-right font-semibold tabular-nums">
                      {/* Out of the people who took the test, not the points they could score. */}
                      {test?.meanScore.shown ? t("percentOfN", { percent: test.meanScore.percent, n: test.n }) : figure(test?.meanScore)}
                    </Td>
                  ))}
                </tr>
              </tbody>
            </Table>
            <h3 className="mt-4 mb-2 font-semibold">{t("gain")}</h3>
            <p className="mb-2 text-sm text-slate-700">{t("gainExplained", { pairs: results.pairs, perfect: results.gain.perfectPre })}</p>
            <Table caption={t("gain")}>
              <thead>
                <tr>
                  <Th>{t("group")}</Th>
                  <Th className="text-right">{t("gainColumn")}</Th>
                </tr>
              </thead>
              <tbody>
                <tr>
                  <Th scope="row">{t("everyone")}</Th>
                  <Td className="text-right font-semibold tabular-nums">{figure(results.gain.overall)}</Td>
                </tr>
                {gainBreakdowns.flatMap((key) =>
                  Object.entries(results.gain.groups)
                    .filter(([group]) => group.startsWith(`${key}:`))
                    .map(([group, f]) => (
                      <tr key={group}>
                        <Td>{groupName(group)}</Td>
                        <Td className="text-right tabular-nums">{figure(f)}</Td>
                      </tr>
                    )),
                )}
              </tbody>
            </Table>
          </section>
        )}
        {results.feedback && (
          <section aria-labelledby="feedback">
            <h2 id="feedback" className="mb-2 text-lg font-semibold">
              {t("kinds.feedback")}
            </h2>
            <div className="flex flex-col gap-4">
              {results.feedback.questions.map((q) => (
                <div key={q.id} className="rounded-md border border-slate-200 bg-white p-3">
                  <h3 className="font-medium">{text(q.text)}</h3>
                  {q.type === "agreement" && (
                    <>
                      <p>{t("agreeing", { figure: figure(q.agreement) })}</p>
                      {q.distribution && (
                        <ul className="mt-1 text-sm text-slate-700">
                          {q.distribution.map((count, level) => (
                            <li key={level}>
                              {levelWording(feedbackScale.scaleSize, level + 1, locale)}: {count}
                            </li>
                          ))}
                        </ul>
                      )}
                    </>
                  )}
                  {q.type === "open" &&
                    (q.answers === null ? (
                      <p className="text-sm text-slate-700">{t("openAnswersStaffOnly")}</p>
                    ) : q.answers.length === 0 ? (
                      <p className="text-sm text-slate-700">—</p>
                    ) : (
                      <ul className="mt-1 list-disc pl-5 text-sm">
                        {q.answers.map((a, i) => (
                          <li key={i}>{a}</li>
                        ))}
                      </ul>
                    ))}
                </div>
              ))}
            </div>
          </section>
        )}
      </div>
    </>
  );
}
