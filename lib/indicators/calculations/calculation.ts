import type { z } from "zod";
import type { Disaggregation, IndicatorUnit } from "@/db/schema/values";
import type { FieldErrors } from "@/lib/result";
import type { UseCaseCtx } from "@/lib/use-case";

/** The days a figure covers, both included; `null` leaves that end open (from the project's start, to its end). */
export type Window = { from: string | null; to: string | null };

/**
 * A computed actual: the figure, the n behind it (the records counted, or the whole a share is
 * taken of), and, for a share, how many of them agreed or were done. `groups` holds the figure per
 * group of each disaggregation it can be broken down by (`sex:woman`…); the groups of one
 * disaggregation always add up to the figure. `value` is null when there is nothing to show yet,
 * or when an evaluation withholds the figure to protect a small group (`withheld` says why).
 */
export type Actual = {
  value: number | null;
  n: number;
  part?: number;
  groups: Record<string, number>;
  withheld?: "tooFew" | "protectsSmallGroup";
};

/** A phrase of the `calculations` namespace and its values. */
export type Clause = { key: string; values: Record<string, string | number> };
/** A calculation in words: what it counts, then the filters that narrow it. */
export type Wording = Clause & { filters: Clause[] };

/** The names a calculation's words need, looked up once for the page (outputs, bodies, statements). */
export type Names = { results: Map<string, string>; bodies: Map<string, string>; statements: Map<string, string>; groups: Map<string, string> };

/**
 * One calculation of the catalogue: its parameters, the check that they name only the project's
 * own records, the figure over a window of days, and the words that explain it.
 */
export type Calculation<S extends z.ZodObject<{ kind: z.ZodLiteral<string> }>, P = z.output<S>> = {
  kind: z.output<S>["kind"];
  params: S;
  /** The unit the figure is in: a count is a number, a share a percentage. */
  unitOf: (params: P) => IndicatorUnit;
  /** The disaggregations the records themselves give. */
  disaggregations: readonly Disaggregation[];
  check: (ctx: UseCaseCtx, projectId: string, params: P) => Promise<FieldErrors>;
  compute: (ctx: UseCaseCtx, projectId: string, params: P, window: Window) => Promise<Actual>;
  words: (params: P, names: Names) => Wording;
};
