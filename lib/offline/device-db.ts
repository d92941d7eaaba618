import type { FieldErrors } from "@/lib/result";
import { deleteDB, openDB, type DBSchema, type IDBPDatabase } from "idb";

/** Encrypted bytes and the nonce they were sealed with. */
export type Sealed = { iv: Uint8Array<ArrayBuffer>; data: ArrayBuffer };

export type StoredOutboxItem = {
  seq?: number;
  userId: string;
  projectId: string;
  workshopId: string;
  createdAt: number;
  /** The change itself (names included), sealed with the user's data key. */
  sealed: Sealed;
  /** Why the server refused it (a message key, no personal data); null while it waits. */
  refusal: Refusal | null;
};

export type Refusal = { reason: string; fieldErrors?: FieldErrors };

/** The user's data key wrapped by their offline PIN (PBKDF2-SHA-256 with this salt and count). */
export type PinWrap = { salt: Uint8Array<ArrayBuffer>; iterations: number; wrapped: ArrayBuffer };

/**
 * What opens a user's data on the device, never the key itself: the data key wrapped by their PIN
 * (to open it offline) and by the server's secret for their sessions (to open it online without
 * the PIN), and the wrong PIN tries since the last right one.
 */
export type StoredLock = { userId: string; byPin: PinWrap | null; bySession: ArrayBuffer | null; failures: number };

interface DeviceSchema extends DBSchema {
  locks: { key: string; value: StoredLock };
  /** Version 1's keys: one per user, kept by the browser and usable by anyone on it; emptied by migration. */
  keys: { key: string; value: { userId: string; key: CryptoKey } };
  users: { key: string; value: { userId: string; lastUsedAt: number; lastSyncAt: number | null } };
  rosters: {
    key: [string, string];
    value: { userId: string; workshopId: string; projectId: string; preparedAt: string; sealed: Sealed };
    indexes: { byUser: string };
  };
  outbox: { key: number; value: StoredOutboxItem; indexes: { byUser: string } };
}

export type DeviceDb = IDBPDatabase<DeviceSchema>;

export const deviceDbName = "atelier-offline";
let opening: Promise<DeviceDb> | null = null;
let wiped = false;

/** The device's one database, opened once per page. */
export function deviceDb(): Promise<DeviceDb> {
  // After a wipe (sign-out, the session ended) nothing may write again, or data would be left behind.
  if (wiped) return Promise.reject(new Error("The device was wiped."));
  opening ??= openDB<DeviceSchema>(deviceDbName, 2, {
    upgrade(db, oldVersion) {
      if (oldVersion < 1) {
        db.createObjectStore("keys", { keyPath: "userId" });
        db.createObjectStore("users", { keyPath: "userId" });
        db.createObjectStore("rosters", { keyPath: ["userId", "workshopId"] }).createIndex("byUser", "userId");
        db.createObjectStore("outbox", { keyPath: "seq", autoIncrement: true }).createIndex("byUser", "userId");
      }
      db.createObjectStore("locks", { keyPath: "userId" });
    },
    // Another tab is wiping the device (sign-out, a null version): let it, and write nothing after.
    blocking(_current, next) {
      if (next === null) wiped = true;
      void opening?.then((db) => db.close());
      opening = null;
    },
  });
  return opening;
}

/** Deletes everything the app stored on the device. */
export async function wipeDevice(): Promise<void> {
  wiped = true;
  const open = opening;
  opening = null;
  if (open) (await open).close();
  await deleteDB(deviceDbName);
}
