import { and, eq, inArray, sql } from "drizzle-orm";
import { certificateRules, certificates } from "@/db/schema";
import { recordAudit } from "@/lib/audit";
import { renderPdf } from "@/lib/pdf/render";
import { can } from "@/lib/policy";
import { UseCaseError } from "@/lib/result";
import { defineUseCase } from "@/lib/use-case";
import { loadWorkshop } from "@/lib/workshops/queries";
import { newCode } from "./code";
import { certificateLogoOf, certificateRoster } from "./roster";
import { certificatesFileOutput, issueCertificatesOutput, revokeCertificateOutput, setCertificateRuleOutput, workshopCertificatesOutput } from "./responses";
import { certificatesFileInput, issueCertificatesInput, revokeCertificateInput, setCertificateRuleInput, workshopCertificatesInput } from "./schemas";

/** Who attended the workshop, who qualifies for a certificate and why not, and the certificates issued. */
export const getWorkshopCertificates = defineUseCase({
  name: "certificates.list",
  http: { method: "get", path: "/projects/{projectId}/workshops/{workshopId}/certificates", response: workshopCertificatesOutput },
  access: { kind: "project", permission: "participants.read" },
  input: workshopCertificatesInput,
  write: false,
  async run(ctx, input) {
    const workshop = await loadWorkshop(ctx, input.projectId, input.workshopId);
    const roster = await certificateRoster(ctx.db, workshop);
    return {
      workshop: { id: workshop.id, title: workshop.title, startDate: workshop.startDate, endDate: workshop.endDate },
      ...roster,
      canEditRule: can(ctx.access, "workshops.edit"),
      canIssue: can(ctx.access, "certificates.issue"),
    };
  },
});

/** Whether an image whose first bytes say PNG or JPEG is one the certificates can print, whole. */
async function printsAsImage(logo: { type: string; data: Buffer }) {
  try {
    await renderPdf({ content: [{ image: `data:${logo.type};base64,${logo.data.toString("base64")}`, fit: [10, 10] }] });
    return true;
  } catch {
    return false;
  }
}

/** The manager sets the share of days that qualifies for a certificate, and the hours it states. */
export const setCertificateRule = defineUseCase({
  name: "certificates.setRule",
  http: { method: "put", path: "/projects/{projectId}/workshops/{workshopId}/certificate-rule", response: setCertificateRuleOutput },
  access: { kind: "project", permission: "workshops.edit" },
  input: setCertificateRuleInput,
  write: true,
  async run(ctx, input) {
    const workshop = await loadWorkshop(ctx, input.projectId, input.workshopId);
    if (input.logo && !(await printsAsImage(input.logo))) throw new UseCaseError("invalid", { "logo.data": { key: "logoUnreadable" } });
    const [before] = await ctx.db.select().from(certificateRules).where(eq(certificateRules.workshopId, workshop.id));
    if ((before?.version ?? 0) !== input.version) throw new UseCaseError("stale");
    const logo = input.logo ? { logoData: input.logo.data, logoType: input.logo.type } : input.removeLogo ? { logoData: null, logoType: null } : {};
    const fields = { minAttendancePercent: input.minAttendancePercent, hours: input.hours, minPostTestPercent: input.minPostTestPercent, ...logo };
    const [after] = before
      ? await ctx.db
          .update(certificateRules)
          .set({ ...fields, version: sql`${certificateRules.version} + 1` })
          .where(and(eq(certificateRules.workshopId, workshop.id), eq(certificateRules.version, input.version)))
          .returning()
      : await ctx.db
          .insert(certificateRules)
          .values({ workshopId: workshop.id, ...fields })
          .returning();
    if (!after) throw new UseCaseError("stale");
    await recordAudit(ctx.db, {
      actorId: ctx.user.id,
      action: "certificates.setRule",
      entityType: "workshop",
      entityId: workshop.id,
      projectId: input.projectId,
      changes: {
        minAttendancePercent: { before: before?.minAttendancePercent ?? null, after: after.minAttendancePercent },
        hours: { before: before?.hours ?? null, after: after.hours },
        minPostTestPercent: { before: before?.minPostTestPercent ?? null, after: after.minPostTestPercent },
        ...(input.logo || input.removeLogo ? { logo: { before: before?.logoType ? "logo" : null, after: after.logoType ? "logo" : null } } : {}),
      },
    });
    const { logoData, logoType, ...rule } = after;
    return { ...rule, hasLogo: logoData !== null && logoType !== null };
  },
});

/**
 * Issues certificates to the people named, or to everyone who qualifies and has none yet. Issuing
 * again to someone who has one (after their name was corrected) keeps its code; a revoked one
 * stays revoked. Anyone named who does not qualify refuses the whole request.
 */
export const issueCertificates = defineUseCase({
  name: "certificates.issue",
  http: { method: "post", path: "/projects/{projectId}/workshops/{workshopId}/certificates", response: issueCertificatesOutput },
  access: { kind: "project", permission: "certificates.issue" },
  input: issueCertificatesInput,
  write: true,
  async run(ctx, input) {
    const workshop = await loadWorkshop(ctx, input.projectId, input.workshopId);
    const { people } = await certificateRoster(ctx.db, workshop);
    const byId = new Map(people.map((p) => [p.participantId, p]));
    const named = input.participantIds.length > 0;
    const chosen = named ? [...new Set(input.participantIds)].map((id) => byId.get(id)) : people.filter((p) => !p.notQualified && !p.certificate);
    if (chosen.some((p) => !p || p.notQualified)) throw new UseCaseError("invalid", { participantIds: { key: "certificateNotQualified" } });
    const holders = chosen as NonNullable<(typeof chosen)[number]>[];
    if (holders.some((p) => p.certificate?.revokedAt)) throw new UseCaseError("conflict", { _form: { key: "certificateRevoked" } });
    const now = new Date();
    const reissued = holders.filter((p) => p.certificate).map((p) => p.certificate!.id);
    const fresh = holders.filter((p) => !p.certificate);
    if (reissued.length > 0) await ctx.db.update(certificates).set({ issuedAt: now, issuedById: ctx.user.id }).where(inArray(certificates.id, reissued));
    if (fresh.length > 0) {
      await ctx.db
        .insert(certificates)
        .values(fresh.map((p) => ({ workshopId: workshop.id, participantId: p.participantId, code: newCode(), issuedAt: now, issuedById: ctx.user.id })));
    }
    if (holders.length > 0) {
      await recordAudit(ctx.db, {
        actorId: ctx.user.id,
        action: "certificates.issue",
        entityType: "workshop",
        entityId: workshop.id,
        projectId: input.projectId,
        // Who by id only: the trail is read by more people than the names are.
        changes: {
          issuedTo: { before: null, after: fresh.map((p) => p.participantId) },
          reissuedTo: { before: null, after: holders.filter((p) => p.certificate).map((p) => p.participantId) },
        },
      });
    }
    return { issued: fresh.length, reissued: reissued.length };
  },
});

/** Revokes a certificate, with the reason: its code then verifies as revoked. */
export const revokeCertificate = defineUseCase({
  name: "certificates.revoke",
  http: { method: "post", path: "/projects/{projectId}/workshops/{workshopId}/certificates/{certificateId}/revoke", response: revokeCertificateOutput },
  access: { kind: "project", permission: "certificates.issue" },
  input: revokeCertificateInput,
  write: true,
  async run(ctx, input) {
    const workshop = await loadWorkshop(ctx, input.projectId, input.workshopId);
    const [certificate] = await ctx.db
      .select()
      .from(certificates)
      .where(and(eq(certificates.id, input.certificateId), eq(certificates.workshopId, workshop.id)));
    if (!certificate) throw new UseCaseError("not_found");
    if (certificate.revokedAt) throw new UseCaseError("conflict", { _form: { key: "certificateRevoked" } });
    const [after] = await ctx.db
      .update(certificates)
      .set({ revokedAt: new Date(), revokedById: ctx.user.id, revocationReason: input.reason })
      .where(and(eq(certificates.id, certificate.id), sql`${certificates.revokedAt} is null`))
      .returning();
    if (!after) throw new UseCaseError("stale");
    await recordAudit(ctx.db, {
      actorId: ctx.user.id,
      action: "certificates.revoke",
      entityType: "workshop",
      entityId: workshop.id,
      projectId: input.projectId,
      changes: { revoked: { before: null, after: certificate.participantId }, reason: { before: null, after: input.reason } },
    });
    return { id: after.id, revokedAt: after.revokedAt!, revocationReason: after.revocationReason };
  },
});

/**
 * What the certificates of a workshop print: one person's, or all valid ones for printing. Each in
 * the language asked for, else its holder's preferred language, else the workshop's.
 */
export const getCertificatesFile = defineUseCase({
  name: "certificates.file",
  http: { method: "get", path: "/projects/{projectId}/workshops/{workshopId}/certificates/file", response: certificatesFileOutput },
  access: { kind: "project", permission: "participants.read" },
  input: certificatesFileInput,
  write: false,
  async run(ctx, input) {
    const workshop = await loadWorkshop(ctx, input.projectId, input.workshopId);
    const [{ rule, people, days }, logo] = await Promise.all([certificateRoster(ctx.db, workshop), certificateLogoOf(ctx.db, workshop.id)]);
    const valid = people.filter((p) => p.certificate && !p.certificate.revokedAt && !p.isErased);
    const holders = input.participantId ? valid.filter((p) => p.participantId === input.participantId) : valid;
    if (holders.length === 0) throw new UseCaseError("not_found");
    return {
      workshop,
      hours: rule.hours,
      logo,
      days,
      certificates: holders.map((p) => ({
        code: p.certificate!.code,
        language: input.lang ?? p.preferredLanguage ?? workshop.language,
        name: `${p.givenNames} ${p.familyNames}`,
        institutionName: p.institutionName,
        daysAttended: p.daysAttended,
      })),
    };
  },
});
