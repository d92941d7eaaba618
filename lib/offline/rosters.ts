import type { OfflineRoster } from "@/lib/attendance/offline-roster";
import { deviceDb } from "./device-db";
import { seal, unseal } from "./seal";
import { dataKey } from "./vault";

export type PreparedWorkshop = { workshopId: string; projectId: string; title: string; startDate: string; endDate: string; preparedAt: string };

/** Keeps a workshop's roster on the device, sealed, for check-in without a connection. */
export async function storeRoster(userId: string, roster: OfflineRoster): Promise<void> {
  const sealed = await seal(await dataKey(userId), roster);
  const db = await deviceDb();
  await db.put("rosters", { userId, workshopId: roster.workshop.id, projectId: roster.workshop.projectId, preparedAt: roster.preparedAt, sealed });
}

export async function readRoster(userId: string, workshopId: string): Promise<OfflineRoster | null> {
  if (!(await isPrepared(userId, workshopId))) return null;
  const key = await dataKey(userId);
  // Read once the key is open: opening it may have erased what was sealed for ended sessions.
  const stored = await (await deviceDb()).get("rosters", [userId, workshopId]);
  return stored ? unseal<OfflineRoster>(key, stored.sealed) : null;
}

export async function isPrepared(userId: string, workshopId: string): Promise<boolean> {
  return (await (await deviceDb()).getKey("rosters", [userId, workshopId])) !== undefined;
}

/** The workshops this user prepared on this device, soonest first. */
export async function listPrepared(userId: string): Promise<PreparedWorkshop[]> {
  const db = await deviceDb();
  if ((await db.countFromIndex("rosters", "byUser", userId)) === 0) return [];
  const key = await dataKey(userId);
  const stored = await db.getAllFromIndex("rosters", "byUser", userId);
  const rosters = await Promise.all(stored.map((s) => unseal<OfflineRoster>(key, s.sealed)));
  return rosters
    .map(({ workshop, preparedAt }) => ({
      workshopId: workshop.id,
      projectId: workshop.projectId,
      title: workshop.title,
      startDate: workshop.startDate,
      endDate: workshop.endDate,
      preparedAt,
    }))
    .sort((a, b) => a.startDate.localeCompare(b.startDate));
}

/**
 * Erases a workshop's roster and the changes waiting for it: the server says the user may no
 * longer see it (removed from the project, the workshop gone), so its people must not stay here.
 */
export async function forgetWorkshop(userId: string, workshopId: string): Promise<void> {
  const db = await deviceDb();
  const tx = db.transaction(["rosters", "outbox"], "readwrite");
  const outbox = await tx.objectStore("outbox").index("byUser").getAll(userId);
  await Promise.all([
    tx.objectStore("rosters").delete([userId, workshopId]),
    ...outbox.filter((item) => item.workshopId === workshopId).map((item) => tx.objectStore("outbox").delete(item.seq!)),
    tx.done,
  ]);
}
