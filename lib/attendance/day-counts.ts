import type { InstitutionSector, ParticipantSex } from "@/db/schema/values";

export type DayCounts = { present: number; women: number; men: number; otherSex: number; state: number; civilSociety: number; otherSector: number };

/** A day's live counters, the same on the server and on a phone working offline. */
export function countDay(present: { sex: ParticipantSex; sector: InstitutionSector | null }[]): DayCounts {
  const counts: DayCounts = { present: present.length, women: 0, men: 0, otherSex: 0, state: 0, civilSociety: 0, otherSector: 0 };
  for (const p of present) {
    if (p.sex === "woman") counts.women += 1;
    else if (p.sex === "man") counts.men += 1;
    else counts.otherSex += 1;
    if (p.sector === "state") counts.state += 1;
    else if (p.sector === "civil_society") counts.civilSociety += 1;
    else counts.otherSector += 1;
  }
  return counts;
}
