import { alias } from "drizzle-orm/pg-core";
import { and, eq, inArray } from "drizzle-orm";
import { indicators, indicatorValues, users, type Indicator, type ReportingPeriod } from "@/db/schema";
import { nameSeenBy } from "@/lib/authz";
import type { KeptFigures } from "@/lib/record-versions";
import type { UseCaseCtx } from "@/lib/use-case";
import type { Actual, Window, Wording } from "./calculations/calculation";
import { calculationInput, calculationOf } from "./calculations/catalogue";
import { namesFor } from "./calculations/names";
import { publicValue, valueSeenBy } from "./reported-value-access";

export type ComputedActuals = {
  wording: Wording;
  /** The figure for each period, in the order given. */
  periods: { periodId: string; actual: Actual }[];
  /** The figure over the whole project. */
  project: Actual;
};

/** A computed indicator's figures per period and for the whole project, with its words; null for a reported indicator. */
export async function computedActuals(
  ctx: UseCaseCtx,
  kept: KeptFigures,
  indicator: Indicator,
  periods: Pick<ReportingPeriod, "id" | "startDate" | "endDate">[],
): Promise<ComputedActuals | null> {
  if (!indicator.calculation) return null;
  const params = calculationInput.parse(indicator.calculation);
  const calculation = calculationOf(params);
  // Keyed by the parameters, not the indicator: a changed calculation is a new figure, and two
  // indicators counting the same thing share one.
  const figure = (window: Window) => kept(`calculation:${JSON.stringify(params)}:${window.from}:${window.to}`, () => calculation.compute(ctx, indicator.projectId, params, window));
  const [names, project, ...perPeriod] = await Promise.all([
    namesFor(ctx, params),
    figure({ from: null, to: null }),
    ...periods.map((p) => figure({ from: p.startDate, to: p.endDate })),
  ]);
  return {
    wording: calculation.words(params, names),
    periods: periods.map((p, i) => ({ periodId: p.id, actual: perPeriod[i]! })),
    project,
  };
}

const submitters = alias(users, "submitters");
const reviewers = alias(users, "reviewers");

/** The values reported for indicators, as the reader may see them, with who submitted and who reviewed each. */
export async function reportedValues(ctx: UseCaseCtx, projectId: string, indicatorIds: string[]) {
  if (indicatorIds.length === 0) return [];
  const rows = await ctx.db
    .select({
      value: indicatorValues,
      submittedByName: nameSeenBy(ctx, indicators.projectId, indicatorValues.submittedById, submitters.name),
      reviewedByName: nameSeenBy(ctx, indicators.projectId, indicatorValues.reviewedById, reviewers.name),
    })
    .from(indicatorValues)
    .innerJoin(indicators, eq(indicators.id, indicatorValues.indicatorId))
    .leftJoin(submitters, eq(submitters.id, indicatorValues.submittedById))
    .leftJoin(reviewers, eq(reviewers.id, indicatorValues.reviewedById))
    .where(and(eq(indicators.projectId, projectId), inArray(indicatorValues.indicatorId, indicatorIds)));
  return rows.flatMap((r) => {
    const seen = valueSeenBy(ctx, publicValue(r.value));
    return seen ? [{ ...seen, submittedByName: seen.submittedById ? r.submittedByName : null, reviewedByName: seen.reviewedById ? r.reviewedByName : null }] : [];
  });
}
export type SeenValue = Awaited<ReturnType<typeof reportedValues>>[number];

/** The actual that counts for a period: an approved reported value, else the computed figure; both are kept to show side by side. */
export function actualFor(periodId: string, computed: ComputedActuals | null, reported: SeenValue[]) {
  const value = reported.find((v) => v.periodId === periodId) ?? null;
  const figure = computed?.periods.find((p) => p.periodId === periodId)?.actual ?? null;
  if (value?.status === "approved") return { value: value.value, groups: value.groups, source: "reported" as const, computed: figure, reported: value };
  return { value: figure?.value ?? null, groups: figure?.groups ?? {}, source: figure ? ("computed" as const) : null, computed: figure, reported: value };
}
