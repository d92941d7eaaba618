import "fake-indexeddb/auto";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { OfflineRoster } from "@/lib/attendance/offline-roster";
import { signInAs } from "@/lib/testing/offline-session";
import type { OutboxChange } from "./outbox";

// The device modules keep their open database per page; each test gets a fresh "page" and device.
async function device() {
  vi.resetModules();
  const [db, outbox, rosters, users] = await Promise.all([import("./device-db"), import("./outbox"), import("./rosters"), import("./device-users")]);
  return { ...db, ...outbox, ...rosters, ...users };
}

// Ana is signed in on the device: her data opens with her session's secret.
beforeEach(async () => {
  signInAs("ana");
  await (await device()).wipeDevice();
});
afterEach(() => vi.unstubAllGlobals());

const person = { givenNames: "Sandra", familyNames: "Maradiaga", sex: "woman" as const, institutionName: "Secretaría de Salud", sector: "state" as const };
const target = { projectId: "p1", workshopId: "w1" };
const checkIn = (participantId: string, day = "2019-06-18"): OutboxChange => ({ id: crypto.randomUUID(), kind: "check_in", participantId, day, person });
const newPerson = (id: string): OutboxChange => ({ id, kind: "participant", participant: { givenNames: "Sandra", familyNames: "Maradiaga" }, person });

function rawText(values: unknown[]): string {
  const text = (value: unknown): string => {
    if (value instanceof ArrayBuffer) return new TextDecoder().decode(value);
    if (ArrayBuffer.isView(value)) return new TextDecoder().decode(value);
    if (value && typeof value === "object") return Object.values(value).map(text).join(" ");
    return String(value);
  };
  return values.map(text).join("\n");
}

const roster: OfflineRoster = {
  workshop: { id: "w1", projectId: "p1", title: "Taller de Tegucigalpa", status: "held", startDate: "2019-06-18", endDate: "2019-06-19" },
  days: ["2019-06-18", "2019-06-19"],
  people: [{ id: "a", ...person, invited: true }],
  present: [],
  excused: [],
  institutions: [],
  preparedAt: "2019-06-17T12:00:00.000Z",
};

describe("the outbox on the device", () => {
  it("keeps changes in the order they were made, readable by their user and sealed at rest", async () => {
    const d = await device();
    await d.enqueue("ana", target, [checkIn("x"), newPerson("y")]);
    await d.enqueue("ana", target, [checkIn("y")]);
    const entries = await d.readOutbox("ana");
    expect(entries.map((e) => [e.kind, e.kind === "participant" ? e.id : e.participantId])).toEqual([
      ["check_in", "x"],
      ["participant", "y"],
      ["check_in", "y"],
    ]);
    expect(entries.every((e) => e.refusal === null && e.workshopId === "w1")).toBe(true);
    const raw = await (await d.deviceDb()).getAll("outbox");
    expect(raw).toHaveLength(3);
    expect(rawText(raw)).not.toMatch(/Maradiaga|Sandra|Salud/);
  });

  it("belongs to the user who made it: another user on the same device sees none of it", async () => {
    const d = await device();
    await d.enqueue("ana", target, [checkIn("x")]);
    expect(await d.readOutbox("luis")).toEqual([]);
    expect(await d.readOutbox("ana")).toHaveLength(1);
  });

  it("loses a change only once the server has answered for it; a refused one stays with its reason", async () => {
    const d = await device();
    await d.enqueue("ana", target, [checkIn("x"), checkIn("y"), checkIn("z")]);
    const [x, y] = await d.readOutbox("ana");
    await d.settle([
      { seq: x!.seq, refusal: null },
      { seq: y!.seq, refusal: { reason: "dayOutsideWorkshop" } },
    ]);
    const left = await d.readOutbox("ana");
    expect(left.map((e) => (e.kind === "participant" ? null : [e.participantId, e.refusal?.reason ?? null]))).toEqual([
      ["y", "dayOutsideWorkshop"],
      ["z", null],
    ]);
  });

  it("sends a refused change again at the end of the queue: a check-in under a new id, a fixed person under their own", async () => {
    const d = await device();
    await d.enqueue("ana", target, [newPerson("y"), checkIn("y"), checkIn("z")]);
    const [created, checkedIn] = await d.readOutbox("ana");
    await d.settle([created!, checkedIn!].map((e) => ({ seq: e.seq, refusal: { reason: "invalid" } })));
    await d.resend("ana", [created!, checkedIn!], { y: { givenNames: "Sandra", familyNames: "Maradiaga Paz" } });
    const after = await d.readOutbox("ana");
    expect(after.map((e) => e.kind)).toEqual(["check_in", "participant", "check_in"]);
    const [, fixed, again] = after;
    expect(fixed).toMatchObject({ id: "y", participant: { familyNames: "Maradiaga Paz" }, refusal: null });
    expect(again).toMatchObject({ participantId: "y", refusal: null });
    expect(again!.id).not.toBe(checkedIn!.id);
  });

  it("can be discarded change by change", async () => {
    const d = await device();
    await d.enqueue("ana", target, [checkIn("x"), checkIn("y")]);
    const [x] = await d.readOutbox("ana");
    await d.discard([x!.seq]);
    expect((await d.readOutbox("ana")).map((e) => (e.kind === "participant" ? null : e.participantId))).toEqual(["y"]);
  });
});

describe("prepared workshops on the device", () => {
  it("are stored sealed per user and listed for the offline page", async () => {
    const d = await device();
    expect(await d.isPrepared("ana", "w1")).toBe(false);
    await d.storeRoster("ana", roster);
    expect(await d.isPrepared("ana", "w1")).toBe(true);
    expect(await d.isPrepared("luis", "w1")).toBe(false);
    expect(await d.readRoster("ana", "w1")).toEqual(roster);
    expect(await d.listPrepared("ana")).toEqual([
      { workshopId: "w1", projectId: "p1", title: "Taller de Tegucigalpa", startDate: "2019-06-18", endDate: "2019-06-19", preparedAt: roster.preparedAt },
    ]);
    expect(rawText(await (await d.deviceDb()).getAll("rosters"))).not.toMatch(/Maradiaga|Tegucigalpa/);
  });
});

describe("personal data left on the device", () => {
  const day = 24 * 60 * 60 * 1000;

  it("is erased after 14 days unused, whoever opens the app next; fresher data stays", async () => {
    const d = await device();
    const start = Date.now();
    await d.touchUser("ana", start);
    await d.enqueue("ana", target, [checkIn("x")]);
    await d.storeRoster("ana", roster);
    signInAs("luis");
    await d.touchUser("luis", start);
    await d.enqueue("luis", target, [checkIn("y")]);

    await d.touchUser("luis", start + 10 * day);
    expect(await d.readOutbox("ana")).toHaveLength(1);

    await d.touchUser("luis", start + 15 * day);
    expect(await d.readOutbox("ana")).toEqual([]);
    expect(await d.isPrepared("ana", "w1")).toBe(false);
    expect(await d.readOutbox("luis")).toHaveLength(1);
    expect(await d.lastUser()).toBe("luis");

    await d.touchUser("luis", start + 30 * day);
    expect(await d.readOutbox("luis")).toEqual([]);
  });

  it("is all gone once the device is wiped at sign-out, and nothing can be written after", async () => {
    const d = await device();
    await d.enqueue("ana", target, [checkIn("x")]);
    await d.storeRoster("ana", roster);
    await d.wipeDevice();
    expect(await indexedDB.databases()).toEqual([]);
    await expect(d.enqueue("ana", target, [checkIn("y")])).rejects.toThrow();
    expect(await indexedDB.databases()).toEqual([]);
  });
});
