import { and, eq, inArray, sql, type SQL } from "drizzle-orm";
import { executeRows } from "@/db/client";
import { attendance, attendanceExcuses, checkInOperations, participantProjects, participants, type Workshop } from "@/db/schema";
import type { AttendanceStatus } from "@/db/schema/values";
import { visibleParticipants } from "@/lib/participants/visibility";
import type { UseCaseCtx } from "@/lib/use-case";
import type { checkInActions } from "./schemas";

/** "checked_in" also answers a change of status (late, left early) or an excuse withdrawn by a check-in. */
export type CheckInOutcome = "checked_in" | "already_present" | "excused" | "undone" | "not_present" | "refused";
/** "idTaken": the operation's id was already used for another workshop, whose outcome is not this caller's to read. */
export type CheckInRefusal = "dayOutsideWorkshop" | "workshopCancelled" | "unknownParticipant" | "idTaken";
export type CheckInResult = { id: string; outcome: CheckInOutcome; reason?: CheckInRefusal; replayed: boolean };

export type CheckInItem = { id: string; participantId: string; day: string; action: (typeof checkInActions)[number]; status: AttendanceStatus | null; reason: string };

/** The check-ins and undos of one workshop, each answered on its own (also for the offline outbox). */
export async function applyCheckIns(ctx: UseCaseCtx, projectId: string, workshop: Workshop, items: CheckInItem[]): Promise<CheckInResult[]> {
  const people = await checkablePeople(
    ctx,
    items.map((i) => i.participantId),
  );
  const results = new Map<string, CheckInResult>();
  // The same order in every transaction (by person and day, keeping each person's own order)
  // means two devices sending overlapping batches wait for each other instead of deadlocking.
  const ordered = [...items].sort((a, b) => (a.participantId + a.day).localeCompare(b.participantId + b.day));
  const position = new Map(items.map((item, index) => [item.id, index]));
  for (const item of ordered) {
    if (results.has(item.id)) continue;
    const reason = refusal(workshop, item, people);
    const outcome = reason
      ? await claimRefused(ctx, workshop.id, item, reason)
      : await claimAndApply(ctx, workshop.id, projectId, item, people.get(item.participantId) ?? null, position.get(item.id)!);
    results.set(item.id, outcome ? { id: item.id, outcome, ...(reason ? { reason } : {}), replayed: false } : await replayed(ctx, workshop.id, item.id));
  }
  return items.map((i) => results.get(i.id)!);
}

/** The people of the batch this user may check in: on file, not erased, and visible to them. */
async function checkablePeople(ctx: UseCaseCtx, ids: string[]): Promise<Map<string, string | null>> {
  const rows = await ctx.db
    .select({ id: participants.id, institutionId: participants.institutionId })
    .from(participants)
    .where(and(inArray(participants.id, [...new Set(ids)]), eq(participants.isErased, false), visibleParticipants(ctx)));
  return new Map(rows.map((r) => [r.id, r.institutionId]));
}

function refusal(workshop: { status: string; startDate: string; endDate: string }, item: CheckInItem, people: Map<string, string | null>): CheckInRefusal | null {
  if (workshop.status === "cancelled") return "workshopCancelled";
  if (item.day < workshop.startDate || item.day > workshop.endDate) return "dayOutsideWorkshop";
  if (!people.has(item.participantId)) return "unknownParticipant";
  return null;
}

type Claim = { claimed: boolean; changed: boolean };

/** Records a refused item under its id; null when the id was seen before. */
async function claimRefused(ctx: UseCaseCtx, workshopId: string, item: CheckInItem, reason: CheckInRefusal): Promise<CheckInOutcome | null> {
  const [claimed] = await ctx.db
    .insert(checkInOperations)
    .values({ id: item.id, workshopId, participantId: item.participantId, day: item.day, action: item.action, outcome: `refused:${reason}`, userId: ctx.user.id })
    .onConflictDoNothing()
    .returning({ id: checkInOperations.id });
  return claimed ? "refused" : null;
}

/**
 * Claims the item's id and applies it in one statement: the attendance changes only if this is
 * the first time the id is seen (a replay after an undo brings no one back). Then the outcome is
 * stored for replays. Null when the id was seen before.
 */
async function claimAndApply(
  ctx: UseCaseCtx,
  workshopId: string,
  projectId: string,
  item: CheckInItem,
  institutionId: string | null,
  position: number,
): Promise<CheckInOutcome | null> {
  const claim = sql`
    claimed as (
      insert into ${checkInOperations} (id, workshop_id, participant_id, day, action, outcome, user_id)
      values (${item.id}, ${workshopId}, ${item.participantId}, ${item.day}, ${item.action}, 'pending', ${ctx.user.id})
      on conflict do nothing returning id)`;
  // A whole batch shares the transaction's now(): a microsecond per place keeps the order the
  // device made the changes in, so "latest first" lists stay as the phone showed them.
  const recordedAt = sql`now() + ${position} * interval '1 microsecond'`;
  // A person's day is attended or excused, in two tables: two phones changing it at once wait for
  // each other here, so neither statement misses the row the other writes.
  await ctx.db.execute(sql`select pg_advisory_xact_lock(hashtext(${`check-in:${workshopId}:${item.day}:${item.participantId}`}))`);
  const effect = dayEffect(item, workshopId, projectId, institutionId, ctx.user.id, recordedAt);
  const [result] = await executeRows<Claim>(ctx.db, sql`with ${claim}, ${effect} select exists (select 1 from claimed) as claimed, exists (select 1 from changed) as changed`);
  if (!result?.claimed) return null;
  const outcomes = { undo: ["undone", "not_present"], excuse: ["excused", "excused"], check_in: ["checked_in", "already_present"] } as const;
  const outcome: CheckInOutcome = outcomes[item.action][result.changed ? 0 : 1];
  await ctx.db.update(checkInOperations).set({ outcome }).where(eq(checkInOperations.id, item.id));
  return outcome;
}

/**
 * What a change does to the person's day, as common table expressions after `claimed`; `changed`
 * holds a row when the day is not as it was. A day is attended (in one status) or excused or
 * neither, so each change clears what it replaces.
 */
function dayEffect(item: CheckInItem, workshopId: string, projectId: string, institutionId: string | null, userId: string, recordedAt: SQL): SQL {
  const ofDay = sql`workshop_id = ${workshopId} and day = ${item.day} and participant_id = ${item.participantId} and exists (select 1 from claimed)`;
  if (item.action === "undo") {
    return sql`
    unattended as (delete from ${attendance} where ${ofDay} returning participant_id),
    unexcused as (delete from ${attendanceExcuses} where ${ofDay} returning participant_id),
    changed as (select participant_id from unattended union all select participant_id from unexcused)`;
  }
  if (item.action === "excuse") {
    return sql`
    unattended as (delete from ${attendance} where ${ofDay} returning participant_id),
    changed as (
      insert into ${attendanceExcuses} (workshop_id, participant_id, day, reason, recorded_by_id, recorded_at)
      select ${workshopId}::uuid, ${item.participantId}::uuid, ${item.day}::date, ${item.reason}, ${userId}::uuid, ${recordedAt}
      where exists (select 1 from claimed)
      on conflict (workshop_id, day, participant_id) do update set reason = excluded.reason, recorded_by_id = excluded.recorded_by_id, recorded_at = excluded.recorded_at
      returning participant_id)`;
  }
  // Someone who attends becomes known to the project, so its staff find them next time. A one-tap
  // check-in of someone already in leaves their status as another phone may have set it; a status
  // given (late, left early, back to present) changes it and keeps the time first recorded.
  const onConflict = item.status ? sql`do update set status = excluded.status where ${attendance}.status <> excluded.status` : sql`do nothing`;
  return sql`
    unexcused as (delete from ${attendanceExcuses} where ${ofDay} returning participant_id),
    marked as (
      insert into ${attendance} (workshop_id, participant_id, day, status, institution_id, recorded_by_id, recorded_at)
      select ${workshopId}::uuid, ${item.participantId}::uuid, ${item.day}::date, ${item.status ?? "present"}, ${institutionId}::uuid, ${userId}::uuid, ${recordedAt}
      where exists (select 1 from claimed)
      on conflict (workshop_id, day, participant_id) ${onConflict}
      returning participant_id),
    changed as (select participant_id from marked union all select participant_id from unexcused),
    linked as (
      insert into ${participantProjects} (participant_id, project_id) select participant_id, ${projectId}::uuid from marked on conflict do nothing)`;
}

/** A replay answers the outcome recorded for this workshop; an id recorded for another workshop is refused, and nothing is written. */
async function replayed(ctx: UseCaseCtx, workshopId: string, id: string): Promise<CheckInResult> {
  const [operation] = await ctx.db
    .select({ outcome: checkInOperations.outcome, workshopId: checkInOperations.workshopId })
    .from(checkInOperations)
    .where(eq(checkInOperations.id, id));
  if (operation && operation.workshopId !== workshopId) return { id, outcome: "refused", reason: "idTaken", replayed: false };
  const [outcome, reason] = (operation?.outcome ?? "refused").split(":") as [CheckInOutcome, CheckInRefusal | undefined];
  return { id, outcome, ...(reason ? { reason } : {}), replayed: true };
}
