import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { institutions, participantProjects, participants } from "@/db/schema";
import { recordAudit } from "@/lib/audit";
import { requireProjectRole } from "@/lib/authz";
import { createParticipantInput } from "@/lib/participants/schemas";
import { insertParticipant } from "@/lib/participants/service";
import type { FieldErrors } from "@/lib/result";
import { UseCaseError } from "@/lib/result";
import { defineUseCase, type UseCaseCtx } from "@/lib/use-case";
import { toFieldErrors } from "@/lib/validation";
import { loadWorkshop } from "@/lib/workshops/service";
import { applyCheckIns, type CheckInResult } from "./check-in";
import { checkInActions } from "./schemas";

const newParticipant = z.object({
  id: z.uuid(),
  kind: z.literal("participant"),
  // The person's fields, checked item by item below, so one bad form does not refuse the outbox.
  participant: z.record(z.string(), z.unknown()),
});
const checkIn = z.object({ id: z.uuid(), kind: z.enum(checkInActions), participantId: z.uuid(), day: z.iso.date() });

/** A device's outbox for one workshop, in the order the changes were made. */
export const syncInput = z.object({
  projectId: z.uuid(),
  workshopId: z.uuid(),
  /** Who made the changes on the device: an outbox is only ever sent as its own user's. */
  userId: z.uuid(),
  items: z.array(z.discriminatedUnion("kind", [newParticipant, checkIn])).min(1).max(200),
});
export type SyncInput = z.input<typeof syncInput>;

export type ParticipantResult = { id: string; outcome: "created" | "already_created" | "refused"; reason?: "invalid"; fieldErrors?: FieldErrors };
/** The whole outbox, when it was made by another user than the one signed in now. */
export type OtherUserResult = { id: string; outcome: "refused"; reason: "otherUser" };
export type SyncResult = ParticipantResult | CheckInResult | OtherUserResult;

/**
 * Receives an offline outbox: the people created on the device first (each under the id the
 * device gave it, so a resent outbox creates no one twice; a namesake on file is left for the
 * duplicates queue), then the check-ins and undos. Each item gets its own answer. A user who has
 * lost their place in the project meanwhile, or an outbox made by another user of the device, is
 * refused as a whole, and the refusal is audited.
 */
export const syncOutbox = defineUseCase({
  name: "attendance.sync",
  access: { kind: "user" },
  input: syncInput,
  // Its own transaction, so that the audit of a refusal is kept while the changes are not.
  write: false,
  async run(ctx, input): Promise<SyncResult[]> {
    const refused = (reason: string) =>
      recordAudit(ctx.db, {
        actorId: ctx.user.id,
        action: "attendance.sync_refused",
        entityType: "workshop",
        entityId: input.workshopId,
        projectId: input.projectId,
        changes: { project: { before: null, after: input.projectId }, items: { before: null, after: input.items.length }, reason: { before: null, after: reason } },
      });
    // A device shared by two people: the outbox waits, refused, until its own user signs in again.
    if (input.userId !== ctx.user.id) {
      await refused("otherUser");
      return input.items.map((i) => ({ id: i.id, outcome: "refused", reason: "otherUser" }));
    }
    try {
      await requireProjectRole(ctx, input.projectId, ["manager", "field"]);
    } catch (error) {
      if (error instanceof UseCaseError) await refused(error.code);
      throw error;
    }
    return ctx.db.transaction(async (db) => {
      const tx = { ...ctx, db };
      const workshop = await loadWorkshop(tx, input.projectId, input.workshopId);
      const results = new Map<string, SyncResult>();
      for (const item of input.items) {
        if (item.kind === "participant") results.set(item.id, await createOnce(tx, input.projectId, item));
      }
      const checkIns = input.items.filter((i) => i.kind !== "participant").map((i) => ({ id: i.id, participantId: i.participantId, day: i.day, action: i.kind }));
      if (checkIns.length) for (const r of await applyCheckIns(tx, input.projectId, workshop, checkIns)) results.set(r.id, r);
      return input.items.map((i) => results.get(i.id)!);
    });
  },
});

async function createOnce(ctx: UseCaseCtx, projectId: string, item: z.output<typeof newParticipant>): Promise<ParticipantResult> {
  const [existing] = await ctx.db
    .select({ id: participants.id, projectId: participantProjects.projectId })
    .from(participants)
    .leftJoin(participantProjects, and(eq(participantProjects.participantId, participants.id), eq(participantProjects.projectId, projectId)))
    .where(eq(participants.id, item.id));
  if (existing?.projectId) return { id: item.id, outcome: "already_created" };
  // An id already used elsewhere is refused, never linked: that would reveal someone else.
  if (existing) return { id: item.id, outcome: "refused", reason: "invalid", fieldErrors: { id: { key: "idTaken" } } };
  const parsed = createParticipantInput.safeParse({ ...item.participant, projectId });
  if (!parsed.success) return { id: item.id, outcome: "refused", reason: "invalid", fieldErrors: toFieldErrors(parsed.error) };
  const { projectId: _projectId, id: _id, ...fields } = parsed.data;
  if (fields.institutionId) {
    const [institution] = await ctx.db.select({ id: institutions.id }).from(institutions).where(eq(institutions.id, fields.institutionId));
    if (!institution) return { id: item.id, outcome: "refused", reason: "invalid", fieldErrors: { institutionId: { key: "unknownInstitution" } } };
  }
  await insertParticipant(ctx.db, ctx.user.id, projectId, fields, item.id);
  return { id: item.id, outcome: "created" };
}
