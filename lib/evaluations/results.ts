/**
 * The one rounding rule for every published figure: a whole percent, halves rounded up
 * (76.5 % → 77 %, 0.5 % → 1 %). Worked out in integers, so floating point never decides a figure.
 */
export function percentOf(part: number, whole: number): number {
  if (whole <= 0) throw new RangeError("A percentage of nobody has no value.");
  return Math.floor((200 * part + whole) / (2 * whole));
}

export type Tally = { n: number; agree: number; distribution: number[] };

/**
 * A figure as it is published: "76 % of 109", or withheld with nothing but the reason. A withheld
 * figure carries no n, no count and no percentage, so no page, answer or export can show them.
 */
export type Figure = { shown: true; n: number; agree: number; percent: number } | { shown: false; reason: WithheldReason };
/** `tooFew`: fewer answers than the threshold; `protectsSmallGroup`: hidden so that a small group cannot be worked out. */
export type WithheldReason = "tooFew" | "protectsSmallGroup";

/** How many answers chose one level (the database counts them). */
export type LevelCount = { level: number; count: number };
export type GroupLevelCount = LevelCount & { groupId: string };

/** Adds up answers on a scale of `scaleSize` levels; `agreeLevels` are the levels that count as agreeing. */
export function tally(counts: LevelCount[], scaleSize: number, agreeLevels: number[]): Tally {
  const distribution = Array.from({ length: scaleSize }, () => 0);
  let agree = 0;
  let n = 0;
  for (const { level, count } of counts) {
    distribution[level - 1]! += count;
    n += count;
    if (agreeLevels.includes(level)) agree += count;
  }
  return { n, agree, distribution };
}

const shownFigure = ({ n, agree }: Tally): Figure => ({ shown: true, n, agree, percent: percentOf(agree, n) });
const withheld = (reason: WithheldReason): Figure => ({ shown: false, reason });

export type Scale = { scaleSize: number; agreeLevels: number[]; minGroupSize: number };

/** A statement's figures as they may be published: everyone's, the spread over the scale, and each group's. */
export type StatementFigures = { overall: Figure; distribution: number[] | null; groups: Map<string, Figure> };

/**
 * Small groups hidden for real, here where the figures are made, so no page, API answer, pinned
 * figure or report can leak what is hidden (the threshold is the evaluation's `minGroupSize`):
 * 1. A statement answered by fewer people than the threshold publishes nothing but "too few
 *    answers", for everyone and for each group: no n, no count, no spread over the scale.
 * 2. A group with fewer answers than the threshold publishes only "too few answers": no n, no
 *    count, no spread, no percentage.
 * 3. Everyone's figure minus the groups shown gives the hidden groups' answers taken together, so
 *    together they must hold at least the threshold: while they do not, the smallest group still
 *    shown (the first by key among equals) is hidden too, said as "withheld to protect a small
 *    group". With exactly one small group, that is the next smallest group. A group nobody in
 *    answered needs no such cover: there is no answer of theirs to give away.
 * Groups never publish their spread over the scale, only everyone's is.
 * `groupIds` are the evaluation's groups in the order ties are broken (by key).
 */
/**
 * Which groups, by their sizes, publish nothing, and why (rules 2 and 3 of statementFigures): those
 * under the threshold, then, while the hidden ones together hold fewer than the threshold, the
 * smallest shown (the first among equals). Shared by every figure published per group.
 */
export function withheldGroups(sizes: number[], threshold: number): Map<number, WithheldReason> {
  const hidden = new Map<number, WithheldReason>();
  let hiddenAnswers = 0;
  sizes.forEach((n, i) => {
    if (n >= threshold) return;
    hidden.set(i, "tooFew");
    hiddenAnswers += n;
  });
  // Sorting is stable, so among groups of the same size the first by key is hidden first.
  const shownSmallestFirst = sizes
    .map((n, i) => ({ i, n }))
    .filter((g) => !hidden.has(g.i))
    .sort((a, b) => a.n - b.n);
  for (const group of shownSmallestFirst) {
    if (hiddenAnswers === 0 || hiddenAnswers >= threshold) break;
    hidden.set(group.i, "protectsSmallGroup");
    hiddenAnswers += group.n;
  }
  return hidden;
}

export function statementFigures(counts: GroupLevelCount[], groupIds: string[], scale: Scale): StatementFigures {
  const threshold = Math.max(scale.minGroupSize, 1);
  const all = tally(counts, scale.scaleSize, scale.agreeLevels);
  if (all.n < threshold) {
    return { overall: withheld("tooFew"), distribution: null, groups: new Map(groupIds.map((id) => [id, withheld("tooFew")])) };
  }
  const byGroup = groupIds.map((id) =>
    tally(
      counts.filter((c) => c.groupId === id),
      scale.scaleSize,
      scale.agreeLevels,
    ),
  );
  const hidden = withheldGroups(
    byGroup.map((g) => g.n),
    threshold,
  );
  return {
    overall: shownFigure(all),
    distribution: all.distribution,
    groups: new Map(groupIds.map((id, i) => [id, hidden.has(i) ? withheld(hidden.get(i)!) : shownFigure(byGroup[i]!)])),
  };
}
