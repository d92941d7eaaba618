import { and, asc, eq } from "drizzle-orm";
import { attendanceExcuses, auditEntries, workshops } from "@/db/schema";
import { recordAccess } from "@/lib/access-recording";
import { recordAudit } from "@/lib/audit";
import { inProjectsWithRole, requireParticipantRole } from "@/lib/authz";
import { UseCaseError } from "@/lib/result";
import { defineUseCase } from "@/lib/use-case";
import { participantIdInput } from "./schemas";
import { getParticipant } from "./use-cases";
import { loadVisibleParticipant } from "./queries";
import { eraseParticipantOutput, exportParticipantDataOutput } from "./responses";
import { anonymiseParticipant, erasedMark } from "./anonymise";

/** Everything held about one person (a data-subject access request), as plain data. */
export const exportParticipantData = defineUseCase({
  name: "participants.exportData",
  http: { method: "post", path: "/participants/{participantId}/export", input: "query", response: exportParticipantDataOutput },
  access: { kind: "directory", permission: "participants.curate" },
  input: participantIdInput,
  write: true,
  async run(ctx, input) {
    await requireParticipantRole(ctx, [input.participantId], "participants.curate");
    const details = await getParticipant({ db: ctx.db, user: ctx.user }, input);
    if (!details.ok) throw new UseCaseError(details.error);
    const history = await ctx.db
      .select({ at: auditEntries.at, action: auditEntries.action, changes: auditEntries.changes })
      .from(auditEntries)
      .where(and(eq(auditEntries.entityType, "participant"), eq(auditEntries.entityId, input.participantId)))
      .orderBy(asc(auditEntries.at));
    // Absences excused, with their reasons, in the workshops of the reader's projects (as attendance).
    const excused = await ctx.db
      .select({ workshop: workshops.title, day: attendanceExcuses.day, reason: attendanceExcuses.reason })
      .from(attendanceExcuses)
      .innerJoin(workshops, eq(workshops.id, attendanceExcuses.workshopId))
      .where(and(eq(attendanceExcuses.participantId, input.participantId), inProjectsWithRole(ctx, workshops.projectId)))
      .orderBy(asc(attendanceExcuses.day));
    await recordAccess(ctx, { action: "file.download", resource: "participants.exportData", participantId: input.participantId });
    await recordAudit(ctx.db, {
      actorId: ctx.user.id,
      action: "participants.exportData",
      entityType: "participant",
      entityId: input.participantId,
      changes: {},
    });
    const { participant, institution, affiliations, projects, alsoKnownElsewhere, attended } = details.data;
    return {
      exportedAt: new Date().toISOString(),
      person: {
        id: participant.id,
        givenNames: participant.givenNames,
        familyNames: participant.familyNames,
        sex: participant.sex,
        email: participant.email,
        phone: participant.phone,
        preferredLanguage: participant.preferredLanguage,
        position: participant.position,
        institution: institution?.name ?? null,
        consent: { date: participant.consentDate, form: participant.consentForm },
        createdAt: participant.createdAt,
        updatedAt: participant.updatedAt,
      },
      affiliations: affiliations.map((a) => ({ institution: a.institutionName, position: a.position, from: a.startDate, to: a.endDate })),
      projects: projects.map((p) => ({ code: p.code, name: p.name })),
      // Projects the reader is not in are not named; an administrator's copy names them all.
      alsoKnownToAnotherProject: alsoKnownElsewhere,
      attendance: attended.map((a) => ({ workshop: a.title, day: a.day, institution: a.institutionName })),
      excused,
      history,
    };
  },
});

/**
 * Erases a person for good: names, contact details and positions are removed, also from the
 * audit trail, while sex, institution and attendance stay as an anonymous record, so
 * the counts reports need do not change.
 */
export const eraseParticipant = defineUseCase({
  name: "participants.erase",
  http: { method: "post", path: "/participants/{participantId}/erase", input: "query", response: eraseParticipantOutput },
  access: { kind: "directory", permission: "participants.curate" },
  input: participantIdInput,
  write: true,
  async run(ctx, input) {
    await requireParticipantRole(ctx, [input.participantId], "participants.curate");
    const participant = await loadVisibleParticipant(ctx, input.participantId);
    if (participant.isErased) return { changed: false };
    await anonymiseParticipant(ctx.db, participant.id);
    await recordAudit(ctx.db, {
      actorId: ctx.user.id,
      action: "participants.erase",
      entityType: "participant",
      entityId: participant.id,
      changes: { personalData: { before: erasedMark, after: null } },
    });
    return { changed: true };
  },
});
