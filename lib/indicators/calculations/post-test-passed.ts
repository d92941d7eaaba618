import { z } from "zod";
import { attendanceFilters, checkAttendanceFilters, filterClauses } from "./attendance-scope";
import type { Calculation } from "./calculation";
import { responsesInScope, shareActual } from "./questionnaire-scope";

const params = z.object({ kind: z.literal("post_test_passed"), ...attendanceFilters, minScore: z.coerce.number().int().min(1).max(100).default(70) });

/** The share of post-tests scoring at least `minScore` % of their points; the n is the post-tests taken. */
export const postTestPassed: Calculation<typeof params> = {
  kind: "post_test_passed",
  params,
  unitOf: () => "percentage",
  disaggregations: [],
  check: (ctx, projectId, p) => checkAttendanceFilters(ctx, projectId, p),
  async compute(ctx, projectId, p, window) {
    const post = await responsesInScope(ctx, projectId, p, window, "post_test");
    // Compared in whole numbers, so 7 of 10 meets 70 % exactly.
    const passed = post.filter((r) => (r.score ?? 0) * 100 >= p.minScore * (r.maxScore ?? 0)).length;
    return shareActual(passed, post.length);
  },
  words: (p, names) => ({ key: "post_test_passed", values: { minScore: p.minScore }, filters: filterClauses(p, names) }),
};
