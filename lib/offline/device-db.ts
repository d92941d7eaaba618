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
  /** The change itself (names included), sealed with the user's device key. */
  sealed: Sealed;
  /** Why the server refused it (a message key, no personal data); null while it waits. */
  refusal: Refusal | null;
};

export type Refusal = { reason: string; fieldErrors?: FieldErrors };

interface DeviceSchema extends DBSchema {
  /** One AES key per user, stored non-extractable: the page can use it but never read it out. */
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

const name = "atelier-offline";
let opening: Promise<DeviceDb> | null = null;
let wiped = false;

/** The device's one database, opened once per page. */
export function deviceDb(): Promise<DeviceDb> {
  // After sign-out nothing may write again, or an empty database would be left behind.
  if (wiped) return Promise.reject(new Error("The device was wiped at sign-out."));
  opening ??= openDB<DeviceSchema>(name, 1, {
    upgrade(db) {
      db.createObjectStore("keys", { keyPath: "userId" });
      db.createObjectStore("users", { keyPath: "userId" });
      db.createObjectStore("rosters", { keyPath: ["userId", "workshopId"] }).createIndex("byUser", "userId");
      db.createObjectStore("outbox", { keyPath: "seq", autoIncrement: true }).createIndex("byUser", "userId");
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
  await deleteDB(name);
}
