import { eq, inArray } from "drizzle-orm";
import { z } from "zod";
import { indicators, indicatorTargets, projects } from "@/db/schema";
import { resultLevels } from "@/db/schema/values";
import { loadResults } from "@/lib/logic-model/queries";
import { defineUseCase } from "@/lib/use-case";
import { blankToNull } from "@/lib/zod-fields";
import { keptFigures } from "@/lib/record-versions";
import { actualFor, computedActuals, reportedValues, type ComputedActuals, type SeenValue } from "./actuals";
import { progressOf } from "./progress";
import { loadPeriods } from "./queries";
import { exportPmfOutput, getPmfOutput } from "./responses";

/**
 * The actual at the end of the project: a computed indicator's figure over the whole project, else
 * the approved value of the latest period that has one.
 */
function finalActual(computed: ComputedActuals | null, reported: SeenValue[], periods: { id: string }[]) {
  if (computed) return { actual: computed.project.value, n: computed.project.n, groups: computed.project.groups };
  const latest = [...periods].reverse().find((p) => reported.some((v) => v.periodId === p.id && v.status === "approved"));
  const value = latest ? reported.find((v) => v.periodId === latest.id)! : null;
  return { actual: value?.value ?? null, n: null, groups: value?.groups ?? {} };
}

export const getPmfInput = z.object({
  projectId: z.uuid(),
  /** Only the indicators of results at this level. */
  level: z.preprocess(blankToNull, z.enum(resultLevels).nullable().default(null)),
  /** Only this period's column. */
  periodId: z.preprocess(blankToNull, z.uuid().nullable().default(null)),
});

/**
 * The performance measurement framework in GAC's layout: per indicator, the result it measures, its
 * statement, baseline, data sources, collection methods, frequency and responsibility, then per
 * period the target, the actual (an approved reported value, else the computed figure) and the
 * share of the target reached, and the same for the whole project.
 */
export const getPmf = defineUseCase({
  name: "pmf.get",
  http: [
    { method: "get", path: "/projects/{projectId}/pmf", response: getPmfOutput },
    // The same framework as a file: ?format=xlsx (the default) or docx, and ?lang=.
    { method: "get", path: "/projects/{projectId}/pmf/export", response: exportPmfOutput },
  ],
  access: { kind: "project", permission: "project.read" },
  input: getPmfInput,
  write: false,
  async run(ctx, input) {
    const [[project], results, allPeriods, rows, kept] = await Promise.all([
      ctx.db.select({ code: projects.code, name: projects.name }).from(projects).where(eq(projects.id, input.projectId)),
      loadResults(ctx, input.projectId),
      loadPeriods(ctx, input.projectId),
      ctx.db.select().from(indicators).where(eq(indicators.projectId, input.projectId)),
      keptFigures(ctx.db, input.projectId),
    ]);
    const periods = input.periodId ? allPeriods.filter((p) => p.id === input.periodId) : allPeriods;
    const order = new Map(results.map((r, i) => [r.id, i]));
    const shown = rows
      .filter((i) => !input.level || results.find((r) => r.id === i.resultId)?.level === input.level)
      .sort((a, b) => order.get(a.resultId)! - order.get(b.resultId)! || a.code.localeCompare(b.code, undefined, { numeric: true }));
    const ids = shown.map((i) => i.id);
    const [targets, reported, computed] = await Promise.all([
      ids.length ? ctx.db.select().from(indicatorTargets).where(inArray(indicatorTargets.indicatorId, ids)) : [],
      reportedValues(ctx, input.projectId, ids),
      Promise.all(shown.map((i) => computedActuals(ctx, kept, i, periods))),
    ]);
    return {
      project: project!,
      results: results.filter((r) => !input.level || r.level === input.level).map((r) => ({ id: r.id, code: r.code, level: r.level, statement: r.statement })),
      periods: periods.map(({ id, name, startDate, endDate }) => ({ id, name, startDate, endDate })),
      rows: shown.map((indicator, i) => {
        const result = results.find((r) => r.id === indicator.resultId)!;
        const own = reported.filter((v) => v.indicatorId === indicator.id);
        const cells = periods.map((p) => {
          const actual = actualFor(p.id, computed[i]!, own);
          const target = targets.find((t) => t.indicatorId === indicator.id && t.periodId === p.id && t.group === "")?.value ?? null;
          return {
            periodId: p.id,
            target,
            actual: actual.value,
            source: actual.source,
            n: actual.source === "computed" ? (actual.computed?.n ?? null) : null,
            withheld: actual.source === "computed" ? (actual.computed?.withheld ?? null) : null,
            ...progressOf(target, actual.value),
          };
        });
        const final = finalActual(computed[i]!, own, allPeriods);
        return {
          result: { id: result.id, code: result.code, level: result.level, statement: result.statement },
          indicator: {
            id: indicator.id,
            code: indicator.code,
            statement: indicator.statement,
            unit: indicator.unit,
            disaggregations: indicator.disaggregations,
            baselineValue: indicator.baselineValue,
            baselineDate: indicator.baselineDate,
            dataSources: indicator.dataSources,
            collectionMethods: indicator.collectionMethods,
            frequency: indicator.frequency,
            responsibility: indicator.responsibility,
            computed: indicator.calculation !== null,
          },
          cells,
          project: { target: indicator.endTarget, ...final, ...progressOf(indicator.endTarget, final.actual) },
        };
      }),
    };
  },
});
export type Pmf = Extract<Awaited<ReturnType<typeof getPmf>>, { ok: true }>["data"];
