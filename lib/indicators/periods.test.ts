import { describe, expect, it } from "vitest";
import { projectYears } from "./periods";

describe("a project's years as reporting periods", () => {
  it("run from the project's first day, a year each, the last one cut at its end", () => {
    expect(projectYears("2019-04-01", "2023-03-15")).toEqual([
      { name: "2019-2020", startDate: "2019-04-01", endDate: "2020-03-31" },
      { name: "2020-2021", startDate: "2020-04-01", endDate: "2021-03-31" },
      { name: "2021-2022", startDate: "2021-04-01", endDate: "2022-03-31" },
      { name: "2022-2023", startDate: "2022-04-01", endDate: "2023-03-15" },
    ]);
  });

  it("a project shorter than a year is one period, and a leap day does not shift the next start", () => {
    expect(projectYears("2024-02-29", "2024-10-31")).toEqual([{ name: "2024", startDate: "2024-02-29", endDate: "2024-10-31" }]);
    expect(projectYears("2024-02-29", "2025-12-31").map((p) => p.startDate)).toEqual(["2024-02-29", "2025-03-01"]);
  });
});
