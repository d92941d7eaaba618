import { describe, expect, it } from "vitest";
import { dateLayout, formatDateInput, parseDateInput } from "./date-input";

describe("dates typed in the app's language", () => {
  const es = dateLayout("es");
  const fr = dateLayout("fr");
  const en = dateLayout("en");

  it("orders day, month and year as each language writes them", () => {
    expect(es).toEqual({ order: ["day", "month", "year"], separator: "/" });
    expect(fr).toEqual({ order: ["day", "month", "year"], separator: "/" });
    expect(en).toEqual({ order: ["month", "day", "year"], separator: "/" });
  });

  it("shows an ISO date in that order", () => {
    expect(formatDateInput("2026-01-15", es)).toBe("15/01/2026");
    expect(formatDateInput("2026-01-15", en)).toBe("01/15/2026");
    expect(formatDateInput("", es)).toBe("");
  });

  it("reads what was typed back as ISO, with or without separators", () => {
    expect(parseDateInput("15/01/2026", es)).toBe("2026-01-15");
    expect(parseDateInput("5-1-2026", fr)).toBe("2026-01-05");
    expect(parseDateInput("15012026", es)).toBe("2026-01-15");
    expect(parseDateInput("01/15/2026", en)).toBe("2026-01-15");
    expect(parseDateInput("2026-01-15", es)).toBe("2026-01-15");
    expect(parseDateInput("  ", es)).toBe("");
  });

  it("hands back what is no date as typed, for the server to refuse", () => {
    expect(parseDateInput("31/02/2026", es)).toBe("31/02/2026");
    expect(parseDateInput("15/01/26", es)).toBe("15/01/26");
    expect(parseDateInput("01/15/2026", es)).toBe("01/15/2026");
    expect(parseDateInput("soon", es)).toBe("soon");
  });
});
