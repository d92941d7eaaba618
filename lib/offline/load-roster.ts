import type { OfflineRoster } from "@/lib/attendance/offline-roster";
import type { getOfflineRoster } from "@/lib/attendance/use-cases";
import { apiFetch } from "@/lib/http/api-fetch";
import { forgetWorkshop, isPrepared, readRoster, storeRoster } from "./rosters";
import { fetchInSession } from "./session-end";
import { LockedError } from "./vault";

export type LoadedRoster = {
  roster: OfflineRoster;
  /** Whether the workshop is prepared for offline use on this device. */
  prepared: boolean;
  /** The server could not be reached: this is the copy stored on the device. */
  fromDevice: boolean;
};

export class NotPreparedError extends Error {}
/** The server answered 401: the session is over and the device's data was erased. */
export class SessionEndedError extends Error {}

/**
 * The check-in roster: from the server when it answers (refreshing the device's copy of a prepared
 * workshop), otherwise from the device, which takes the user's PIN when the key is not open yet.
 * Without either, the screen cannot work.
 */
export async function loadRoster(userId: string, projectId: string, workshopId: string): Promise<LoadedRoster> {
  const answer = await apiFetch<typeof getOfflineRoster>("GET /projects/{projectId}/workshops/{workshopId}/offline-roster", {
    params: { projectId, workshopId },
    send: fetchInSession,
  }).catch(() => null);
  if (answer?.ok) {
    const roster = answer.data;
    const prepared = await isPrepared(userId, workshopId);
    // A copy that cannot be opened now keeps its older version; the screen has the server's.
    if (prepared) await storeRoster(userId, roster).catch((error: unknown) => ignoreLocked(error));
    return { roster, prepared, fromDevice: false };
  }
  if (answer?.status === 401) throw new SessionEndedError("The session is over");
  // Refused outright (no longer a member, workshop gone): the device's copy must not stand in, nor
  // stay. Another refusal (a password to change first) leaves it for when that is done.
  if (answer?.status === 403 || answer?.status === 404) {
    const { error } = answer.error;
    if (error === "forbidden" || error === "not_found") await forgetWorkshop(userId, workshopId);
    throw new Error(`Roster refused: ${answer.status}`);
  }
  const stored = await readRoster(userId, workshopId);
  if (stored) return { roster: stored, prepared: true, fromDevice: true };
  throw new NotPreparedError(`No roster for workshop ${workshopId}`);
}

function ignoreLocked(error: unknown): void {
  if (!(error instanceof LockedError)) throw error;
}
