import { describe, expect, it } from "vitest";
import { clientAddressFrom } from "./client-address";

describe("clientAddressFrom", () => {
  it("takes the first hop of x-forwarded-for", () => {
    expect(clientAddressFrom(new Headers({ "x-forwarded-for": " 203.0.113.7 , 10.0.0.2, 10.0.0.1", "x-real-ip": "10.0.0.9" }))).toBe("203.0.113.7");
  });

  it("falls back to x-real-ip, then to unknown", () => {
    expect(clientAddressFrom(new Headers({ "x-real-ip": "2001:db8::1" }))).toBe("2001:db8::1");
    expect(clientAddressFrom(new Headers({ "x-forwarded-for": "" }))).toBe("unknown");
    expect(clientAddressFrom(new Headers())).toBe("unknown");
  });

  it("never stores more than 64 characters of a forged header", () => {
    expect(clientAddressFrom(new Headers({ "x-forwarded-for": "x".repeat(5000) }))).toHaveLength(64);
  });
});
