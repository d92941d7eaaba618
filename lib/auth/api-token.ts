import crypto from "node:crypto";
import { and, eq, gt, isNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { apiTokens, users } from "@/db/schema";
import { toSessionUser } from "./sign-in";
import { hashToken } from "./token-hash";
import type { Ctx } from "@/lib/session-user";

// The prefix tells a reader (and secret scanners) what the string is.
const prefix = "atl_";

/** A new token's secret, shown once; only its hash is kept. */
export function newTokenSecret(): { secret: string; hash: string } {
  const secret = `${prefix}${crypto.randomBytes(32).toString("base64url")}`;
  return { secret, hash: hashToken(secret) };
}

/** The token an `Authorization: Bearer …` header carries, or null when there is none. */
export function bearerToken(authorization: string | null): string | null {
  const match = /^Bearer\s+(\S+)$/i.exec(authorization?.trim() ?? "");
  return match ? match[1]! : null;
}

/**
 * Who a token acts for: its owner, exactly as signed in, while the token is neither expired nor
 * revoked and the owner is active; null otherwise. Its last use is noted (once a minute at most).
 */
export async function contextForToken(db: Db, secret: string, now = new Date()): Promise<Ctx | null> {
  if (!secret.startsWith(prefix) || secret.length > 200) return null;
  const [row] = await db
    .select({ token: apiTokens, user: users })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .where(and(eq(apiTokens.tokenHash, hashToken(secret)), isNull(apiTokens.revokedAt), gt(apiTokens.expiresAt, now), eq(users.isActive, true)));
  if (!row) return null;
  if (!row.token.lastUsedAt || now.getTime() - row.token.lastUsedAt.getTime() > 60_000) {
    await db.update(apiTokens).set({ lastUsedAt: now }).where(eq(apiTokens.id, row.token.id));
  }
  return { db, user: toSessionUser(row.user), token: { id: row.token.id, access: row.token.access } };
}
