import { describe, expect, it } from "vitest";
import { safeCallbackPath } from "./callback-url";

const site = "https://atelier.example.org";

describe("safeCallbackPath", () => {
  it("keeps a path on this site, with its query and fragment", () => {
    expect(safeCallbackPath("/projects/42/workshops?tab=open#day-2", site)).toBe("/projects/42/workshops?tab=open#day-2");
    expect(safeCallbackPath(`${site}/participants`, site)).toBe("/participants");
    expect(safeCallbackPath("/%5Cevil.example", site)).toBe("/%5Cevil.example");
  });

  it.each([
    ["a backslash after the slash", "/\\evil.example"],
    ["a tab between the slashes", "/\t/evil.example"],
    ["a newline between the slashes", "/\n/evil.example"],
    ["two slashes", "//evil.example"],
    ["two backslashes", "\\\\evil.example"],
    ["another site", "https://evil.example/projects"],
    ["this host over another scheme", "http://atelier.example.org/projects"],
    ["this host on another port", "https://atelier.example.org:8443/projects"],
    ["a script", "javascript:alert(1)"],
    ["a path that normalises to two slashes", "/.//evil.example"],
  ])("sends %s to the fallback", (_, value) => {
    expect(safeCallbackPath(value, site)).toBe("/projects");
  });

  it("uses the fallback without a callback URL or a usable site origin", () => {
    expect(safeCallbackPath(undefined, site)).toBe("/projects");
    expect(safeCallbackPath("", site, "/")).toBe("/");
    expect(safeCallbackPath("/projects/1", "")).toBe("/projects");
  });
});
