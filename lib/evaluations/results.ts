/**
 * The one rounding rule for every published figure: a whole percent, halves rounded up
 * (76.5 % → 77 %, 0.5 % → 1 %). Worked out in integers, so floating point never decides a figure.
 */
export function percentOf(part: number, whole: number): number {
  if (whole <= 0) throw new RangeError("A percentage of nobody has no value.");
  return Math.floor((200 * part + whole) / (2 * whole));
}

export type Tally = { n: number; agree: number; distribution: number[] };
/** A figure as it is published: "76 % of 109", or "too few answers" under the group threshold. */
export type Figure = { n: number; agree: number; percent: number | null };

/** How many answers chose one level (the database counts them). */
export type LevelCount = { level: number; count: number };

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

/** The published figure; below `minSize` answers (a group too small to be told apart) no percentage. */
export function figureOf({ n, agree }: Pick<Tally, "n" | "agree">, minSize = 1): Figure {
  return { n, agree, percent: n >= Math.max(minSize, 1) ? percentOf(agree, n) : null };
}
