import { z } from "zod";
import { minGroupSize } from "@/lib/questionnaires/kinds";
import { normalisedGain, pairTests } from "@/lib/questionnaires/gain";
import { attendanceFilters, checkAttendanceFilters, filterClauses } from "./attendance-scope";
import type { Calculation } from "./calculation";
import { responsesInScope } from "./questionnaire-scope";

const params = z.object({ kind: z.literal("learning_gain"), ...attendanceFilters });

const taken = (r: { participantId: string | null; pairingCode: string | null; score: number | null; maxScore: number | null }) => ({
  participantId: r.participantId,
  pairingCode: r.pairingCode,
  score: r.score ?? 0,
  maxScore: r.maxScore ?? 0,
  groups: {},
});

/**
 * Mean normalised gain: each workshop's pre-tests paired with its post-tests (by the person named,
 * else by pairing code), (post − pre) / (max − pre) averaged in whole percent over the pairs whose
 * gain is defined. The n is those pairs; fewer than the threshold withhold the figure.
 */
export const learningGain: Calculation<typeof params> = {
  kind: "learning_gain",
  params,
  unitOf: () => "percentage",
  disaggregations: [],
  check: (ctx, projectId, p) => checkAttendanceFilters(ctx, projectId, p),
  async compute(ctx, projectId, p, window) {
    const [pre, post] = await Promise.all([responsesInScope(ctx, projectId, p, window, "pre_test"), responsesInScope(ctx, projectId, p, window, "post_test")]);
    const workshops = new Set(pre.map((r) => r.workshopId));
    const gains = [...workshops].flatMap((w) =>
      pairTests(pre.filter((r) => r.workshopId === w).map(taken), post.filter((r) => r.workshopId === w).map(taken))
        .map(normalisedGain)
        .filter((g): g is number => g !== null),
    );
    if (gains.length === 0) return { value: null, n: 0, groups: {} };
    if (gains.length < minGroupSize) return { value: null, n: gains.length, groups: {}, withheld: "tooFew" };
    return { value: Math.floor((200 * gains.reduce((a, b) => a + b, 0) + gains.length) / (2 * gains.length) + 1e-9), n: gains.length, groups: {} };
  },
  words: (p, names) => ({ key: "learning_gain", values: {}, filters: filterClauses(p, names) }),
};
