import type { Indicator, ReportingPeriod } from "@/db/schema";
import type { UseCaseCtx } from "@/lib/use-case";
import type { Actual, Wording } from "./calculations/calculation";
import { calculationInput, calculationOf } from "./calculations/catalogue";
import { namesFor } from "./calculations/names";

export type ComputedActuals = {
  wording: Wording;
  /** The figure for each period, in the order given. */
  periods: { periodId: string; actual: Actual }[];
  /** The figure over the whole project. */
  project: Actual;
};

/** A computed indicator's figures per period and for the whole project, with its words; null for a reported indicator. */
export async function computedActuals(ctx: UseCaseCtx, indicator: Indicator, periods: Pick<ReportingPeriod, "id" | "startDate" | "endDate">[]): Promise<ComputedActuals | null> {
  if (!indicator.calculation) return null;
  const params = calculationInput.parse(indicator.calculation);
  const calculation = calculationOf(params);
  const [names, project, ...perPeriod] = await Promise.all([
    namesFor(ctx, params),
    calculation.compute(ctx, indicator.projectId, params, { from: null, to: null }),
    ...periods.map((p) => calculation.compute(ctx, indicator.projectId, params, { from: p.startDate, to: p.endDate })),
  ]);
  return {
    wording: calculation.words(params, names),
    periods: periods.map((p, i) => ({ periodId: p.id, actual: perPeriod[i]! })),
    project,
  };
}
