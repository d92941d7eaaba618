import type { AttendanceStatus, InstitutionSector, ParticipantSex } from "@/db/schema/values";
import { deviceDb, type Refusal, type StoredOutboxItem } from "./device-db";
import { seal, unseal } from "./seal";
import { dataKey } from "./vault";

/** How a person is shown on the device (never an e-mail or a phone). */
export type PersonSummary = { givenNames: string; familyNames: string; sex: ParticipantSex; institutionName: string | null; sector: InstitutionSector | null };

/** A change to one person's day: attended (a one-tap check-in gives no status), excused with a reason, or undone. */
export type DayChange = { kind: "check_in" | "undo" | "excuse"; participantId: string; day: string; status?: AttendanceStatus | null; reason?: string };

/** One change made on the device, under the id the device gave it. */
export type OutboxChange = { id: string; kind: "participant"; participant: Record<string, unknown>; person: PersonSummary } | ({ id: string; person: PersonSummary } & DayChange);

type Target = { projectId: string; workshopId: string };
export type OutboxEntry = OutboxChange & Target & { seq: number; createdAt: number; refusal: Refusal | null };

/** Adds changes at the end of the user's outbox, all or none. */
export async function enqueue(userId: string, target: Target, changes: OutboxChange[]): Promise<void> {
  await replace(
    userId,
    [],
    changes.map((change) => ({ ...target, change })),
  );
}

/**
 * Removes some changes and adds others at the end, in one transaction, and counts it as use of the
 * user's data on this device (so a tab left open for weeks does not see today's work as unused).
 */
async function replace(userId: string, removed: number[], added: (Target & { change: OutboxChange })[]): Promise<void> {
  const key = await dataKey(userId);
  const db = await deviceDb();
  const createdAt = Date.now();
  // Sealed before the transaction opens: awaiting the cipher inside it would let it close early.
  const items: StoredOutboxItem[] = await Promise.all(
    added.map(async ({ projectId, workshopId, change }) => ({ userId, projectId, workshopId, createdAt, sealed: await seal(key, change), refusal: null })),
  );
  const tx = db.transaction(["outbox", "users"], "readwrite");
  const outbox = tx.objectStore("outbox");
  const users = tx.objectStore("users");
  const user = await users.get(userId);
  await Promise.all([
    ...removed.map((seq) => outbox.delete(seq)),
    ...items.map((item) => outbox.add(item)),
    users.put({ userId, lastUsedAt: createdAt, lastSyncAt: user?.lastSyncAt ?? null }),
    tx.done,
  ]);
}

// What this page already unsealed, by seq: a stored change never changes under its seq, so each is
// opened once rather than on every read (the outbox is read after every tap).
let opened = new Map<number, OutboxChange>();

/** The user's outbox in the order the changes were made, readable. */
export async function readOutbox(userId: string): Promise<OutboxEntry[]> {
  const db = await deviceDb();
  // The key is opened only when there is something to read: most screens have an empty outbox.
  if ((await db.countFromIndex("outbox", "byUser", userId)) === 0) return [];
  const key = await dataKey(userId);
  // Read once the key is open: opening it may have erased what was sealed for ended sessions.
  const stored = await db.getAllFromIndex("outbox", "byUser", userId);
  const changes = await Promise.all(stored.map((item) => opened.get(item.seq!) ?? unseal<OutboxChange>(key, item.sealed)));
  opened = new Map(stored.map((item, i) => [item.seq!, changes[i]!]));
  return stored
    .map(({ seq, projectId, workshopId, createdAt, refusal }, i) => ({ ...changes[i]!, seq: seq!, projectId, workshopId, createdAt, refusal }))
    .sort((a, b) => a.seq - b.seq);
}

/** How many changes wait and how many were refused, read without opening them (no key needed). */
export async function countOutbox(userId: string): Promise<{ waiting: number; refused: number }> {
  const stored = await (await deviceDb()).getAllFromIndex("outbox", "byUser", userId);
  const refused = stored.filter((item) => item.refusal).length;
  return { waiting: stored.length - refused, refused };
}

/** Applies the server's answers: a confirmed change leaves the outbox, a refused one stays with its reason. */
export async function settle(answers: { seq: number; refusal: Refusal | null }[]): Promise<void> {
  const db = await deviceDb();
  const tx = db.transaction("outbox", "readwrite");
  for (const { seq, refusal } of answers) {
    if (!refusal) void tx.store.delete(seq);
    else {
      const item = await tx.store.get(seq);
      if (item) void tx.store.put({ ...item, refusal });
    }
  }
  await tx.done;
}

export async function discard(seqs: number[]): Promise<void> {
  const db = await deviceDb();
  const tx = db.transaction("outbox", "readwrite");
  await Promise.all([...seqs.map((seq) => tx.store.delete(seq)), tx.done]);
}

/**
 * Sends refused changes again, at the end of the queue, each to its own workshop. A check-in gets
 * a new id, because the server remembers its answer to the old one; a person keeps theirs (a
 * refused person was never created) so the check-ins that name them still point at them. A fixed
 * person is shown under the fixed name, on their own change and on their check-ins.
 */
export async function resend(userId: string, entries: OutboxEntry[], fixes: Record<string, Record<string, unknown>> = {}): Promise<void> {
  const shown = (id: string, person: PersonSummary): PersonSummary => {
    const fix = fixes[id];
    if (!fix) return person;
    const names = { givenNames: String(fix.givenNames ?? ""), familyNames: String(fix.familyNames ?? "") };
    return { ...person, ...names, ...(fix.institutionId === null ? { institutionName: null, sector: null } : {}) };
  };
  const added = entries.map(({ projectId, workshopId, ...e }) => ({
    projectId,
    workshopId,
    change:
      e.kind === "participant"
        ? { id: e.id, kind: e.kind, participant: fixes[e.id] ?? e.participant, person: shown(e.id, e.person) }
        : { ...dayChangeOf(e), id: crypto.randomUUID(), person: shown(e.participantId, e.person) },
  }));
  await replace(
    userId,
    entries.map((e) => e.seq),
    added,
  );
}

/** The change to a person's day an outbox entry holds, as the server takes it. */
export function dayChangeOf(entry: DayChange) {
  return { kind: entry.kind, participantId: entry.participantId, day: entry.day, status: entry.status ?? null, reason: entry.reason ?? "" };
}
