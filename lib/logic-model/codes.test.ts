import { describe, expect, it } from "vitest";
import { suggestCode } from "./codes";

describe("the code suggested for a new result", () => {
  it("follows GAC's numbering at each level", () => {
    expect(suggestCode("ultimate", null, [], new Set())).toBe("1000");
    expect(suggestCode("intermediate", "1000", [], new Set(["1000"]))).toBe("1100");
    expect(suggestCode("intermediate", "1000", ["1100", "1200"], new Set())).toBe("1300");
    expect(suggestCode("immediate", "1200", [], new Set())).toBe("1210");
    expect(suggestCode("output", "1210", ["1211"], new Set())).toBe("1212");
  });

  it("skips a code already used elsewhere in the project, and suggests nothing under a code that is not a number", () => {
    expect(suggestCode("output", "1110", ["1119"], new Set(["1120", "1121"]))).toBe("1122");
    expect(suggestCode("output", "1.1.1", [], new Set())).toBeNull();
  });
});
