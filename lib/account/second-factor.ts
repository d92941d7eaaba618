import { and, count, eq, isNull } from "drizzle-orm";
import QRCode from "qrcode";
import { z } from "zod";
import { recoveryCodes, users } from "@/db/schema";
import { recordAudit } from "@/lib/audit";
import { seal, unseal } from "@/lib/auth/sealed";
import { checkTotp, newRecoveryCodes, newTotpSecret, passSecondFactor, replaceRecoveryCodes, totpUri } from "@/lib/auth/second-factor";
import { revokeSessions } from "@/lib/auth/sign-in";
import { wordingFor } from "@/lib/i18n/wording";
import { enqueueMail } from "@/lib/mail/queue";
import { UseCaseError } from "@/lib/result";
import { defineUseCase } from "@/lib/use-case";

const codeInput = z.object({ code: z.string().trim().min(1).max(20) });

/** Whether the user's second factor is on, and how many recovery codes are left. */
export const getSecondFactor = defineUseCase({
  name: "secondFactor.get",
  access: { kind: "user" },
  input: z.object({}),
  write: false,
  async run(ctx) {
    const [user] = await ctx.db.select({ on: users.totpSecret }).from(users).where(eq(users.id, ctx.user.id));
    const [left] = await ctx.db
      .select({ n: count() })
      .from(recoveryCodes)
      .where(and(eq(recoveryCodes.userId, ctx.user.id), isNull(recoveryCodes.usedAt)));
    return { on: Boolean(user?.on), recoveryCodesLeft: left?.n ?? 0 };
  },
});

/** The first step of turning it on: a new secret to scan (QR code and key), kept aside until a code from it confirms it. */
export const startSecondFactor = defineUseCase({
  name: "secondFactor.start",
  access: { kind: "user" },
  input: z.object({}),
  write: true,
  sessionOnly: true,
  async run(ctx) {
    const [user] = await ctx.db.select({ on: users.totpSecret }).from(users).where(eq(users.id, ctx.user.id));
    if (user?.on) throw new UseCaseError("conflict", { _form: { key: "secondFactorOn" } });
    const secret = newTotpSecret();
    await ctx.db
      .update(users)
      .set({ totpPendingSecret: seal(secret) })
      .where(eq(users.id, ctx.user.id));
    const uri = totpUri(ctx.user.email, secret);
    const svg = await QRCode.toString(uri, { type: "svg", margin: 1, width: 200 });
    return { key: secret, qr: `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}` };
  },
});

/** A code from the scanned secret turns the second factor on; the ten recovery codes are shown this once. */
export const confirmSecondFactor = defineUseCase({
  name: "secondFactor.confirm",
  access: { kind: "user" },
  input: codeInput,
  write: true,
  sessionOnly: true,
  async run(ctx, input) {
    const [user] = await ctx.db.select({ pending: users.totpPendingSecret }).from(users).where(eq(users.id, ctx.user.id));
    if (!user?.pending) throw new UseCaseError("conflict", { _form: { key: "secondFactorNotStarted" } });
    const step = await checkTotp(unseal(user.pending), input.code, null);
    if (step === null) throw new UseCaseError("invalid", { code: { key: "wrongCode" } });
    await ctx.db.update(users).set({ totpSecret: user.pending, totpPendingSecret: null, totpLastStep: step }).where(eq(users.id, ctx.user.id));
    const codes = newRecoveryCodes();
    await replaceRecoveryCodes(ctx.db, ctx.user.id, codes);
    await recordAudit(ctx.db, {
      actorId: ctx.user.id,
      action: "secondFactor.confirm",
      entityType: "user",
      entityId: ctx.user.id,
      changes: { secondFactor: { before: false, after: true } },
    });
    return { recoveryCodes: codes };
  },
});

/** Turns it off, with a current code from the app (or a recovery code). */
export const disableSecondFactor = defineUseCase({
  name: "secondFactor.disable",
  access: { kind: "user" },
  input: codeInput,
  write: true,
  sessionOnly: true,
  async run(ctx, input) {
    const [user] = await ctx.db.select().from(users).where(eq(users.id, ctx.user.id));
    if (!user?.totpSecret) return { changed: false };
    if (!(await passSecondFactor(ctx.db, user, input.code))) throw new UseCaseError("invalid", { code: { key: "wrongCode" } });
    await ctx.db.update(users).set({ totpSecret: null, totpPendingSecret: null, totpLastStep: null }).where(eq(users.id, ctx.user.id));
    await ctx.db.delete(recoveryCodes).where(eq(recoveryCodes.userId, ctx.user.id));
    await recordAudit(ctx.db, {
      actorId: ctx.user.id,
      action: "secondFactor.disable",
      entityType: "user",
      entityId: ctx.user.id,
      changes: { secondFactor: { before: true, after: false } },
    });
    return { changed: true };
  },
});

/**
 * For a user who lost their phone: an administrator turns their second factor off. Audited, their
 * sessions end, and they are told by e-mail, in their language.
 */
export const resetSecondFactor = defineUseCase({
  name: "secondFactor.reset",
  http: { method: "post", path: "/users/{userId}/second-factor/reset", input: "query", response: z.object({ changed: z.boolean() }) },
  access: { kind: "admin" },
  input: z.object({ userId: z.uuid() }),
  write: true,
  async run(ctx, input) {
    const [user] = await ctx.db.select().from(users).where(eq(users.id, input.userId));
    if (!user) throw new UseCaseError("not_found");
    if (!user.totpSecret && !user.totpPendingSecret) return { changed: false };
    await ctx.db.update(users).set({ totpSecret: null, totpPendingSecret: null, totpLastStep: null }).where(eq(users.id, user.id));
    await ctx.db.delete(recoveryCodes).where(eq(recoveryCodes.userId, user.id));
    await revokeSessions(ctx.db, user.id);
    const { t } = wordingFor(user.locale);
    const app = t("app.name");
    await enqueueMail(ctx.db, "second_factor_reset", user, (origin) => ({
      subject: t("mail.secondFactorReset.subject", { app }),
      paragraphs: [t("mail.secondFactorReset.body", { app })],
      action: { label: t("mail.secondFactorReset.action"), url: `${origin}/account` },
    }));
    await recordAudit(ctx.db, {
      actorId: ctx.user.id,
      action: "secondFactor.reset",
      entityType: "user",
      entityId: user.id,
      changes: { secondFactor: { before: true, after: false }, mail: { before: null, after: "second_factor_reset" } },
    });
    return { changed: true };
  },
});
