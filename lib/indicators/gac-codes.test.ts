import { describe, expect, it } from "vitest";
import { gacPlace } from "./gac-codes";

describe("a GAC result code", () => {
  it("tells the result's level and the code of the result above it", () => {
    expect(gacPlace("1000")).toEqual({ level: "ultimate", parentCode: null });
    expect(gacPlace("1200")).toEqual({ level: "intermediate", parentCode: "1000" });
    expect(gacPlace("1210")).toEqual({ level: "immediate", parentCode: "1200" });
    expect(gacPlace("1211")).toEqual({ level: "output", parentCode: "1210" });
  });

  it("tells nothing in another numbering", () => {
    expect(gacPlace("1.1.1")).toBeNull();
    expect(gacPlace("0100")).toBeNull();
    expect(gacPlace("10000")).toBeNull();
  });
});
