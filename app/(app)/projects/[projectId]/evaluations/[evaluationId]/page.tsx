import { getLocale, getTranslations } from "next-intl/server";
import { ResponseImport } from "@/components/evaluations/response-import";
import { PageMessages } from "@/components/layout/page-messages";
import { NarrativeText } from "@/components/narrative-text";
import { ButtonLink } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import type { Figure } from "@/lib/evaluations/results";
import { levelWording } from "@/lib/evaluations/scale-wording";
import { getEvaluationResults } from "@/lib/evaluations/use-cases";
import { narrativeFor } from "@/lib/narrative";
import { getPageContext, unwrapForPage } from "@/lib/request-context";
import { PinForm } from "../_components/pin-form";
import { ResponseForm } from "../_components/response-form";

// Disagreeing levels in warm tones, agreeing ones in teal: the bar reads at a glance on a phone.
const levelColours = { agree: ["bg-teal-500", "bg-teal-700"], other: ["bg-red-300", "bg-orange-200", "bg-slate-200"] };

export default async function EvaluationPage({ params }: { params: Promise<{ projectId: string; evaluationId: string }> }) {
  const ctx = await getPageContext();
  const { projectId, evaluationId } = await params;
  const { evaluation, groups, respondents, results, canImport, canPin } = unwrapForPage(await getEvaluationResults(ctx, { projectId, evaluationId }));
  const [t, locale] = await Promise.all([getTranslations("evaluations"), getLocale()]);
  const text = (n: Parameters<typeof narrativeFor>[0]) => narrativeFor(n, locale).text;
  const figure = (f: Figure) => (f.shown ? t("agreeOf", { percent: f.percent, n: f.n }) : t(`withheld.${f.reason}`));
  const colour = (level: number) => {
    const agreeIndex = evaluation.agreeLevels.indexOf(level);
    return agreeIndex >= 0 ? levelColours.agree[agreeIndex % 2] : levelColours.other[(level - 1) % 3];
  };
  // Everyone's answers over the scale; sent only when the statement has enough answers.
  const spread = (counts: number[]) => {
    const answered = counts.reduce((a, b) => a + b, 0);
    return (
      <figure className="mt-3">
        <figcaption className="mb-1 text-xs text-slate-600">{t("distribution")}</figcaption>
        <div className="flex h-4 w-full overflow-hidden rounded" aria-hidden>
          {counts.map((count, i) => (count ? <span key={i} className={colour(i + 1)} style={{ width: `${(100 * count) / answered}%` }} /> : null))}
        </div>
        <p className="mt-1 flex flex-wrap gap-x-3 text-xs text-slate-700">
          {counts.map((count, i) => (
            <span key={i}>{t("levelCount", { level: i + 1, wording: levelWording(evaluation.scaleSize, i + 1, locale), count })}</span>
          ))}
        </p>
      </figure>
    );
  };
  return (
    <PageMessages namespaces={["evaluations", "imports"]}>
      <PageHeader
        title={<NarrativeText text={evaluation.title} as="title" />}
        actions={
          <>
            {canPin && (
              <ButtonLink href={`/projects/${projectId}/evaluations/${evaluationId}/texts`} variant="secondary">
                {t("translate")}
              </ButtonLink>
            )}
            <ButtonLink href={`/projects/${projectId}/evaluations`} variant="ghost">
              {t("backToList")}
            </ButtonLink>
          </>
        }
      />
      <p className="mb-1 text-slate-800">{t("respondents", { count: respondents })}</p>
      <p className="mb-4 text-sm text-slate-700">
        {t("agreeing", { levels: evaluation.agreeLevels.join(", "), scale: evaluation.scaleSize })} · {t("roundingRule", { min: evaluation.minGroupSize })}
      </p>
      {canImport && (
        <ResponseForm
          projectId={projectId}
          evaluationId={evaluationId}
          scaleSize={evaluation.scaleSize}
          groups={groups.map((g) => ({ value: g.key, label: text(g.name) }))}
          statements={results.map((r) => ({ key: r.key, label: text(r.text) }))}
        />
      )}
      {canImport && <ResponseImport projectId={projectId} evaluationId={evaluationId} statements={results.map((r) => ({ key: r.key, label: text(r.text) }))} />}
      <ol className="flex flex-col gap-4">
        {results.map((r) => (
          <li key={r.statementId} className="rounded-lg border border-slate-200 bg-white p-4">
            <section aria-label={text(r.text)}>
              <h2 className="mb-2 font-medium">
                <NarrativeText text={r.text} as="title" />
              </h2>
              <p className="text-2xl font-semibold text-teal-900">{figure(r.overall)}</p>
              <dl className="mt-2 grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[max-content_1fr]">
                {r.groups.map((g) => (
                  <div key={g.groupId} className="contents">
                    <dt className="text-slate-600">{text(groups.find((x) => x.id === g.groupId)!.name)}</dt>
                    <dd>{figure(g.figure)}</dd>
                  </div>
                ))}
              </dl>
              {r.distribution && spread(r.distribution)}
              {canPin && (
                <PinForm
                  projectId={projectId}
                  evaluationId={evaluationId}
                  statementId={r.statementId}
                  current={r.pinned ? (r.pinnedGroupId ?? "all") : "none"}
                  groups={groups.map((g) => ({ value: g.id, label: text(g.name) }))}
                  label={`${t("pin")} · ${text(r.text)}`}
                />
              )}
            </section>
          </li>
        ))}
      </ol>
    </PageMessages>
  );
}
