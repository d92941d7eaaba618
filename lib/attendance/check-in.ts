import { and, eq, inArray } from "drizzle-orm";
import { attendance, checkInOperations, participantProjects, participants } from "@/db/schema";
import { visibleParticipants } from "@/lib/participants/visibility";
import { defineUseCase, type UseCaseCtx } from "@/lib/use-case";
import { loadWorkshop } from "@/lib/workshops/service";
import { checkInInput, type checkInActions } from "./schemas";

export type CheckInOutcome = "checked_in" | "already_present" | "undone" | "not_present" | "refused";
export type CheckInRefusal = "dayOutsideWorkshop" | "workshopCancelled" | "unknownParticipant";
export type CheckInResult = { id: string; outcome: CheckInOutcome; reason?: CheckInRefusal; replayed: boolean };

type Item = { id: string; participantId: string; day: string; action: (typeof checkInActions)[number] };

/**
 * Records a batch of check-ins and undos from one device. Each item's id is remembered with its
 * outcome, so a retried or replayed batch changes nothing and gets the same answers; one person
 * on one day is one record, whichever device sends it first. Items are answered one by one: a
 * refused item does not hold back the others.
 */
export const recordCheckIns = defineUseCase({
  name: "attendance.checkIn",
  access: { kind: "project", roles: ["manager", "field"] },
  input: checkInInput,
  write: true,
  async run(ctx, input): Promise<CheckInResult[]> {
    const workshop = await loadWorkshop(ctx, input.projectId, input.workshopId);
    const people = await checkablePeople(ctx, input.items.map((i) => i.participantId));
    const results = new Map<string, CheckInResult>();
    // The same order in every transaction (by person and day, keeping each person's own order)
    // means two devices sending overlapping batches wait for each other instead of deadlocking.
    const ordered = [...input.items].sort((a, b) => (a.participantId + a.day).localeCompare(b.participantId + b.day));
    for (const item of ordered) {
      if (results.has(item.id)) continue;
      const [claimed] = await ctx.db
        .insert(checkInOperations)
        .values({ id: item.id, workshopId: workshop.id, participantId: item.participantId, day: item.day, action: item.action, outcome: "pending", userId: ctx.user.id })
        .onConflictDoNothing()
        .returning({ id: checkInOperations.id });
      if (!claimed) {
        results.set(item.id, await replayed(ctx, item.id));
        continue;
      }
      const reason = refusal(workshop, item, people);
      const outcome = reason ? "refused" : await apply(ctx, workshop.id, input.projectId, item, people.get(item.participantId) ?? null);
      await ctx.db
        .update(checkInOperations)
        .set({ outcome: reason ? `refused:${reason}` : outcome })
        .where(eq(checkInOperations.id, item.id));
      results.set(item.id, { id: item.id, outcome, ...(reason ? { reason } : {}), replayed: false });
    }
    return input.items.map((i) => results.get(i.id)!);
  },
});

/** The people of the batch this user may check in: on file, not erased, and visible to them. */
async function checkablePeople(ctx: UseCaseCtx, ids: string[]): Promise<Map<string, string | null>> {
  const rows = await ctx.db
    .select({ id: participants.id, institutionId: participants.institutionId })
    .from(participants)
    .where(and(inArray(participants.id, [...new Set(ids)]), eq(participants.isErased, false), visibleParticipants(ctx)));
  return new Map(rows.map((r) => [r.id, r.institutionId]));
}

function refusal(workshop: { status: string; startDate: string; endDate: string }, item: Item, people: Map<string, string | null>): CheckInRefusal | null {
  if (workshop.status === "cancelled") return "workshopCancelled";
  if (item.day < workshop.startDate || item.day > workshop.endDate) return "dayOutsideWorkshop";
  if (!people.has(item.participantId)) return "unknownParticipant";
  return null;
}

async function apply(ctx: UseCaseCtx, workshopId: string, projectId: string, item: Item, institutionId: string | null): Promise<CheckInOutcome> {
  const samePersonDay = and(eq(attendance.workshopId, workshopId), eq(attendance.day, item.day), eq(attendance.participantId, item.participantId));
  if (item.action === "undo") {
    const removed = await ctx.db.delete(attendance).where(samePersonDay).returning({ id: attendance.id });
    return removed.length ? "undone" : "not_present";
  }
  const [created] = await ctx.db
    .insert(attendance)
    .values({ workshopId, participantId: item.participantId, day: item.day, institutionId, recordedById: ctx.user.id })
    .onConflictDoNothing()
    .returning({ id: attendance.id });
  // Someone who attends becomes known to the project, so its staff find them next time.
  if (created) await ctx.db.insert(participantProjects).values({ participantId: item.participantId, projectId }).onConflictDoNothing();
  return created ? "checked_in" : "already_present";
}

async function replayed(ctx: UseCaseCtx, id: string): Promise<CheckInResult> {
  const [operation] = await ctx.db.select({ outcome: checkInOperations.outcome }).from(checkInOperations).where(eq(checkInOperations.id, id));
  const [outcome, reason] = (operation?.outcome ?? "refused").split(":") as [CheckInOutcome, CheckInRefusal | undefined];
  return { id, outcome, ...(reason ? { reason } : {}), replayed: true };
}
