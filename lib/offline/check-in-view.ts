import type { DayCounts } from "@/lib/attendance/roster";
import type { OfflineRoster } from "@/lib/attendance/offline-roster";
import { toSearchText } from "@/lib/search-text";
import type { OutboxEntry, PersonSummary } from "./outbox";

export type ViewPerson = PersonSummary & { id: string; invited: boolean };
export type Candidate = ViewPerson & { group: "invited" | "earlierDay" | "directory"; present: boolean };
export type DayView = { people: Map<string, ViewPerson>; present: ViewPerson[]; counts: DayCounts; cameOtherDay: Set<string> };

/**
 * One day of a workshop as the device sees it: the roster the server last sent, with the changes
 * still waiting in the outbox played over it in order. Refused changes are not shown as done.
 */
export function dayView(roster: OfflineRoster, entries: OutboxEntry[], day: string): DayView {
  const people = new Map<string, ViewPerson>(roster.people.map((p) => [p.id, p]));
  const present = new Set(roster.present.filter((p) => p.day === day).map((p) => p.participantId));
  const cameOtherDay = new Set(roster.present.filter((p) => p.day !== day).map((p) => p.participantId));
  const recent: string[] = [];
  for (const entry of entries) {
    if (entry.workshopId !== roster.workshop.id || entry.refusal) continue;
    const id = entry.kind === "participant" ? entry.id : entry.participantId;
    if (!people.has(id)) people.set(id, { ...entry.person, id, invited: false });
    if (entry.kind === "participant") continue;
    if (entry.day !== day) {
      if (entry.kind === "check_in") cameOtherDay.add(id);
    } else if (entry.kind === "check_in") {
      present.add(id);
      recent.unshift(id);
    } else {
      present.delete(id);
    }
  }
  const ordered = [...new Set([...recent, ...present])].filter((id) => present.has(id));
  const list = ordered.map((id) => people.get(id)).filter((p): p is ViewPerson => Boolean(p));
  return { people, present: list, counts: countDay(list), cameOtherDay };
}

/** The same counters the server computes for a day. */
export function countDay(present: PersonSummary[]): DayCounts {
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

const groupOrder = { invited: 0, earlierDay: 1, directory: 2 } as const;
const byName = new Intl.Collator(undefined, { sensitivity: "base" });

/**
 * Search-as-you-type over the device's roster, as the server does it: every word typed must appear
 * in the name, accents and case aside. With nothing typed, the workshop's own people are listed.
 */
export function findCandidates(view: DayView, query: string, limit: number): Candidate[] {
  const words = toSearchText(query).split(" ").filter(Boolean);
  const found: Candidate[] = [];
  for (const person of view.people.values()) {
    const present = view.present.some((p) => p.id === person.id);
    const group = person.invited ? "invited" : view.cameOtherDay.has(person.id) ? "earlierDay" : "directory";
    if (words.length === 0 && group === "directory" && !present) continue;
    const name = toSearchText(person.givenNames, person.familyNames);
    if (words.every((w) => name.includes(w))) found.push({ ...person, group, present });
  }
  return found
    .sort((a, b) => groupOrder[a.group] - groupOrder[b.group] || byName.compare(a.familyNames, b.familyNames) || byName.compare(a.givenNames, b.givenNames))
    .slice(0, limit);
}
