import { describe, expect, it } from "vitest";
import { percentOf, statementFigures, tally, type GroupLevelCount } from "./results";

describe("the rounding rule", () => {
  it("gives whole percents with halves rounded up", () => {
    expect(percentOf(83, 109)).toBe(76); // 76.15 %
    expect(percentOf(94, 109)).toBe(86); // 86.24 %
    expect(percentOf(105, 109)).toBe(96); // 96.33 %
    expect(percentOf(49, 51)).toBe(96); // 96.08 %
    expect(percentOf(153, 200)).toBe(77); // 76.5 % exactly
    expect(percentOf(1, 200)).toBe(1); // 0.5 % exactly
    expect(percentOf(1, 8)).toBe(13); // 12.5 % exactly
    expect(percentOf(149, 200)).toBe(75); // 74.5 % exactly
    expect(percentOf(0, 7)).toBe(0);
    expect(percentOf(7, 7)).toBe(100);
  });

  it("refuses a percentage of nobody", () => {
    expect(() => percentOf(0, 0)).toThrow(RangeError);
  });
});

describe("a statement's answers", () => {
  it("count the agreeing levels and spread over the scale", () => {
    const counted = [
      { level: 5, count: 2 },
      { level: 4, count: 2 },
      { level: 3, count: 1 },
      { level: 1, count: 1 },
      { level: 2, count: 1 },
    ];
    expect(tally(counted, 5, [4, 5])).toEqual({ n: 7, agree: 4, distribution: [1, 1, 1, 2, 2] });
    expect(
      tally(
        [
          { level: 4, count: 1 },
          { level: 3, count: 2 },
          { level: 1, count: 1 },
        ],
        4,
        [3, 4],
      ),
    ).toEqual({ n: 4, agree: 3, distribution: [1, 0, 2, 1] });
  });
});

/** `agree` of `n` answers in one group on a 4-level scale agreeing at 3 and 4: agreeing at level 4, the others at level 1. */
const answers = (groupId: string, n: number, agree: number): GroupLevelCount[] => [
  { groupId, level: 4, count: agree },
  { groupId, level: 1, count: n - agree },
];
const scale = { scaleSize: 4, agreeLevels: [3, 4], minGroupSize: 5 };
const published = (counts: GroupLevelCount[], groupIds: string[]) => {
  const figures = statementFigures(counts, groupIds, scale);
  return { overall: figures.overall, distribution: figures.distribution, groups: Object.fromEntries(figures.groups) };
};

describe("small groups", () => {
  it("leave every figure as it was when no group is under the threshold", () => {
    expect(published([...answers("state", 58, 44), ...answers("civil_society", 51, 39)], ["civil_society", "state"])).toEqual({
      overall: { shown: true, n: 109, agree: 83, percent: 76 },
      distribution: [26, 0, 0, 83],
      groups: { civil_society: { shown: true, n: 51, agree: 39, percent: 76 }, state: { shown: true, n: 58, agree: 44, percent: 76 } },
    });
  });

  it("hide a group under the threshold without its n or count, and the next smallest group with it", () => {
    expect(published([...answers("police", 2, 2), ...answers("state", 9, 6), ...answers("ngo", 7, 4)], ["ngo", "police", "state"])).toEqual({
      overall: { shown: true, n: 18, agree: 12, percent: 67 },
      distribution: [6, 0, 0, 12],
      groups: { ngo: { shown: false, reason: "protectsSmallGroup" }, police: { shown: false, reason: "tooFew" }, state: { shown: true, n: 9, agree: 6, percent: 67 } },
    });
  });

  it("hide the first group by key among the smallest of equal size", () => {
    const groups = published([...answers("police", 1, 1), ...answers("state", 8, 6), ...answers("ngo", 8, 4)], ["ngo", "police", "state"]).groups;
    expect(groups).toEqual({
      ngo: { shown: false, reason: "protectsSmallGroup" },
      police: { shown: false, reason: "tooFew" },
      state: { shown: true, n: 8, agree: 6, percent: 75 },
    });
  });

  it("need no other group hidden when the small ones together reach the threshold, and one more when they do not", () => {
    expect(published([...answers("a", 2, 2), ...answers("b", 3, 0), ...answers("c", 10, 5)], ["a", "b", "c"]).groups).toEqual({
      a: { shown: false, reason: "tooFew" },
      b: { shown: false, reason: "tooFew" },
      c: { shown: true, n: 10, agree: 5, percent: 50 },
    });
    expect(published([...answers("a", 1, 1), ...answers("b", 1, 0), ...answers("c", 10, 5), ...answers("d", 6, 6)], ["a", "b", "c", "d"]).groups).toEqual({
      a: { shown: false, reason: "tooFew" },
      b: { shown: false, reason: "tooFew" },
      c: { shown: true, n: 10, agree: 5, percent: 50 },
      d: { shown: false, reason: "protectsSmallGroup" },
    });
  });

  it("need no cover for a group nobody in answered", () => {
    expect(published(answers("civil_society", 51, 49), ["civil_society", "state"]).groups).toEqual({
      civil_society: { shown: true, n: 51, agree: 49, percent: 96 },
      state: { shown: false, reason: "tooFew" },
    });
  });

  it("publish nothing but too few for a statement under the threshold, at the threshold everything", () => {
    expect(published([...answers("state", 2, 2), ...answers("ngo", 2, 1)], ["ngo", "state"])).toEqual({
      overall: { shown: false, reason: "tooFew" },
      distribution: null,
      groups: { ngo: { shown: false, reason: "tooFew" }, state: { shown: false, reason: "tooFew" } },
    });
    expect(published(answers("state", 5, 4), ["state"])).toEqual({
      overall: { shown: true, n: 5, agree: 4, percent: 80 },
      distribution: [1, 0, 0, 4],
      groups: { state: { shown: true, n: 5, agree: 4, percent: 80 } },
    });
  });
});
