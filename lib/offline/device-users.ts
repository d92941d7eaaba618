import { deviceDb } from "./device-db";

/** Personal data left on a device unused for this long is erased when the app next opens. */
export const keepUnusedFor = 14 * 24 * 60 * 60 * 1000;

/**
 * Marks the user's data on the device as in use, after erasing whatever was left unused too long
 * (theirs included). Answers how many users' data was erased.
 */
export async function touchUser(userId: string, now = Date.now()): Promise<number> {
  const db = await deviceDb();
  const stale = (await db.getAll("users")).filter((u) => now - u.lastUsedAt > keepUnusedFor);
  for (const user of stale) await forgetUser(user.userId);
  const mine = await db.get("users", userId);
  await db.put("users", { userId, lastUsedAt: now, lastSyncAt: mine?.lastSyncAt ?? null });
  return stale.length;
}

export async function markSynced(userId: string, at = Date.now()): Promise<void> {
  const db = await deviceDb();
  const user = await db.get("users", userId);
  await db.put("users", { userId, lastUsedAt: user?.lastUsedAt ?? at, lastSyncAt: at });
}

export async function lastSyncOf(userId: string): Promise<number | null> {
  return (await (await deviceDb()).get("users", userId))?.lastSyncAt ?? null;
}

/** The user whose data was used last on this device: the one the offline page serves. */
export async function lastUser(): Promise<string | null> {
  const users = await (await deviceDb()).getAll("users");
  return users.sort((a, b) => b.lastUsedAt - a.lastUsedAt)[0]?.userId ?? null;
}

/** Erases everything of the user's on the device: their key's wraps, rosters and outbox. */
export async function forgetUser(userId: string): Promise<void> {
  const db = await deviceDb();
  const tx = db.transaction(["locks", "keys", "users", "rosters", "outbox"], "readwrite");
  const [rosters, outbox] = await Promise.all([tx.objectStore("rosters").index("byUser").getAllKeys(userId), tx.objectStore("outbox").index("byUser").getAllKeys(userId)]);
  await Promise.all([
    tx.objectStore("locks").delete(userId),
    tx.objectStore("keys").delete(userId),
    tx.objectStore("users").delete(userId),
    ...rosters.map((k) => tx.objectStore("rosters").delete(k)),
    ...outbox.map((k) => tx.objectStore("outbox").delete(k)),
    tx.done,
  ]);
}
