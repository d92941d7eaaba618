import "server-only";
import { headers } from "next/headers";
import { notFound, redirect } from "next/navigation";
import { cache } from "react";
import { getDb } from "@/db";
import { bearerToken, contextForToken } from "@/lib/auth/api-token";
import { getSessionClaims } from "@/lib/auth/next-auth";
import { loadSessionUser } from "@/lib/auth/sign-in";
import { isSameOrigin } from "@/lib/origin";
import type { Result } from "@/lib/result";
import type { Ctx } from "@/lib/session-user";

export class ForeignOriginError extends Error {}

/** The database and the signed-in user, checked against the database once per request. */
export const getRequestContext = cache(async (): Promise<Ctx> => {
  const db = getDb();
  const claims = await getSessionClaims();
  const user = claims ? await loadSessionUser(db, claims.userId, claims.sessionVersion) : null;
  return { db, user };
});

/** For server actions and API writes: refuses requests whose Origin is missing or foreign. */
export async function getWriteContext(): Promise<Ctx> {
  if (!isSameOrigin(await headers())) throw new ForeignOriginError("Refused: missing or foreign Origin");
  return getRequestContext();
}

/**
 * For /api/v1: a program's personal API token (`Authorization: Bearer …`), which needs no Origin
 * since no browser sends it, or else the browser's session, whose writes must carry this site's
 * Origin. A token that is unknown, expired or revoked leaves the request anonymous, whatever
 * cookie comes with it. Pages never read the token: it is no browser session.
 */
export async function getApiContext(isWrite = false): Promise<Ctx> {
  const secret = bearerToken((await headers()).get("authorization"));
  if (secret !== null) return (await contextForToken(getDb(), secret)) ?? { db: getDb(), user: null };
  return isWrite ? getWriteContext() : getRequestContext();
}

/**
 * For pages: anonymous visitors go to sign-in (also when a revoked cookie is replayed), and a user
 * who must replace a temporary password goes to their account page, the one page that allows it.
 */
export async function getPageContext(options: { allowsTemporaryPassword?: boolean } = {}): Promise<Ctx & { user: NonNullable<Ctx["user"]> }> {
  const ctx = await getRequestContext();
  if (!ctx.user) redirect("/sign-in");
  if (ctx.user.mustChangePassword && !options.allowsTemporaryPassword) redirect("/account");
  return ctx as Ctx & { user: NonNullable<Ctx["user"]> };
}

/** Pages show "not found" for anything outside the user's scope, whatever the reason. */
export function unwrapForPage<T>(result: Result<T>): T {
  if (result.ok) return result.data;
  if (result.error === "unauthenticated") redirect("/sign-in");
  if (result.error === "password_change_required") redirect("/account");
  notFound();
}
