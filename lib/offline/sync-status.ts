import { lastSyncOf } from "./device-users";
import { countOutbox, readOutbox, type OutboxEntry } from "./outbox";
import { onSessionEnd } from "./session-end";
import { LockedError } from "./vault";

export type SyncStatus = {
  userId: string | null;
  online: boolean;
  /** The user's outbox, readable: waiting changes and refused ones (empty while it is locked). */
  entries: OutboxEntry[];
  /** How many changes wait and were refused, known even while the outbox is locked. */
  counts: { waiting: number; refused: number };
  /** The outbox is on the device but cannot be opened now: offline, it takes the user's PIN. */
  locked: boolean;
  lastSyncAt: number | null;
  syncing: boolean;
  /** The server no longer knows the session: the device's data was erased, the user signs in again. */
  signedOut: boolean;
};

const initial: SyncStatus = { userId: null, online: true, entries: [], counts: { waiting: 0, refused: 0 }, locked: false, lastSyncAt: null, syncing: false, signedOut: false };
let status = initial;
const listeners = new Set<() => void>();
// Other tabs of the app learn that the outbox changed, so every screen shows the same count.
const channel = typeof BroadcastChannel === "undefined" ? null : new BroadcastChannel("atelier-outbox");
channel?.addEventListener("message", () => void reloadStatus());
onSessionEnd(() => setSyncStatus({ signedOut: true, entries: [], counts: { waiting: 0, refused: 0 }, locked: false }));

export const getSyncStatus = () => status;
export const getServerSyncStatus = () => initial;

export function subscribeSyncStatus(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function setSyncStatus(patch: Partial<SyncStatus>): void {
  status = { ...status, ...patch };
  for (const listener of listeners) listener();
}

let reads = 0;

/** Reads the outbox again after a change here or in another tab; only the latest read is shown. */
export async function reloadStatus(): Promise<void> {
  const { userId, signedOut } = status;
  if (!userId || signedOut) return;
  const read = ++reads;
  const [counts, lastSyncAt] = await Promise.all([countOutbox(userId), lastSyncOf(userId)]);
  const entries = await readOutbox(userId).catch((error: unknown) => {
    if (error instanceof LockedError) return null;
    throw error;
  });
  if (read === reads && status.userId === userId) setSyncStatus({ entries: entries ?? [], counts, locked: entries === null, lastSyncAt });
}

/** Tells this tab and the others that the outbox changed. */
export async function outboxChanged(): Promise<void> {
  channel?.postMessage("changed");
  await reloadStatus();
}

export const refusedEntries = (s: SyncStatus) => s.entries.filter((e) => e.refusal);
