import { createHmac } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { z } from "zod";
import { users } from "@/db/schema";
import { getAuthSecret } from "@/lib/env";
import { defineUseCase } from "@/lib/use-case";
import { getOfflineKeyOutput } from "./responses";
import { recordAudit } from "@/lib/audit";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { revokeSessions } from "@/lib/auth/sign-in";
import { UseCaseError } from "@/lib/result";
import { changePasswordInput, setLocaleInput, signOutInput } from "./schemas";

export const setLocale = defineUseCase({
  name: "account.setLocale",
  access: { kind: "user" },
  input: setLocaleInput,
  write: true,
  async run(ctx, input) {
    if (ctx.user.locale === input.locale) return { changed: false };
    await ctx.db.update(users).set({ locale: input.locale, updatedAt: new Date() }).where(eq(users.id, ctx.user.id));
    await recordAudit(ctx.db, {
      actorId: ctx.user.id,
      action: "account.setLocale",
      entityType: "user",
      entityId: ctx.user.id,
      changes: { locale: { before: ctx.user.locale, after: input.locale } },
    });
    return { changed: true };
  },
});

export const changePassword = defineUseCase({
  name: "account.changePassword",
  access: { kind: "user" },
  input: changePasswordInput,
  write: true,
  allowsTemporaryPassword: true,
  async run(ctx, input) {
    const [user] = await ctx.db.select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, ctx.user.id));
    if (!user?.passwordHash || !(await verifyPassword(user.passwordHash, input.currentPassword))) {
      throw new UseCaseError("invalid", { currentPassword: { key: "wrongPassword" } });
    }
    await ctx.db
      .update(users)
      .set({
        passwordHash: await hashPassword(input.newPassword),
        mustChangePassword: false,
        sessionVersion: sql`${users.sessionVersion} + 1`,
        updatedAt: new Date(),
      })
      .where(eq(users.id, ctx.user.id));
    await recordAudit(ctx.db, {
      actorId: ctx.user.id,
      action: "account.changePassword",
      entityType: "user",
      entityId: ctx.user.id,
      changes: { password: { before: "•••", after: "•••" } },
    });
    return { changed: true };
  },
});

/** Signing out revokes the session on the server too, so a copied cookie is worthless afterwards. */
export const signOutEverywhere = defineUseCase({
  name: "account.signOut",
  access: { kind: "user" },
  input: signOutInput,
  allowsTemporaryPassword: true,
  write: true,
  async run(ctx) {
    await revokeSessions(ctx.db, ctx.user.id);
    await recordAudit(ctx.db, {
      actorId: ctx.user.id,
      action: "account.signOut",
      entityType: "user",
      entityId: ctx.user.id,
      changes: {},
    });
    return { changed: true };
  },
});

/**
 * The secret that opens the user's offline data on a device without their PIN, while they are
 * signed in. It is never stored on the device, and it changes whenever the user's sessions are
 * revoked (sign-out, new password), so data wrapped with an old one needs the PIN again.
 */
export const getOfflineKey = defineUseCase({
  name: "account.offlineKey",
  http: { method: "get", path: "/account/offline-key", response: getOfflineKeyOutput },
  access: { kind: "user" },
  input: z.object({}),
  write: false,
  async run(ctx) {
    const [user] = await ctx.db.select({ sessionVersion: users.sessionVersion }).from(users).where(eq(users.id, ctx.user.id));
    const key = createHmac("sha256", getAuthSecret()).update(`atelier-offline-key:${ctx.user.id}:${user!.sessionVersion}`).digest("base64url");
    return { userId: ctx.user.id, key };
  },
});
