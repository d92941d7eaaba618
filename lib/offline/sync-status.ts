import { lastSyncOf } from "./device-users";
import { readOutbox, type OutboxEntry } from "./outbox";

export type SyncStatus = {
  userId: string | null;
  online: boolean;
  /** The user's outbox, readable: waiting changes and refused ones. */
  entries: OutboxEntry[];
  lastSyncAt: number | null;
  syncing: boolean;
  /** The server no longer knows the session: changes wait until the user signs in again. */
  signedOut: boolean;
};

const initial: SyncStatus = { userId: null, online: true, entries: [], lastSyncAt: null, syncing: false, signedOut: false };
let status = initial;
const listeners = new Set<() => void>();
// Other tabs of the app learn that the outbox changed, so every screen shows the same count.
const channel = typeof BroadcastChannel === "undefined" ? null : new BroadcastChannel("atelier-outbox");
channel?.addEventListener("message", () => void reloadStatus());

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
  const { userId } = status;
  if (!userId) return;
  const read = ++reads;
  const [entries, lastSyncAt] = await Promise.all([readOutbox(userId), lastSyncOf(userId)]);
  if (read === reads && status.userId === userId) setSyncStatus({ entries, lastSyncAt });
}

/** Tells this tab and the others that the outbox changed. */
export async function outboxChanged(): Promise<void> {
  channel?.postMessage("changed");
  await reloadStatus();
}

export const waitingEntries = (s: SyncStatus) => s.entries.filter((e) => !e.refusal);
export const refusedEntries = (s: SyncStatus) => s.entries.filter((e) => e.refusal);
