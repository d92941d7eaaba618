import { describe, expect, it } from "vitest";
import { gainFigures, normalisedGain, pairTests, type TakenTest } from "./gain";

const test = (who: string, score: number, groups: Record<string, string> = {}, byCode = false): TakenTest => ({
  participantId: byCode ? null : who,
  pairingCode: byCode ? who : null,
  score,
  maxScore: 10,
  groups,
});
const woman = { sex: "woman" };
const man = { sex: "man" };

// A 4→7 (0.5), B 2→10 (1), C perfect before (no gain), D 5→4 (−0.2), E 0→5 (0.5), F 6→8 (0.5); G took only the pre-test.
const pre = [test("A", 4, woman), test("B", 2, woman), test("C", 10, woman), test("D", 5, man), test("E", 0, woman, true), test("F", 6, man, true), test("G", 3, woman)];
const post = [test("A", 7), test("B", 10), test("C", 9), test("D", 4), test("EE00", 5, {}, true), test("E", 5, {}, true), test("F", 8, {}, true)];

describe("the paired normalised gain", () => {
  it("pairs named people exactly and codes given once in each test, and leaves the rest unpaired", () => {
    const pairs = pairTests(pre, post);
    expect(pairs.map((p) => `${p.pre.participantId ?? p.pre.pairingCode}:${p.pre.score}→${p.post.score}`).sort()).toEqual(["A:4→7", "B:2→10", "C:10→9", "D:5→4", "E:0→5", "F:6→8"]);
    const shared = pairTests([test("MA07", 3, {}, true), test("MA07", 5, {}, true)], [test("MA07", 8, {}, true)]);
    expect(shared).toEqual([]);
  });

  it("is (post − pre) / (max − pre), negative when the score fell, and undefined after a perfect pre-test", () => {
    const [a, , c, d] = pairTests(pre, post);
    expect([normalisedGain(a!), normalisedGain(c!), normalisedGain(d!)]).toEqual([0.5, null, -0.2]);
  });

  it("averages the defined gains: 46 % over 5 pairs, one perfect pre-test left out; groups under the threshold are withheld", () => {
    const figures = gainFigures(pairTests(pre, post), ["sex"], 5);
    expect(figures.overall).toEqual({ shown: true, n: 5, percent: 46 });
    expect(figures.perfectPre).toBe(1);
    expect(figures.groups).toEqual({ "sex:man": { shown: false, reason: "tooFew" }, "sex:woman": { shown: false, reason: "tooFew" } });
  });

  it("shows each group at or above the threshold: women 67 % of 3, men 15 % of 2", () => {
    expect(gainFigures(pairTests(pre, post), ["sex"], 2).groups).toEqual({ "sex:man": { shown: true, n: 2, percent: 15 }, "sex:woman": { shown: true, n: 3, percent: 67 } });
  });

  it("hides a group that would let a hidden one be worked out, and everything below the threshold overall", () => {
    const three = [test("P", 0, woman), test("Q", 0, woman), test("R", 0, man)];
    const after = [test("P", 10), test("Q", 5), test("R", 10)];
    expect(gainFigures(pairTests(three, after), ["sex"], 2).groups).toEqual({
      "sex:man": { shown: false, reason: "tooFew" },
      "sex:woman": { shown: false, reason: "protectsSmallGroup" },
    });
    expect(gainFigures(pairTests(three, after), ["sex"], 4)).toEqual({ overall: { shown: false, reason: "tooFew" }, perfectPre: 0, groups: {} });
  });
});
