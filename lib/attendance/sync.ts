import { and, eq, gt, sql } from "drizzle-orm";
import type { z } from "zod";
import { auditEntries, institutions, participantProjects, participants, type Workshop } from "@/db/schema";
import { recordAudit } from "@/lib/audit";
import { requireProjectRole, type ProjectAccess } from "@/lib/authz";
import { createParticipantInput } from "@/lib/participants/schemas";
import { insertParticipant } from "@/lib/participants/queries";
import type { ErrorCode, FieldErrors } from "@/lib/result";
import { UseCaseError } from "@/lib/result";
import { can } from "@/lib/policy";
import type { UseCaseCtx } from "@/lib/use-case";
import { toFieldErrors } from "@/lib/validation";
import { loadWorkshop } from "@/lib/workshops/queries";
import { applyCheckIns, type CheckInResult } from "./check-in";
import type { syncInput } from "./schemas";

type Outbox = z.output<typeof syncInput>;

export type ParticipantResult = { id: string; outcome: "created" | "already_created" | "refused"; reason?: "invalid"; fieldErrors?: FieldErrors };
/** The whole outbox, when it was made by another user than the one signed in now. */
export type OtherUserResult = { id: string; outcome: "refused"; reason: "otherUser" };
export type SyncResult = ParticipantResult | CheckInResult | OtherUserResult;

/** The outbox applied: see syncOutbox for what is refused, audited and created. */
export async function applyOutbox(ctx: UseCaseCtx, input: Outbox): Promise<SyncResult[]> {
  const access = await projectAccess(ctx, input.projectId);
  const workshop = access ? await projectWorkshop(ctx, input.projectId, input.workshopId) : null;
  if (!workshop) {
    await auditRefusal(ctx, input, null, "not_found");
    throw new UseCaseError("not_found");
  }
  if (!can(access, "attendance.record")) {
    await auditRefusal(ctx, input, workshop, "forbidden");
    throw new UseCaseError("forbidden");
  }
  // A device shared by two people: the outbox waits, refused, until its own user signs in again.
  if (input.userId !== ctx.user.id) {
    await auditRefusal(ctx, input, workshop, "otherUser");
    return input.items.map((i) => ({ id: i.id, outcome: "refused", reason: "otherUser" }));
  }
  return ctx.db.transaction(async (db) => {
    const tx = { ...ctx, db };
    const results = new Map<string, SyncResult>();
    for (const item of input.items) {
      if (item.kind === "participant") results.set(item.id, await createOnce(tx, input.projectId, item));
    }
    const checkIns = input.items.flatMap((i) =>
      i.kind === "participant" ? [] : [{ id: i.id, participantId: i.participantId, day: i.day, action: i.kind, status: i.status, reason: i.reason }],
    );
    if (checkIns.length) for (const r of await applyCheckIns(tx, input.projectId, workshop, checkIns)) results.set(r.id, r);
    return input.items.map((i) => results.get(i.id)!);
  });
}

/** The caller's role in the project, or null when it is not theirs (not a member, or no such project). */
async function projectAccess(ctx: UseCaseCtx, projectId: string): Promise<ProjectAccess | null> {
  try {
    return await requireProjectRole(ctx, projectId, "project.read");
  } catch (error) {
    if (error instanceof UseCaseError) return null;
    throw error;
  }
}

async function projectWorkshop(ctx: UseCaseCtx, projectId: string, workshopId: string): Promise<Workshop | null> {
  try {
    return await loadWorkshop(ctx, projectId, workshopId);
  } catch (error) {
    if (error instanceof UseCaseError) return null;
    throw error;
  }
}

/**
 * One audit entry per user and minute at most. A refusal is filed under the workshop only once
 * the workshop is known to be one of the caller's projects'; otherwise under the caller, so that
 * ids they made up never reach the trail or another project's history.
 */
async function auditRefusal(ctx: UseCaseCtx, input: Outbox, workshop: Workshop | null, reason: ErrorCode | "otherUser") {
  const action = "attendance.sync";
  await ctx.db.transaction(async (db) => {
    // Two refused calls at once must not both find the minute free.
    await db.execute(sql`select pg_advisory_xact_lock(hashtext(${`${action}:${ctx.user.id}`}))`);
    const [recent] = await db
      .select({ id: auditEntries.id })
      .from(auditEntries)
      .where(and(eq(auditEntries.actorId, ctx.user.id), eq(auditEntries.action, action), gt(auditEntries.at, sql`now() - interval '1 minute'`)))
      .limit(1);
    if (recent) return;
    await recordAudit(db, {
      actorId: ctx.user.id,
      action,
      ...(workshop ? { entityType: "workshop", entityId: workshop.id, projectId: workshop.projectId } : { entityType: "user", entityId: ctx.user.id, projectId: null }),
      changes: { items: { before: null, after: input.items.length }, reason: { before: null, after: reason } },
    });
  });
}

async function createOnce(ctx: UseCaseCtx, projectId: string, item: Extract<Outbox["items"][number], { kind: "participant" }>): Promise<ParticipantResult> {
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
