import { countDay, type DayCounts } from "@/lib/attendance/day-counts";
import type { OfflineRoster } from "@/lib/attendance/offline-roster";
import type { AttendanceStatus } from "@/db/schema/values";
import { toSearchText } from "@/lib/search-text";
import type { OutboxEntry, PersonSummary } from "./outbox";

export type ViewPerson = PersonSummary & { id: string; invited: boolean };
export type Attended = ViewPerson & { status: AttendanceStatus };
export type Excused = ViewPerson & { reason: string };
/** How a person's day stands: attended in one status, excused, or neither yet. */
export type DayMark = AttendanceStatus | "excused" | null;
export type Candidate = ViewPerson & { group: "invited" | "earlierDay" | "directory"; present: boolean; mark: DayMark };
export type DayView = { people: Map<string, ViewPerson>; present: Attended[]; excused: Excused[]; counts: DayCounts; cameOtherDay: Set<string> };

/**
 * One day of a workshop as the device sees it: the roster the server last sent, with the changes
 * still waiting in the outbox played over it in order. Refused changes are not shown as done.
 * Someone already present is shown and counted as the server counts them (with the institution
 * recorded with their attendance); someone checked in on the device, as they are now. Late and
 * left early count as present; an excused person is listed apart and not counted.
 */
export function dayView(roster: OfflineRoster, entries: OutboxEntry[], day: string): DayView {
  const people = new Map<string, ViewPerson>(roster.people.map((p) => [p.id, p]));
  // Every day's presence and excuses, latest first, so changes on other days count as well.
  const days = new Map<string, Map<string, Attended>>();
  const excuses = new Map<string, Map<string, string>>();
  const dayOf = (d: string) => days.get(d) ?? days.set(d, new Map()).get(d)!;
  const excusesOf = (d: string) => excuses.get(d) ?? excuses.set(d, new Map()).get(d)!;
  for (const { participantId, day: d, ...shown } of roster.present) {
    dayOf(d).set(participantId, { ...shown, id: participantId, invited: people.get(participantId)?.invited ?? false });
  }
  // A roster kept on the device from before excuses existed has none.
  for (const { participantId, day: d, reason } of roster.excused ?? []) excusesOf(d).set(participantId, reason);
  for (const entry of entries) {
    if (entry.workshopId !== roster.workshop.id || entry.refusal) continue;
    const id = entry.kind === "participant" ? entry.id : entry.participantId;
    if (!people.has(id)) people.set(id, { ...entry.person, id, invited: false });
    if (entry.kind === "participant") continue;
    const present = dayOf(entry.day);
    const excused = excusesOf(entry.day);
    if (entry.kind === "check_in") {
      excused.delete(id);
      // A change of status keeps the person where they are in the list; a one-tap check-in of
      // someone already in changes nothing, as on the server; a new arrival goes first.
      const already = present.get(id);
      if (already) present.set(id, { ...already, status: entry.status ?? already.status });
      else days.set(entry.day, new Map([[id, { ...people.get(id)!, status: entry.status ?? "present" }], ...present]));
      continue;
    }
    present.delete(id);
    excused.delete(id);
    // Latest first, as the server lists them.
    if (entry.kind === "excuse") excuses.set(entry.day, new Map([[id, entry.reason ?? ""], ...excused]));
  }
  const list = [...dayOf(day).values()];
  const excusedList = [...excusesOf(day)].flatMap(([id, reason]) => (people.has(id) ? [{ ...people.get(id)!, reason }] : []));
  const cameOtherDay = new Set([...days].filter(([d]) => d !== day).flatMap(([, present]) => [...present.keys()]));
  return { people, present: list, excused: excusedList, counts: countDay(list), cameOtherDay };
}

/** How a person's day stands in the view. */
export function markOf(view: DayView, id: string): DayMark {
  const attended = view.present.find((p) => p.id === id);
  if (attended) return attended.status;
  return view.excused.some((p) => p.id === id) ? "excused" : null;
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
  const marks = new Map<string, DayMark>([...view.excused.map((p) => [p.id, "excused"] as const), ...view.present.map((p) => [p.id, p.status] as const)]);
  const found: (Candidate & { sortKey: [string, string] })[] = [];
  for (const person of view.people.values()) {
    const mark = marks.get(person.id) ?? null;
    const present = mark !== null && mark !== "excused";
    const group = person.invited ? "invited" : view.cameOtherDay.has(person.id) ? "earlierDay" : "directory";
    if (words.length === 0 && group === "directory" && mark === null) continue;
    const name = toSearchText(person.givenNames, person.familyNames);
    if (words.every((w) => name.includes(w))) found.push({ ...person, group, present, mark, sortKey: [toSearchText(person.familyNames), toSearchText(person.givenNames)] });
  }
  return found
    .sort((a, b) => groupOrder[a.group] - groupOrder[b.group] || byText(a.sortKey[0], b.sortKey[0]) || byText(a.sortKey[1], b.sortKey[1]))
    .slice(0, limit)
    .map(({ sortKey: _, ...candidate }) => candidate);
}
