import { percentOf } from "@/lib/evaluations/results";

/** Where an indicator stands in a period: its actual has reached the target, has not yet, or one of them is missing. */
export type ProgressStatus = "on_track" | "behind" | "no_data";

/** The actual as a whole percent of the target (the one rounding rule), and whether it has reached it. */
export function progressOf(target: number | null, actual: number | null): { percent: number | null; status: ProgressStatus } {
  if (target === null || actual === null) return { percent: null, status: "no_data" };
  return { percent: target > 0 ? percentOf(actual, target) : null, status: actual >= target ? "on_track" : "behind" };
}
