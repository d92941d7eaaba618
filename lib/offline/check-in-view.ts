import { countDay, type DayCounts } from "@/lib/attendance/day-counts";
import type { OfflineRoster } from "@/lib/attendance/offline-roster";
import { toSearchText } from "@/lib/search-text";
import type { OutboxEntry, PersonSummary } from "./outbox";

export type ViewPerson = PersonSummary & { id: string; invited: boolean };
export type Candidate = ViewPerson & { group: "invited" | "earlierDay" | "directory"; present: boolean };
export type DayView = { people: Map<string, ViewPerson>; present: ViewPerson[]; counts: DayCounts; cameOtherDay: Set<string> };

/**
 * One day of a workshop as the device sees it: the roster the server last sent, with the changes
 * still waiting in the outbox played over it in order. Refused changes are not shown as done.
 * Someone already present is shown and counted as the server counts them (with the institution
 * recorded with their attendance); someone checked in on the device, as they are now.
 */
export function dayView(roster: OfflineRoster, entries: OutboxEntry[], day: string): DayView {
  const people = new Map<string, ViewPerson>(roster.people.map((p) => [p.id, p]));
  // Every day's presence, latest first, so undos on other days count as well.
  const days = new Map<string, Map<string, ViewPerson>>();
  const dayOf = (d: string) => days.get(d) ?? days.set(d, new Map()).get(d)!;
  for (const { participantId, day: d, ...shown } of roster.present) {
    dayOf(d).set(participantId, { ...shown, id: participantId, invited: people.get(participantId)?.invited ?? false });
  }
  for (const entry of entries) {
    if (entry.workshopId !== roster.workshop.id || entry.refusal) continue;
    const id = entry.kind === "participant" ? entry.id : entry.participantId;
    if (!people.has(id)) people.set(id, { ...entry.person, id, invited: false });
    if (entry.kind === "participant") continue;
    const present = dayOf(entry.day);
    present.delete(id);
    if (entry.kind === "check_in") days.set(entry.day, new Map([[id, people.get(id)!], ...present]));
  }
  const list = [...dayOf(day).values()];
  const cameOtherDay = new Set([...days].filter(([d]) => d !== day).flatMap(([, present]) => [...present.keys()]));
  return { people, present: list, counts: countDay(list), cameOtherDay };
}

const groupOrder = { invited: 0, earlierDay: 1, directory: 2 } as const;
// Names compared as the server sorts them (sortable(): no accents, no case), with no Intl.Collator:
// the first one a page makes loads the locale data, a long task on a phone while the screen starts.
const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Search-as-you-type over the device's roster, as the server does it: every word typed must appear
 * in the name, accents and case aside. With nothing typed, the workshop's own people are listed.
 */
export function findCandidates(view: DayView, query: string, limit: number): Candidate[] {
  const words = toSearchText(query).split(" ").filter(Boolean);
  const presentIds = new Set(view.present.map((p) => p.id));
  const found: (Candidate & { sortKey: [string, string] })[] = [];
  for (const person of view.people.values()) {
    const present = presentIds.has(person.id);
    const group = person.invited ? "invited" : view.cameOtherDay.has(person.id) ? "earlierDay" : "directory";
    if (words.length === 0 && group === "directory" && !present) continue;
    const name = toSearchText(person.givenNames, person.familyNames);
    if (words.every((w) => name.includes(w))) found.push({ ...person, group, present, sortKey: [toSearchText(person.familyNames), toSearchText(person.givenNames)] });
  }
  return found
    .sort((a, b) => groupOrder[a.group] - groupOrder[b.group] || byText(a.sortKey[0], b.sortKey[0]) || byText(a.sortKey[1], b.sortKey[1]))
    .slice(0, limit)
    .map(({ sortKey: _, ...candidate }) => candidate);
}
