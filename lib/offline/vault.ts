import type { getOfflineKey } from "@/lib/account/use-cases";
import { apiFetch } from "@/lib/http/api-fetch";
import { deviceDb, type DeviceDb, type PinWrap, type Sealed } from "./device-db";
import { forgetUser } from "./device-users";
import { forgetPages } from "./page-cache";
import { seal, unseal } from "./seal";
import { fetchInSession, onSessionEnd } from "./session-end";

/** OWASP's count for PBKDF2-HMAC-SHA-256 (2023): a guess costs a fraction of a second on a phone. */
export const pinIterations = 600_000;
/** Wrong PIN tries after which the user's data on the device is erased. */
export const maxPinTries = 5;
export const isValidPin = (pin: string) => /^\d{6,12}$/.test(pin);

/** The user's data on this device cannot be opened now: offline, or under an ended session, without the PIN. */
export class LockedError extends Error {}

export type UnlockResult = { ok: true } | { ok: false; triesLeft: number };

// The data keys this page has opened. Only here, in memory: on the device they are always wrapped.
const openKeys = new Map<string, CryptoKey>();
const opening = new Map<string, Promise<CryptoKey>>();
onSessionEnd(() => openKeys.clear());

/**
 * The key that seals the user's rosters and outbox. Opened once per page: from memory, else with
 * the server's secret for the user's sessions (online and signed in as them); the first time,
 * made and wrapped with it. Without either, it takes the PIN (`unlockWithPin`).
 */
export function dataKey(userId: string): Promise<CryptoKey> {
  const open = openKeys.get(userId);
  if (open) return Promise.resolve(open);
  let pending = opening.get(userId);
  if (!pending) {
    pending = openWithSession(userId).finally(() => opening.delete(userId));
    opening.set(userId, pending);
  }
  return pending;
}

export async function hasPin(userId: string): Promise<boolean> {
  return ((await (await deviceDb()).get("locks", userId))?.byPin ?? null) !== null;
}

async function openWithSession(userId: string): Promise<CryptoKey> {
  const secret = await sessionSecret(userId);
  const db = await deviceDb();
  let lock = await db.get("locks", userId);
  if (!lock) {
    const made = await crypto.subtle.generateKey({ name: "AES-GCM", length: 256 }, true, ["encrypt", "decrypt"]);
    // Added, never overwritten: when two first uses race (two tabs), the first key stays for both.
    await db.add("locks", { userId, byPin: null, bySession: await wrap(made, secret), failures: 0 }).catch(() => undefined);
    lock = (await db.get("locks", userId))!;
  }
  const key = lock.bySession ? await unwrap(lock.bySession, secret).catch(() => null) : null;
  if (!key) {
    // Wrapped under sessions that have since ended: only the PIN opens it; without one it is lost.
    if (lock.byPin) throw new LockedError("Wrapped for an ended session");
    await forgetUser(userId);
    return openWithSession(userId);
  }
  await adoptLegacyData(db, userId, key);
  openKeys.set(userId, key);
  return key;
}

/** The server's secret for the user's current sessions, as a wrapping key; never stored. */
async function sessionSecret(userId: string): Promise<CryptoKey> {
  const response = await apiFetch<typeof getOfflineKey>("GET /account/offline-key", { init: { cache: "no-store" }, send: fetchInSession }).catch(() => null);
  if (!response?.ok) throw new LockedError("No session secret");
  const answer = response.data;
  // Someone else is signed in on this browser: their secret does not open this user's data.
  if (answer.userId !== userId) throw new LockedError("Another user's session");
  const raw = Uint8Array.from(atob(answer.key.replace(/-/g, "+").replace(/_/g, "/")), (c) => c.charCodeAt(0));
  return crypto.subtle.importKey("raw", raw, "AES-KW", false, ["wrapKey", "unwrapKey"]);
}

/**
 * Opens the user's data with their offline PIN. Each try is counted before it is checked (closing
 * the page mid-check does not give a free one); after `maxPinTries` wrong ones in a row, the
 * user's data on this device is erased, unsent changes included.
 */
export async function unlockWithPin(userId: string, pin: string): Promise<UnlockResult> {
  const db = await deviceDb();
  const lock = await db.get("locks", userId);
  if (!lock?.byPin) return { ok: false, triesLeft: 0 };
  const failures = lock.failures + 1;
  await db.put("locks", { ...lock, failures });
  const key = await unwrap(lock.byPin.wrapped, await pinKey(pin, lock.byPin)).catch(() => null);
  if (!key) {
    // The stored pages go too: their header names the user.
    if (failures >= maxPinTries) await Promise.all([forgetUser(userId), forgetPages()]);
    return { ok: false, triesLeft: Math.max(0, maxPinTries - failures) };
  }
  openKeys.set(userId, key);
  await db.put("locks", { ...(await db.get("locks", userId))!, failures: 0 });
  await wrapForSession(userId, key);
  return { ok: true };
}

/** Signed in again since the data was wrapped: from now on the current session opens it without the PIN. */
async function wrapForSession(userId: string, key: CryptoKey): Promise<void> {
  const secret = await sessionSecret(userId).catch(() => null);
  if (!secret) return;
  const db = await deviceDb();
  const lock = await db.get("locks", userId);
  if (lock) await db.put("locks", { ...lock, bySession: await wrap(key, secret) });
}

/** Sets (or replaces) the PIN that opens the user's data offline. Needs the data key open. */
export async function setPin(userId: string, pin: string): Promise<void> {
  if (!isValidPin(pin)) throw new Error("A PIN is 6 to 12 digits");
  const key = await dataKey(userId);
  const salt = crypto.getRandomValues(new Uint8Array(16));
  const params = { salt, iterations: pinIterations };
  const byPin: PinWrap = { ...params, wrapped: await wrap(key, await pinKey(pin, params)) };
  const db = await deviceDb();
  const lock = (await db.get("locks", userId))!;
  await db.put("locks", { ...lock, byPin, failures: 0 });
}

async function pinKey(pin: string, { salt, iterations }: Pick<PinWrap, "salt" | "iterations">): Promise<CryptoKey> {
  const material = await crypto.subtle.importKey("raw", new TextEncoder().encode(pin), "PBKDF2", false, ["deriveKey"]);
  return crypto.subtle.deriveKey({ name: "PBKDF2", hash: "SHA-256", salt, iterations }, material, { name: "AES-KW", length: 256 }, false, ["wrapKey", "unwrapKey"]);
}

const wrap = (key: CryptoKey, wrapping: CryptoKey) => crypto.subtle.wrapKey("raw", key, wrapping, "AES-KW");
const unwrap = (wrapped: ArrayBuffer, wrapping: CryptoKey) => crypto.subtle.unwrapKey("raw", wrapped, wrapping, "AES-KW", { name: "AES-GCM" }, true, ["encrypt", "decrypt"]);

/**
 * Data sealed by version 1 with the browser-kept key is sealed again with the data key, once its
 * owner has proved their session, and the old key is deleted.
 */
async function adoptLegacyData(db: DeviceDb, userId: string, key: CryptoKey): Promise<void> {
  const legacy = await db.get("keys", userId);
  if (!legacy) return;
  const reseal = async (sealed: Sealed) => seal(key, await unseal(legacy.key, sealed));
  const [rosters, outbox] = await Promise.all([db.getAllFromIndex("rosters", "byUser", userId), db.getAllFromIndex("outbox", "byUser", userId)]);
  const [newRosters, newOutbox] = await Promise.all([
    Promise.all(rosters.map(async (r) => ({ ...r, sealed: await reseal(r.sealed) }))),
    Promise.all(outbox.map(async (o) => ({ ...o, sealed: await reseal(o.sealed) }))),
  ]);
  const tx = db.transaction(["keys", "rosters", "outbox"], "readwrite");
  await Promise.all([
    ...newRosters.map((r) => tx.objectStore("rosters").put(r)),
    ...newOutbox.map((o) => tx.objectStore("outbox").put(o)),
    tx.objectStore("keys").delete(userId),
    tx.done,
  ]);
}
