import type { OfflineRoster } from "@/lib/attendance/offline-roster";
import { deviceDb } from "./device-db";
import { deviceKey, seal, unseal } from "./seal";

export type PreparedWorkshop = { workshopId: string; projectId: string; title: string; startDate: string; endDate: string; preparedAt: string };

/** Keeps a workshop's roster on the device, sealed, for check-in without a connection. */
export async function storeRoster(userId: string, roster: OfflineRoster): Promise<void> {
  const db = await deviceDb();
  const sealed = await seal(await deviceKey(db, userId), roster);
  await db.put("rosters", { userId, workshopId: roster.workshop.id, projectId: roster.workshop.projectId, preparedAt: roster.preparedAt, sealed });
}

export async function readRoster(userId: string, workshopId: string): Promise<OfflineRoster | null> {
  const db = await deviceDb();
  const stored = await db.get("rosters", [userId, workshopId]);
  return stored ? unseal<OfflineRoster>(await deviceKey(db, userId), stored.sealed) : null;
}

export async function isPrepared(userId: string, workshopId: string): Promise<boolean> {
  return (await (await deviceDb()).getKey("rosters", [userId, workshopId])) !== undefined;
}

/** The workshops this user prepared on this device, soonest first. */
export async function listPrepared(userId: string): Promise<PreparedWorkshop[]> {
  const db = await deviceDb();
  const stored = await db.getAllFromIndex("rosters", "byUser", userId);
  if (stored.length === 0) return [];
  const key = await deviceKey(db, userId);
  const rosters = await Promise.all(stored.map((s) => unseal<OfflineRoster>(key, s.sealed)));
  return rosters
    .map(({ workshop, preparedAt }) => ({ workshopId: workshop.id, projectId: workshop.projectId, title: workshop.title, startDate: workshop.startDate, endDate: workshop.endDate, preparedAt }))
    .sort((a, b) => a.startDate.localeCompare(b.startDate));
}
