import type { OfflineRoster } from "@/lib/attendance/offline-roster";
import { isPrepared, readRoster, storeRoster } from "./rosters";

export type LoadedRoster = {
  roster: OfflineRoster;
  /** Whether the workshop is prepared for offline use on this device. */
  prepared: boolean;
  /** The server could not be reached: this is the copy stored on the device. */
  fromDevice: boolean;
};

export class NotPreparedError extends Error {}

/**
 * The check-in roster: from the server when it answers (refreshing the device's copy of a prepared
 * workshop), otherwise from the device. Without either, the screen cannot work.
 */
export async function loadRoster(userId: string, projectId: string, workshopId: string): Promise<LoadedRoster> {
  const response = await fetch(`/api/v1/projects/${projectId}/workshops/${workshopId}/offline-roster`).catch(() => null);
  if (response?.ok) {
    const roster = (await response.json()) as OfflineRoster;
    const prepared = await isPrepared(userId, workshopId);
    if (prepared) await storeRoster(userId, roster);
    return { roster, prepared, fromDevice: false };
  }
  // Refused outright (no longer a member, workshop gone): the device's copy must not stand in.
  if (response?.status === 403 || response?.status === 404) throw new Error(`Roster refused: ${response.status}`);
  const stored = await readRoster(userId, workshopId);
  if (stored) return { roster: stored, prepared: true, fromDevice: true };
  throw new NotPreparedError(`No roster for workshop ${workshopId}`);
}
