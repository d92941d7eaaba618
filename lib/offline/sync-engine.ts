import type { syncOutbox } from "@/lib/attendance/use-cases";
import { apiFetch, type ApiAnswer } from "@/lib/http/api-fetch";
import type { Refusal } from "./device-db";
import { markSynced, touchUser } from "./device-users";
import { dayChangeOf, readOutbox, settle, type OutboxEntry } from "./outbox";
import { forgetPages } from "./page-cache";
import { forgetWorkshop } from "./rosters";
import { fetchInSession } from "./session-end";
import { getSyncStatus, outboxChanged, setSyncStatus } from "./sync-status";
import { LockedError } from "./vault";

/** The server takes at most this many changes per request. */
export const batchSize = 200;
// Seconds to wait after a failed attempt: quick at first, then once a minute.
const backOff = [1, 2, 5, 10, 30, 60];

let attempt = 0;
let retry: ReturnType<typeof setTimeout> | undefined;

/** Starts sending the user's outbox: now, whenever the connection returns, and after failures. */
export function startSync(userId: string): () => void {
  setSyncStatus({ userId, online: navigator.onLine, signedOut: false });
  const online = () => {
    setSyncStatus({ online: true });
    attempt = 0;
    void syncNow();
  };
  const offline = () => setSyncStatus({ online: false });
  window.addEventListener("online", online);
  window.addEventListener("offline", offline);
  void touchUser(userId)
    // Pages stored by a user whose data was just erased must not open as theirs.
    .then((forgotten) => (forgotten > 0 ? forgetPages() : undefined))
    .then(outboxChanged)
    .then(syncNow);
  return () => {
    window.removeEventListener("online", online);
    window.removeEventListener("offline", offline);
    clearTimeout(retry);
  };
}

/**
 * Sends what waits, oldest first, in batches of one workshop's consecutive changes. A change
 * leaves the outbox only once the server has answered for it; since the server remembers every
 * id, sending a batch again after a lost answer changes nothing. One tab sends at a time.
 */
export async function syncNow(): Promise<void> {
  const { userId, signedOut } = getSyncStatus();
  if (!userId || signedOut || !navigator.onLine) return;
  clearTimeout(retry);
  // Browsers without Web Locks send from each tab; the server's ids keep that harmless.
  if (!("locks" in navigator)) return send(userId);
  await navigator.locks.request(`atelier-sync-${userId}`, { ifAvailable: true }, async (lock) => {
    // Another send is under way (here or in another tab); look again soon for what it may miss.
    if (!lock) {
      retry = setTimeout(() => void syncNow(), 1000);
      return;
    }
    await send(userId);
  });
}

async function send(userId: string): Promise<void> {
  setSyncStatus({ syncing: true });
  try {
    while (await sendNextBatch(userId)) await outboxChanged();
    attempt = 0;
  } catch (error) {
    // Locked (offline, or the session changed): sending waits until the user unlocks.
    if (error instanceof LockedError) return;
    retry = setTimeout(() => void syncNow(), backOff[Math.min(attempt++, backOff.length - 1)]! * 1000);
  } finally {
    setSyncStatus({ syncing: false });
    await outboxChanged();
  }
}

/** Sends one batch; false when nothing waits or the session is over (and the device wiped). */
async function sendNextBatch(userId: string): Promise<boolean> {
  const batch = nextBatch(await readOutbox(userId));
  const first = batch[0];
  if (!first) return false;
  const answer = await apiFetch<typeof syncOutbox>("POST /projects/{projectId}/workshops/{workshopId}/sync", {
    params: { projectId: first.projectId, workshopId: first.workshopId },
    body: { userId, items: batch.map(toItem) },
    send: fetchInSession,
  });
  if (answer.ok) {
    await settle(batch.map((e, i) => ({ seq: e.seq, refusal: refusalOf(answer.data[i]!) })));
  } else if (answer.status === 401) {
    return false;
  } else if (answer.status === 400 || answer.status === 403 || answer.status === 404) {
    const { error } = answer.error;
    // The user lost their place in the project, or the workshop is gone: its data leaves the device.
    if (error === "forbidden" || error === "not_found") await forgetWorkshop(userId, first.workshopId);
    // Otherwise (a bad batch, a password to change first) the batch is kept, with the reason, to be seen.
    else await settle(batch.map((e) => ({ seq: e.seq, refusal: { reason: error } })));
  } else {
    throw new Error(`sync answered ${answer.status}`);
  }
  await markSynced(userId);
  return true;
}

export function nextBatch(entries: OutboxEntry[]): OutboxEntry[] {
  const waiting = entries.filter((e) => !e.refusal);
  const first = waiting[0];
  if (!first) return [];
  const end = waiting.findIndex((e) => e.workshopId !== first.workshopId);
  return waiting.slice(0, end === -1 ? batchSize : Math.min(end, batchSize));
}

function toItem(entry: OutboxEntry) {
  return entry.kind === "participant" ? { id: entry.id, kind: entry.kind, participant: entry.participant } : { id: entry.id, ...dayChangeOf(entry) };
}

function refusalOf(result: ApiAnswer<typeof syncOutbox>[number]): Refusal | null {
  if (result.outcome !== "refused") return null;
  return "fieldErrors" in result && result.fieldErrors ? { reason: result.reason ?? "invalid", fieldErrors: result.fieldErrors } : { reason: result.reason ?? "invalid" };
}
