import "server-only";
import { getLocale } from "next-intl/server";
import type { Option } from "@/components/ui/field";
import { listBodies } from "@/lib/bodies/use-cases";
import { getEvaluationResults, listEvaluations } from "@/lib/evaluations/use-cases";
import { listFindings } from "@/lib/findings/use-cases";
import { calculations } from "@/lib/indicators/calculations/catalogue";
import { listPeriods } from "@/lib/indicators/use-cases";
import { getLogicModel } from "@/lib/logic-model/use-cases";
import { narrativeFor } from "@/lib/narrative";
import { unwrapForPage } from "@/lib/request-context";
import type { Ctx } from "@/lib/session-user";
import { getStudy, listStudies } from "@/lib/studies/use-cases";
import { listWorkshops } from "@/lib/workshops/use-cases";

/**
 * What the indicator form offers: the project's results, its periods, the findings, workshops and
 * sources a baseline may cite, and what a calculation may name (outputs, bodies, evaluation statements and groups).
 */
export async function indicatorFormOptions(ctx: Ctx, projectId: string) {
  const locale = await getLocale();
  const [{ results }, { items: periods }, studies, workshops, bodies, evaluations] = await Promise.all([
    getLogicModel(ctx, { projectId }).then(unwrapForPage),
    listPeriods(ctx, { projectId }).then(unwrapForPage),
    listStudies(ctx, { projectId }).then(unwrapForPage),
    listWorkshops(ctx, { projectId, pageSize: 100, sort: "startDate", dir: "asc" }).then(unwrapForPage),
    listBodies(ctx, {}).then(unwrapForPage),
    listEvaluations(ctx, { projectId }).then(unwrapForPage),
  ]);
  const evaluationResults = await Promise.all(evaluations.map(async (e) => unwrapForPage(await getEvaluationResults(ctx, { projectId, evaluationId: e.id }))));
  const perStudy = await Promise.all(
    studies.map(async (s) => ({
      findings: unwrapForPage(await listFindings(ctx, { projectId, studyId: s.id })),
      study: unwrapForPage(await getStudy(ctx, { projectId, studyId: s.id })),
    })),
  );
  const text = (narrative: Parameters<typeof narrativeFor>[0]) => narrativeFor(narrative, locale).text;
  return {
    calculation: {
      parameters: Object.fromEntries(calculations.map((c) => [c.kind, Object.keys(c.params.shape).filter((key) => key !== "kind")])),
      options: {
        outputs: results.filter((r) => r.level === "output").map((r): Option => ({ value: r.id, label: `${r.code} — ${text(r.statement)}` })),
        bodies: bodies.map((b): Option => ({ value: b.id, label: b.acronym ? `${b.acronym} — ${b.name}` : b.name })),
        statements: evaluationResults.flatMap((e) => e.results.map((s): Option => ({ value: s.statementId, label: `${text(e.evaluation.title)} — ${text(s.text)}` }))),
        groups: evaluationResults.flatMap((e) => e.groups.map((g): Option => ({ value: g.id, label: `${text(e.evaluation.title)} — ${text(g.name)}` }))),
      },
    },
    results: results.map((r): Option => ({ value: r.id, label: `${r.code} — ${narrativeFor(r.statement, locale).text}` })),
    periods,
    evidence: {
      findings: perStudy.flatMap((s) => s.findings.map((f): Option => ({ value: f.id, label: narrativeFor(f.title, locale).text }))),
      workshops: workshops.items.map((w): Option => ({ value: w.id, label: `${w.title} (${w.startDate})` })),
      sources: perStudy.flatMap((s) => s.study.sources.map((src): Option => ({ value: src.id, label: src.title }))),
    },
  };
}
