import { withheldGroups, type WithheldReason } from "@/lib/evaluations/results";

/** A test taken: by whom when known, under which pairing code, its score, and the person's groups when known. */
export type TakenTest = { participantId: string | null; pairingCode: string | null; score: number; maxScore: number; groups: Record<string, string> };

export type Pair = { pre: TakenTest; post: TakenTest };

/**
 * Pre-tests matched to post-tests: by the participant staff named (exact), else by pairing code,
 * only where the code was given once in each test (a code two people share pairs nobody).
 */
export function pairTests(pre: TakenTest[], post: TakenTest[]): Pair[] {
  const pairs: Pair[] = [];
  const postByPerson = new Map(post.filter((t) => t.participantId).map((t) => [t.participantId!, t]));
  const once = (tests: TakenTest[]) => {
    const byCode = new Map<string, TakenTest[]>();
    for (const t of tests) if (!t.participantId && t.pairingCode) byCode.set(t.pairingCode, [...(byCode.get(t.pairingCode) ?? []), t]);
    return new Map([...byCode].filter(([, list]) => list.length === 1).map(([code, [t]]) => [code, t!]));
  };
  const postByCode = once(post);
  for (const t of pre) {
    if (t.participantId) {
      const match = postByPerson.get(t.participantId);
      if (match) pairs.push({ pre: t, post: match });
    }
  }
  for (const [code, t] of once(pre)) {
    const match = postByCode.get(code);
    if (match) pairs.push({ pre: t, post: match });
  }
  return pairs;
}

/** (post − pre) / (max − pre): the share of what was left to learn that was learnt; none after a perfect pre-test. */
export function normalisedGain({ pre, post }: Pair): number | null {
  const max = pre.maxScore;
  if (pre.score >= max) return null;
  return (post.score - pre.score) / (max - pre.score);
}

/** A mean gain as it is published: in whole percent with its n, or withheld with the reason only. */
export type GainFigure = { shown: true; n: number; percent: number } | { shown: false; reason: WithheldReason };

/** The mean gain's whole percent, rounded like every published figure (halves up), from exact sums. */
const percentOfMean = (gains: number[]) => Math.floor((200 * gains.reduce((a, b) => a + b, 0) + gains.length) / (2 * gains.length) + 1e-9);

export type GainFigures = {
  overall: GainFigure;
  /** Pairs left out because the pre-test was already perfect. */
  perfectPre: number;
  /** Per group of each breakdown ("sex:woman"…), under the same small-group rules as evaluations. */
  groups: Record<string, GainFigure>;
};

/**
 * The paired normalised gain, averaged over the pairs whose gain is defined, overall and per group
 * of each breakdown (`keys`), each group under the evaluations' threshold and its protection of
 * small groups. People without a known group are counted under "none".
 */
export function gainFigures(pairs: Pair[], keys: readonly string[], threshold: number): GainFigures {
  const min = Math.max(threshold, 1);
  const defined = pairs.map((p) => ({ pair: p, gain: normalisedGain(p) })).filter((g): g is { pair: Pair; gain: number } => g.gain !== null);
  const figure = (gains: number[]): GainFigure => (gains.length < min ? { shown: false, reason: "tooFew" } : { shown: true, n: gains.length, percent: percentOfMean(gains) });
  const groups: Record<string, GainFigure> = {};
  if (defined.length >= min) {
    for (const key of keys) {
      const byGroup = new Map<string, number[]>();
      for (const { pair, gain } of defined) {
        const group = `${key}:${pair.pre.groups[key] ?? "none"}`;
        byGroup.set(group, [...(byGroup.get(group) ?? []), gain]);
      }
      const names = [...byGroup.keys()].sort();
      const hidden = withheldGroups(
        names.map((n) => byGroup.get(n)!.length),
        min,
      );
      names.forEach((name, i) => {
        groups[name] = hidden.has(i) ? { shown: false, reason: hidden.get(i)! } : figure(byGroup.get(name)!);
      });
    }
  }
  return {
    overall: figure(defined.map((d) => d.gain)),
    perfectPre: pairs.length - defined.length,
    groups,
  };
}
