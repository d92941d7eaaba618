import "fake-indexeddb/auto";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { openDB } from "idb";
import type { OfflineRoster } from "@/lib/attendance/offline-roster";
import { goOffline, revokeSessions, signInAs } from "@/lib/testing/offline-session";
import type { OutboxChange } from "./outbox";

// Each call is a fresh page on the same device: what a page opened in memory is gone.
async function page() {
  vi.resetModules();
  const [db, outbox, rosters, users, vault] = await Promise.all([import("./device-db"), import("./outbox"), import("./rosters"), import("./device-users"), import("./vault")]);
  return { ...db, ...outbox, ...rosters, ...users, ...vault };
}

beforeEach(async () => {
  await (await page()).wipeDevice();
});
afterEach(() => vi.unstubAllGlobals());

const pin = "482913";
const person = { givenNames: "Sandra", familyNames: "Maradiaga", sex: "woman" as const, institutionName: "Secretaría de Salud", sector: "state" as const };
const target = { projectId: "p1", workshopId: "w1" };
const checkIn = (participantId: string): OutboxChange => ({ id: crypto.randomUUID(), kind: "check_in", participantId, day: "2019-06-18", person });
const roster: OfflineRoster = {
  workshop: { id: "w1", projectId: "p1", title: "Taller de Tegucigalpa", status: "held", startDate: "2019-06-18", endDate: "2019-06-19" },
  days: ["2019-06-18", "2019-06-19"],
  people: [{ id: "a", ...person, invited: true }],
  present: [],
  excused: [],
  institutions: [],
  preparedAt: "2019-06-17T12:00:00.000Z",
};

/** Ana prepares the workshop with her PIN while signed in, and checks someone in. */
async function prepared() {
  signInAs("ana");
  const d = await page();
  await d.setPin("ana", pin);
  await d.storeRoster("ana", roster);
  await d.enqueue("ana", target, [checkIn("a")]);
}

describe("offline data on a device", () => {
  it("does not open without a session or the PIN: not offline, not for whoever is signed in next", async () => {
    await prepared();
    goOffline();
    const offline = await page();
    await expect(offline.readRoster("ana", "w1")).rejects.toBeInstanceOf(offline.LockedError);
    await expect(offline.readOutbox("ana")).rejects.toBeInstanceOf(offline.LockedError);
    await expect(offline.listPrepared("ana")).rejects.toBeInstanceOf(offline.LockedError);
    signInAs("luis");
    const someoneElse = await page();
    await expect(someoneElse.readRoster("ana", "w1")).rejects.toBeInstanceOf(someoneElse.LockedError);
    // What can be read without the key says nothing about anyone.
    expect(await someoneElse.countOutbox("ana")).toEqual({ waiting: 1, refused: 0 });
  });

  it("opens with its owner's PIN offline, and what waits can then be read to be sent", async () => {
    await prepared();
    goOffline();
    const d = await page();
    expect(await d.hasPin("ana")).toBe(true);
    expect(await d.unlockWithPin("ana", "000000")).toEqual({ ok: false, triesLeft: 4 });
    expect(await d.unlockWithPin("ana", pin)).toEqual({ ok: true });
    expect(await d.readRoster("ana", "w1")).toEqual(roster);
    expect((await d.readOutbox("ana")).map((e) => e.kind === "check_in" && e.participantId)).toEqual(["a"]);
    await d.enqueue("ana", target, [checkIn("b")]);
    expect(await d.readOutbox("ana")).toHaveLength(2);
  });

  it("opens without the PIN while its owner is signed in, since the server vouches for the session", async () => {
    await prepared();
    signInAs("ana");
    expect(await (await page()).readRoster("ana", "w1")).toEqual(roster);
  });

  it("is erased after five wrong PINs in a row, counted across pages; a right one in between starts the count again", async () => {
    await prepared();
    signInAs("luis");
    await (await page()).enqueue("luis", target, [checkIn("x")]);
    goOffline();
    let d = await page();
    for (const left of [4, 3]) expect(await d.unlockWithPin("ana", "111111")).toEqual({ ok: false, triesLeft: left });
    expect(await d.unlockWithPin("ana", pin)).toEqual({ ok: true });
    d = await page();
    for (const left of [4, 3, 2]) expect(await d.unlockWithPin("ana", "111111")).toEqual({ ok: false, triesLeft: left });
    d = await page();
    expect(await d.unlockWithPin("ana", "222222")).toEqual({ ok: false, triesLeft: 1 });
    expect(await d.unlockWithPin("ana", "333333")).toEqual({ ok: false, triesLeft: 0 });
    expect(await d.isPrepared("ana", "w1")).toBe(false);
    expect(await d.countOutbox("ana")).toEqual({ waiting: 0, refused: 0 });
    expect(await d.hasPin("ana")).toBe(false);
    expect(await d.unlockWithPin("ana", pin)).toEqual({ ok: false, triesLeft: 0 });
    // Another user's data on the same device is not theirs to lose.
    expect(await d.countOutbox("luis")).toEqual({ waiting: 1, refused: 0 });
  });

  it("takes the PIN again once the owner's sessions are revoked, then opens with the new session", async () => {
    await prepared();
    revokeSessions();
    signInAs("ana");
    let d = await page();
    await expect(d.readRoster("ana", "w1")).rejects.toBeInstanceOf(d.LockedError);
    expect(await d.unlockWithPin("ana", pin)).toEqual({ ok: true });
    d = await page();
    expect(await d.readRoster("ana", "w1")).toEqual(roster);
  });

  it("without a PIN, is lost once the sessions it was made in are revoked", async () => {
    signInAs("ana");
    await (await page()).enqueue("ana", target, [checkIn("a")]);
    revokeSessions();
    const d = await page();
    expect(await d.readOutbox("ana")).toEqual([]);
    await d.enqueue("ana", target, [checkIn("b")]);
    expect(await d.readOutbox("ana")).toHaveLength(1);
  });

  it("is all erased when the server says the session is over (401)", async () => {
    await prepared();
    signInAs(null);
    const d = await page();
    await expect(d.readRoster("ana", "w1")).rejects.toBeInstanceOf(d.LockedError);
    expect(await indexedDB.databases()).toEqual([]);
  });

  it("keeps neither the PIN nor anything readable", async () => {
    await prepared();
    const d = await page();
    const db = await d.deviceDb();
    const stored = JSON.stringify([await db.getAll("locks"), await db.getAll("rosters"), await db.getAll("outbox")], (_key, value: unknown) =>
      value instanceof ArrayBuffer || ArrayBuffer.isView(value) ? new TextDecoder().decode(value as ArrayBuffer) : value,
    );
    for (const clear of [pin, "Maradiaga", "Tegucigalpa"]) expect(stored).not.toContain(clear);
    await expect(d.setPin("ana", "12345")).rejects.toThrow();
  });

  it("left by the previous version under the browser-kept key, is sealed again with the data key once its owner's session opens it", async () => {
    const old = await openDB("atelier-offline", 1, {
      upgrade(db) {
        db.createObjectStore("keys", { keyPath: "userId" });
        db.createObjectStore("users", { keyPath: "userId" });
        db.createObjectStore("rosters", { keyPath: ["userId", "workshopId"] }).createIndex("byUser", "userId");
        db.createObjectStore("outbox", { keyPath: "seq", autoIncrement: true }).createIndex("byUser", "userId");
      },
    });
    const legacy = await crypto.subtle.generateKey({ name: "AES-GCM", length: 256 }, false, ["encrypt", "decrypt"]);
    const { seal } = await import("./seal");
    await old.put("keys", { userId: "ana", key: legacy });
    await old.add("outbox", { userId: "ana", ...target, createdAt: 1, sealed: await seal(legacy, checkIn("a")), refusal: null });
    old.close();
    signInAs("ana");
    const d = await page();
    expect((await d.readOutbox("ana")).map((e) => e.kind === "check_in" && e.participantId)).toEqual(["a"]);
    expect(await (await d.deviceDb()).getAll("keys")).toEqual([]);
  });
});
