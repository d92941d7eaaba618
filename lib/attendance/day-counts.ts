import type { InstitutionSector, ParticipantSex } from "@/db/schema/values";

/** Each group adds up to `present`: women + men + otherSex, and state + civilSociety + otherSector + noInstitution. */
export type DayCounts = {
  present: number;
  women: number;
  men: number;
  otherSex: number;
  state: number;
  civilSociety: number;
  otherSector: number;
  noInstitution: number;
};

/** A day's live counters, the same on the server and on a phone working offline. */
export function countDay(present: { sex: ParticipantSex; sector: InstitutionSector | null }[]): DayCounts {
  const counts: DayCounts = { present: present.length, women: 0, men: 0, otherSex: 0, state: 0, civilSociety: 0, otherSector: 0, noInstitution: 0 };
  for (const p of present) {
    if (p.sex === "woman") counts.women += 1;
    else if (p.sex === "man") counts.men += 1;
    else counts.otherSex += 1;
    // Every institution has a sector, so no sector means the person came without an institution.
    if (p.sector === null) counts.noInstitution += 1;
    else if (p.sector === "state") counts.state += 1;
    else if (p.sector === "civil_society") counts.civilSociety += 1;
    else counts.otherSector += 1;
  }
  return counts;
}
