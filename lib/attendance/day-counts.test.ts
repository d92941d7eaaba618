import { describe, expect, it } from "vitest";
import { institutionSectors, participantSexes } from "@/db/schema/values";
import { countDay } from "./day-counts";

describe("countDay", () => {
  it("puts everyone in one tile of each group, so each group adds up to the people present", () => {
    const sectors = [...institutionSectors, null];
    const present = participantSexes.flatMap((sex) => sectors.map((sector) => ({ sex, sector })));
    const counts = countDay(present);
    expect(counts).toEqual({ present: 24, women: 6, men: 6, otherSex: 12, state: 4, civilSociety: 4, otherSector: 12, noInstitution: 4 });
    expect(counts.women + counts.men + counts.otherSex).toBe(counts.present);
    expect(counts.state + counts.civilSociety + counts.otherSector + counts.noInstitution).toBe(counts.present);
  });

  it("counts nobody on an empty day", () => {
    expect(countDay([])).toEqual({ present: 0, women: 0, men: 0, otherSex: 0, state: 0, civilSociety: 0, otherSector: 0, noInstitution: 0 });
  });
});
