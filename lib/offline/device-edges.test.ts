import "fake-indexeddb/auto";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { OfflineRoster } from "@/lib/attendance/offline-roster";
import { countDay } from "@/lib/attendance/day-counts";
import { dayView, findCandidates } from "./check-in-view";
import { signInAs } from "@/lib/testing/offline-session";
import type { OutboxChange, OutboxEntry, PersonSummary } from "./outbox";
import { nextBatch } from "./sync-engine";

// The device modules keep their open database per page; each call is a fresh "page" (or tab).
async function device() {
  vi.resetModules();
  const [db, outbox, users] = await Promise.all([import("./device-db"), import("./outbox"), import("./device-users")]);
  return { ...db, ...outbox, ...users };
}

// Ana is signed in on the device: her data opens with her session's secret.
beforeEach(async () => {
  signInAs("ana");
  await (await device()).wipeDevice();
});
afterEach(() => vi.unstubAllGlobals());

const day1 = "2019-06-18";
const day2 = "2019-06-19";
const dayMs = 24 * 60 * 60 * 1000;
const person: PersonSummary = { givenNames: "Sandra", familyNames: "Maradiaga", sex: "woman", institutionName: "Secretaría de Salud", sector: "state" };
const target = { projectId: "p1", workshopId: "w1" };
const checkIn = (participantId: string, day = day1, kind: "check_in" | "undo" = "check_in"): OutboxChange => ({ id: crypto.randomUUID(), kind, participantId, day, person });
const newPerson = (id: string): OutboxChange => ({ id, kind: "participant", participant: { givenNames: "Sandra", familyNames: "Maradiaga" }, person });
const participantOf = (e: OutboxEntry) => (e.kind === "participant" ? e.id : e.participantId);

const roster: OfflineRoster = {
  workshop: { id: "w1", projectId: "p1", title: "Taller", status: "held", startDate: day1, endDate: day2 },
  days: [day1, day2],
  people: [
    { id: "ana", givenNames: "Ana", familyNames: "Martínez", sex: "woman", institutionName: "Secretaría de Salud", sector: "state", invited: true },
    { id: "rosa", givenNames: "Rosa", familyNames: "Cruz", sex: "woman", institutionName: null, sector: null, invited: false },
    { id: "mj", givenNames: "María  José", familyNames: "O'Hara-Núñez", sex: "woman", institutionName: null, sector: null, invited: true },
  ],
  present: [{ participantId: "rosa", day: day1, status: "present", givenNames: "Rosa", familyNames: "Cruz", sex: "woman", institutionName: null, sector: null }],
  excused: [],
  institutions: [],
  preparedAt: "2019-06-17T12:00:00.000Z",
};

let seq = 0;
function entry(change: OutboxChange, extra: Partial<Pick<OutboxEntry, "workshopId" | "refusal">> = {}): OutboxEntry {
  seq += 1;
  return { ...change, seq, projectId: "p1", workshopId: "w1", createdAt: seq, refusal: null, ...extra };
}

describe("the outbox on the device, at the edges", () => {
  it("two changes made at the same moment on a fresh device are both readable", async () => {
    const d = await device();
    await Promise.all([d.enqueue("ana", target, [checkIn("x")]), d.enqueue("ana", target, [checkIn("y")])]);
    await expect(d.readOutbox("ana").then((entries) => entries.map(participantOf).sort())).resolves.toEqual(["x", "y"]);
  });

  it("an answer for a change discarded meanwhile does not bring it back", async () => {
    const d = await device();
    await d.enqueue("ana", target, [checkIn("x"), checkIn("y")]);
    const [x, y] = await d.readOutbox("ana");
    await d.discard([x!.seq]);
    await d.settle([
      { seq: x!.seq, refusal: { reason: "dayOutsideWorkshop" } },
      { seq: y!.seq, refusal: null },
    ]);
    expect(await d.readOutbox("ana")).toEqual([]);
  });

  it("refused changes of two workshops sent again each go back to their own workshop", async () => {
    const d = await device();
    await d.enqueue("ana", target, [checkIn("x")]);
    await d.enqueue("ana", { projectId: "p1", workshopId: "w2" }, [checkIn("y")]);
    const refused = await d.readOutbox("ana");
    await d.settle(refused.map((e) => ({ seq: e.seq, refusal: { reason: "not_found" } })));
    await d.resend("ana", await d.readOutbox("ana"));
    expect((await d.readOutbox("ana")).map((e) => [participantOf(e), e.workshopId, e.refusal])).toEqual([
      ["x", "w1", null],
      ["y", "w2", null],
    ]);
  });

  it("a person fixed and sent again shows under the fixed name while the fix waits", async () => {
    const d = await device();
    await d.enqueue("ana", target, [newPerson("y"), checkIn("y")]);
    const refused = await d.readOutbox("ana");
    await d.settle(refused.map((e) => ({ seq: e.seq, refusal: { reason: "invalid" } })));
    await d.resend("ana", refused, { y: { givenNames: "Sandra", familyNames: "Maradiaga Paz" } });
    const view = dayView(roster, await d.readOutbox("ana"), day1);
    expect(view.present.map((p) => `${p.givenNames} ${p.familyNames}`)).toEqual(["Sandra Maradiaga Paz", "Rosa Cruz"]);
  });
});

describe("another tab signing out", () => {
  it("leaves this tab unable to write personal data back on the device", async () => {
    const stillOpen = await device();
    await stillOpen.enqueue("ana", target, [checkIn("x")]);
    await (await device()).wipeDevice();
    await expect(stillOpen.enqueue("ana", target, [checkIn("y")])).rejects.toThrow();
    expect(await indexedDB.databases()).toEqual([]);
  });
});

describe("personal data left unused on the device", () => {
  it("is kept at exactly 14 days unused, and erased a moment later", async () => {
    const d = await device();
    await d.enqueue("ana", target, [checkIn("x")]);
    const start = Date.now();
    await d.touchUser("ana", start);
    await d.touchUser("luis", start + d.keepUnusedFor);
    expect(await d.readOutbox("ana")).toHaveLength(1);
    await d.touchUser("luis", start + d.keepUnusedFor + 1);
    expect(await d.readOutbox("ana")).toEqual([]);
  });

  it("counts a change made in a tab left open as use, so it is not erased at the next start", async () => {
    const d = await device();
    const now = Date.now();
    await d.touchUser("ana", now - 15 * dayMs);
    await d.enqueue("ana", target, [checkIn("x")]);
    await d.markSynced("ana", now - dayMs);
    await d.touchUser("ana", now);
    expect(await d.readOutbox("ana")).toHaveLength(1);
  });

  it("the offline page serves whoever opened the app last, not whoever synced last", async () => {
    const d = await device();
    const start = Date.now();
    await d.touchUser("ana", start);
    await d.touchUser("luis", start + 1000);
    await d.touchUser("eva", start - 1000);
    await d.markSynced("ana", start + 2000);
    expect(await d.lastUser()).toBe("luis");
    expect(await d.lastSyncOf("ana")).toBe(start + 2000);
  });
});

describe("the check-in day on the device, at the edges", () => {
  it("interleaved days each show their own check-ins, latest first", () => {
    const entries = [entry(checkIn("ana", day1)), entry(checkIn("mj", day2)), entry(checkIn("mj", day1)), entry(checkIn("ana", day2))];
    expect(dayView(roster, entries, day1).present.map((p) => p.id)).toEqual(["mj", "ana", "rosa"]);
    expect(dayView(roster, entries, day2).present.map((p) => p.id)).toEqual(["ana", "mj"]);
  });

  it("no longer proposes as having come on another day someone whose check-in that day was undone", () => {
    const created = entry({ id: "new", kind: "participant", participant: { givenNames: "Nueva" }, person });
    const entries = [entry(checkIn("rosa", day1, "undo")), created, entry(checkIn("new", day1)), entry(checkIn("new", day1, "undo"))];
    const view = dayView(roster, entries, day2);
    expect(findCandidates(view, "", 60).map((c) => c.id)).toEqual(["ana", "mj"]);
    expect(findCandidates(view, "rosa", 20).map((c) => c.group)).toEqual(["directory"]);
  });

  it("undoing a person known only from the outbox takes them off the day, and they can still be found", () => {
    const created = entry({ id: "new", kind: "participant", participant: { givenNames: "Sandra" }, person });
    const view = dayView({ ...roster, present: [] }, [created, entry(checkIn("new")), entry(checkIn("new", day1, "undo"))], day1);
    expect(view.present).toEqual([]);
    expect(view.counts).toEqual({ present: 0, women: 0, men: 0, otherSex: 0, state: 0, civilSociety: 0, otherSector: 0, noInstitution: 0 });
    expect(findCandidates(view, "maradiaga", 20).map((c) => [c.id, c.group, c.present])).toEqual([["new", "directory", false]]);
  });

  it("counts every sex and sector the way the server does", () => {
    const people: [PersonSummary["sex"], PersonSummary["sector"]][] = [
      ["woman", "state"],
      ["man", "civil_society"],
      ["other", "private_sector"],
      ["not_stated", "international"],
      ["woman", "academic"],
      ["man", null],
    ];
    expect(countDay(people.map(([sex, sector]) => ({ ...person, sex, sector })))).toEqual({
      present: 6,
      women: 2,
      men: 2,
      otherSex: 2,
      state: 1,
      civilSociety: 1,
      otherSector: 3,
      noInstitution: 1,
    });
  });

  it("search ignores extra spaces, case and accents, and finds names with punctuation", () => {
    const view = dayView(roster, [], day1);
    for (const query of ["  MARIA   josé ", "o'hara", "núnez maria", "hara-nunez"]) expect(findCandidates(view, query, 20).map((c) => c.id)).toEqual(["mj"]);
    expect(findCandidates(view, "maria ohara", 20)).toEqual([]);
  });
});

describe("the next batch, with refused changes in the middle", () => {
  it("skips them and keeps the waiting ones of the first workshop in order", () => {
    const refused = { refusal: { reason: "unknownParticipant" } };
    const entries = [
      entry(checkIn("a")),
      entry(checkIn("b"), refused),
      entry(checkIn("c")),
      entry(checkIn("d"), { ...refused, workshopId: "w2" }),
      entry(checkIn("e")),
      entry(checkIn("f"), { workshopId: "w2" }),
      entry(checkIn("g")),
    ];
    expect(nextBatch(entries).map(participantOf)).toEqual(["a", "c", "e"]);
  });
});
