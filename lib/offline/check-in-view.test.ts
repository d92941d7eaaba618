import { describe, expect, it } from "vitest";
import type { OfflineRoster, RosterPerson } from "@/lib/attendance/offline-roster";
import { dayView, findCandidates, markOf } from "./check-in-view";
import type { OutboxChange, OutboxEntry } from "./outbox";

const day1 = "2019-06-18";
const day2 = "2019-06-19";
const person = (id: string, givenNames: string, familyNames: string, extra: Partial<RosterPerson> = {}): RosterPerson => ({
  id,
  givenNames,
  familyNames,
  sex: "woman",
  institutionName: "Secretaría de Salud",
  sector: "state",
  invited: true,
  ...extra,
});

const people = [
  person("ana", "Ana", "Martínez"),
  person("jose", "José Luis", "Álvarez", { sex: "man", sector: "civil_society", institutionName: "Asociación Calidad de Vida" }),
  person("rosa", "Rosa", "Cruz", { invited: false }),
  person("kim", "Kim", "Zelaya", { invited: false, sector: null, institutionName: null, sex: "not_stated" }),
];

// Present as the server records it: with the institution they came from, maybe not today's.
function presence(id: string, day: string, extra: Partial<RosterPerson> = {}) {
  const { id: participantId, invited: _invited, ...shown } = { ...people.find((p) => p.id === id)!, ...extra };
  return { participantId, day, status: "present" as const, ...shown };
}

const roster: OfflineRoster = {
  workshop: { id: "w1", projectId: "p1", title: "Taller", status: "held", startDate: day1, endDate: day2 },
  days: [day1, day2],
  people,
  present: [presence("ana", day1), presence("rosa", day2)],
  excused: [],
  institutions: [],
  preparedAt: "2019-06-17T12:00:00.000Z",
};

type Extra = Partial<Pick<OutboxEntry, "workshopId" | "refusal">>;
let seq = 0;
function entry(change: OutboxChange, extra: Extra = {}): OutboxEntry {
  seq += 1;
  return { ...change, seq, projectId: "p1", workshopId: "w1", createdAt: seq, refusal: null, ...extra };
}
const summary = { givenNames: "Nueva", familyNames: "Persona", sex: "woman" as const, institutionName: null, sector: null };
const checkIn = (participantId: string, day = day1, kind: "check_in" | "undo" = "check_in", extra: Extra = {}) =>
  entry({ id: `c${seq}`, kind, participantId, day, person: summary }, extra);

describe("the check-in day on the device", () => {
  it("is the server's roster when nothing waits, with the server's counters", () => {
    const view = dayView(roster, [], day1);
    expect(view.present.map((p) => p.id)).toEqual(["ana"]);
    expect(view.counts).toEqual({ present: 1, women: 1, men: 0, otherSex: 0, state: 1, civilSociety: 0, otherSector: 0, noInstitution: 0 });
  });

  it("plays waiting changes over it in order, the latest check-in first", () => {
    const view = dayView(roster, [checkIn("jose"), checkIn("kim"), checkIn("ana", day1, "undo"), checkIn("rosa")], day1);
    expect(view.present.map((p) => p.id)).toEqual(["rosa", "kim", "jose"]);
    expect(view.counts).toEqual({ present: 3, women: 1, men: 1, otherSex: 1, state: 1, civilSociety: 1, otherSector: 0, noInstitution: 1 });
  });

  it("shows a person created on the device, and forgets a check-in undone before it was sent", () => {
    const created = entry({ id: "new", kind: "participant", participant: { givenNames: "Nueva" }, person: summary });
    const view = dayView(roster, [created, checkIn("new"), checkIn("jose"), checkIn("jose", day1, "undo")], day1);
    expect(view.present.map((p) => `${p.givenNames} ${p.familyNames}`)).toEqual(["Nueva Persona", "Ana Martínez"]);
  });

  it("does not count refused changes, nor changes of another workshop or another day", () => {
    const view = dayView(
      roster,
      [checkIn("jose", day1, "check_in", { refusal: { reason: "workshopCancelled" } }), checkIn("kim", day1, "check_in", { workshopId: "w2" }), checkIn("kim", day2)],
      day1,
    );
    expect(view.present.map((p) => p.id)).toEqual(["ana"]);
    expect(view.cameOtherDay.has("kim")).toBe(true);
  });
});

describe("statuses on the device", () => {
  const late = entry({ id: "l1", kind: "check_in", participantId: "ana", day: day1, status: "late", person: summary });
  const excused = (participantId: string) => entry({ id: `e${seq}`, kind: "excuse", participantId, day: day1, reason: "Enfermedad", person: summary });

  it("counts late and left early as present, keeps a changed status in its place, and lists the excused apart, uncounted", () => {
    const view = dayView(roster, [checkIn("jose"), late, excused("kim")], day1);
    expect(view.present.map((p) => [p.id, p.status])).toEqual([
      ["jose", "present"],
      ["ana", "late"],
    ]);
    expect(view.counts.present).toBe(2);
    expect(view.excused.map((p) => [p.id, p.reason])).toEqual([["kim", "Enfermedad"]]);
    expect(findCandidates(view, "zelaya", 20).map((c) => [c.mark, c.present])).toEqual([["excused", false]]);
    expect(markOf(view, "ana")).toBe("late");
  });

  it("excusing someone present takes them off the present list; checking them in or undoing clears the excuse", () => {
    expect(dayView(roster, [excused("ana")], day1).present).toEqual([]);
    const back = dayView(roster, [excused("ana"), checkIn("ana")], day1);
    expect([back.present.map((p) => p.id), back.excused]).toEqual([["ana"], []]);
    const undone = dayView(roster, [excused("kim"), checkIn("kim", day1, "undo")], day1);
    expect([undone.present.map((p) => p.id), undone.excused]).toEqual([["ana"], []]);
  });

  it("a one-tap check-in of someone already late leaves them late; a status chosen changes it", () => {
    expect(markOf(dayView(roster, [late, checkIn("ana")], day1), "ana")).toBe("late");
    const back = entry({ id: "p1", kind: "check_in", participantId: "ana", day: day1, status: "present", person: summary });
    expect(markOf(dayView(roster, [late, back], day1), "ana")).toBe("present");
  });

  it("lists the latest excuse first, as the server does", () => {
    expect(dayView(roster, [excused("kim"), excused("jose")], day1).excused.map((p) => p.id)).toEqual(["jose", "kim"]);
  });

  it("shows the server's statuses and excuses", () => {
    const view = dayView(
      { ...roster, present: [{ ...presence("ana", day1), status: "left_early" }], excused: [{ participantId: "jose", day: day1, reason: "Audiencia" }] },
      [],
      day1,
    );
    expect([markOf(view, "ana"), markOf(view, "jose"), markOf(view, "kim")]).toEqual(["left_early", "excused", null]);
  });
});

describe("search on the device", () => {
  it("with nothing typed lists the invited and those who came on a day, invited first, by family name", () => {
    const found = findCandidates(dayView(roster, [], day1), "", 60);
    expect(found.map((c) => [c.id, c.group, c.present])).toEqual([
      ["jose", "invited", false],
      ["ana", "invited", true],
      ["rosa", "earlierDay", false],
    ]);
  });

  it("matches every typed word anywhere in the name, accents and case aside, and lists the directory's people too", () => {
    const view = dayView(roster, [], day1);
    expect(findCandidates(view, "jose alvarez", 20).map((c) => c.id)).toEqual(["jose"]);
    expect(findCandidates(view, "ZEL", 20).map((c) => [c.id, c.group])).toEqual([["kim", "directory"]]);
    expect(findCandidates(view, "martinez cruz", 20)).toEqual([]);
  });

  it("sorts by family name as the server does, accents and case aside", () => {
    const named = [person("b", "Berta", "Ávila"), person("c", "Carlos", "de León"), person("a", "Ana", "avendaño"), person("d", "Dora", "Díaz")];
    const found = findCandidates(dayView({ ...roster, people: named, present: [] }, [], day1), "", 60);
    expect(found.map((c) => c.familyNames)).toEqual(["avendaño", "Ávila", "de León", "Díaz"]);
  });

  it("stops at the limit", () => {
    expect(findCandidates(dayView(roster, [], day1), "a", 2)).toHaveLength(2);
  });
});
