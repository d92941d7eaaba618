import { institutionKinds, institutionSectors, participantSexes, type Disaggregation } from "@/db/schema/values";

/** The groups of each disaggregation a target can be set for; a country is any two-letter code. */
export const groupValues: Record<Exclude<Disaggregation, "country">, readonly string[]> = {
  sex: participantSexes,
  sector: institutionSectors,
  institution_kind: institutionKinds,
};

/** A target's group as stored: `sex:woman`, `sector:state`, `country:HN`. */
export const groupOf = (disaggregation: Disaggregation, value: string) => `${disaggregation}:${value}`;

/** Whether `group` is empty (everyone) or one group of a disaggregation the indicator is broken down by. */
export function isGroupOf(group: string, disaggregations: readonly Disaggregation[]): boolean {
  if (group === "") return true;
  const parts = group.split(":");
  if (parts.length !== 2) return false;
  const [disaggregation, value] = parts as [Disaggregation, string];
  if (!disaggregations.includes(disaggregation)) return false;
  return disaggregation === "country" ? /^[A-Z]{2}$/.test(value) : groupValues[disaggregation].includes(value);
}

/**
 * Whether a count's groups fit its total: the groups of one disaggregation never add up to more than
 * the total, and when every group of it is given they add up to exactly the total.
 */
export function groupsAddUp(total: number, groups: readonly { group: string; value: number }[]): boolean {
  const ofDisaggregation = (d: string) => groups.filter((g) => g.group.startsWith(`${d}:`));
  return Object.keys(groupValues)
    .concat("country")
    .every((d) => {
      const given = ofDisaggregation(d);
      const sum = given.reduce((s, g) => s + g.value, 0);
      const complete = d !== "country" && given.length === groupValues[d as keyof typeof groupValues].length;
      return complete ? sum === total : sum <= total;
    });
}

/**
 * A figure's groups in reading order, only those of the disaggregations given: by disaggregation,
 * then as the groups are listed (women before men), a country by its code, "none" last.
 */
export function orderedGroups(groups: Record<string, number>, brokenDownBy: readonly Disaggregation[]): [string, number][] {
  const rank = (group: string) => {
    const [d, value = ""] = group.split(":") as [Disaggregation, string?];
    const listed = d === "country" ? -1 : groupValues[d].indexOf(value);
    return [brokenDownBy.indexOf(d), value === "none" ? Number.MAX_SAFE_INTEGER : listed] as const;
  };
  return Object.entries(groups)
    .filter(([group]) => brokenDownBy.includes(group.split(":")[0] as Disaggregation))
    .sort(([a], [b]) => {
      const [ra, rb] = [rank(a), rank(b)];
      return ra[0] - rb[0] || ra[1] - rb[1] || a.localeCompare(b);
    });
}
