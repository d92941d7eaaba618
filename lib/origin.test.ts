import { describe, expect, it } from "vitest";
import { isSameOrigin } from "./origin";

const request = (headers: Record<string, string>) => new Headers(headers);

describe("isSameOrigin", () => {
  it("accepts a write from the site's own pages", () => {
    expect(isSameOrigin(request({ origin: "http://localhost:3000", host: "localhost:3000" }))).toBe(true);
  });

  it("accepts the forwarded host behind a reverse proxy", () => {
    expect(isSameOrigin(request({ origin: "https://atelier.example", host: "10.0.0.5:3000", "x-forwarded-host": "atelier.example" }))).toBe(true);
  });

  it("refuses a missing, foreign, look-alike or malformed Origin", () => {
    expect(isSameOrigin(request({ host: "localhost:3000" }))).toBe(false);
    expect(isSameOrigin(request({ origin: "https://attacker.example", host: "localhost:3000" }))).toBe(false);
    expect(isSameOrigin(request({ origin: "http://localhost:3000.attacker.example", host: "localhost:3000" }))).toBe(false);
    expect(isSameOrigin(request({ origin: "null", host: "localhost:3000" }))).toBe(false);
  });
});
