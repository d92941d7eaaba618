import { describe, expect, it } from "vitest";
import { figureOf, percentOf, tally } from "./results";

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

  it("give no percentage for a group under the threshold, with its n all the same", () => {
    expect(figureOf({ n: 4, agree: 4 }, 5)).toEqual({ n: 4, agree: 4, percent: null });
    expect(figureOf({ n: 5, agree: 4 }, 5)).toEqual({ n: 5, agree: 4, percent: 80 });
    expect(figureOf({ n: 0, agree: 0 })).toEqual({ n: 0, agree: 0, percent: null });
  });
});
