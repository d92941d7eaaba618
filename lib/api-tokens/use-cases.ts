import { and, desc, eq, isNull } from "drizzle-orm";
import { apiTokens } from "@/db/schema";
import { recordAudit } from "@/lib/audit";
import { can, globalAccess } from "@/lib/policy";
import { UseCaseError } from "@/lib/result";
import { defineUseCase } from "@/lib/use-case";
import { createApiTokenOutput, listApiTokensOutput, revokeApiTokenOutput } from "./responses";
import { createApiTokenInput, listApiTokensInput, revokeApiTokenInput } from "./schemas";
import { newTokenSecret } from "@/lib/auth/api-token";

const shown = {
  id: apiTokens.id,
  name: apiTokens.name,
  access: apiTokens.access,
  expiresAt: apiTokens.expiresAt,
  lastUsedAt: apiTokens.lastUsedAt,
  revokedAt: apiTokens.revokedAt,
  createdAt: apiTokens.createdAt,
};

/** A personal API token for programs (R, Python, Power BI, scripts): made from the browser, its secret shown once. */
export const createApiToken = defineUseCase({
  name: "apiTokens.create",
  http: { method: "post", path: "/account/api-tokens", status: 201, response: createApiTokenOutput },
  access: { kind: "user" },
  input: createApiTokenInput,
  write: true,
  sessionOnly: true,
  async run(ctx, input) {
    const { secret, hash } = newTokenSecret();
    const [token] = await ctx.db
      .insert(apiTokens)
      .values({ userId: ctx.user.id, name: input.name, tokenHash: hash, access: input.access, expiresAt: new Date(Date.now() + input.expiresInDays * 24 * 60 * 60 * 1000) })
      .returning(shown);
    await recordAudit(ctx.db, {
      actorId: ctx.user.id,
      action: "apiTokens.create",
      entityType: "user",
      entityId: ctx.user.id,
      changes: { apiToken: { before: null, after: token!.id }, access: { before: null, after: input.access } },
    });
    return { ...token!, secret };
  },
});

/** One's own tokens with their last use; an administrator may list anyone's. Never a secret. */
export const listApiTokens = defineUseCase({
  name: "apiTokens.list",
  http: { method: "get", path: "/account/api-tokens", response: listApiTokensOutput },
  access: { kind: "user" },
  input: listApiTokensInput,
  write: false,
  async run(ctx, input) {
    const userId = input.userId ?? ctx.user.id;
    if (userId !== ctx.user.id && !can(globalAccess(ctx.user), "administration")) throw new UseCaseError("forbidden");
    return ctx.db.select(shown).from(apiTokens).where(eq(apiTokens.userId, userId)).orderBy(desc(apiTokens.createdAt));
  },
});

/** Stops a token at once: its owner may, and an administrator may revoke anyone's. */
export const revokeApiToken = defineUseCase({
  name: "apiTokens.revoke",
  http: { method: "post", path: "/account/api-tokens/{tokenId}/revoke", response: revokeApiTokenOutput },
  access: { kind: "user" },
  input: revokeApiTokenInput,
  write: true,
  sessionOnly: true,
  async run(ctx, input) {
    const [token] = await ctx.db.select({ userId: apiTokens.userId, revokedAt: apiTokens.revokedAt }).from(apiTokens).where(eq(apiTokens.id, input.tokenId));
    // Another user's token is "not found" to anyone but an administrator.
    if (!token || (token.userId !== ctx.user.id && !can(globalAccess(ctx.user), "administration"))) throw new UseCaseError("not_found");
    const [revoked] = await ctx.db
      .update(apiTokens)
      .set({ revokedAt: new Date() })
      .where(and(eq(apiTokens.id, input.tokenId), isNull(apiTokens.revokedAt)))
      .returning({ id: apiTokens.id });
    if (!revoked) return { changed: false };
    await recordAudit(ctx.db, {
      actorId: ctx.user.id,
      action: "apiTokens.revoke",
      entityType: "user",
      entityId: token.userId,
      changes: { apiToken: { before: input.tokenId, after: null } },
    });
    return { changed: true };
  },
});
