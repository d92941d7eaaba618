import crypto from "node:crypto";
import { and, asc, eq, inArray } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { calendarFeeds, missions, missionTeam, projectMembers, users, workshops } from "@/db/schema";
import { recordAudit } from "@/lib/audit";
import { hashToken } from "@/lib/auth/token-hash";
import { mailLinkOrigin } from "@/lib/mail/settings";
import { withinPublicLimit } from "@/lib/public-limit";
import type { Result } from "@/lib/result";
import { defineUseCase } from "@/lib/use-case";
import { icsOf, missionEvent, workshopEvent } from "./ics";

/** Since when the user's calendar address works; null when they have none. */
const feedOutput = z.object({ createdAt: z.date().nullable() });
const renewOutput = z.object({ path: z.string(), createdAt: z.date() });

/** Whether the user has a calendar address, and since when; its secret is never shown again. */
export const getCalendarFeed = defineUseCase({
  name: "calendar.get",
  http: { method: "get", path: "/account/calendar", response: feedOutput },
  access: { kind: "user" },
  input: z.object({}),
  write: false,
  async run(ctx) {
    const [feed] = await ctx.db.select({ createdAt: calendarFeeds.createdAt }).from(calendarFeeds).where(eq(calendarFeeds.userId, ctx.user.id));
    return { createdAt: feed?.createdAt ?? null };
  },
});

/** Makes the user's private calendar address, or a new one in place of the old, which stops working at once. Shown once. */
export const renewCalendarFeed = defineUseCase({
  name: "calendar.renew",
  http: { method: "post", path: "/account/calendar", response: renewOutput },
  access: { kind: "user" },
  input: z.object({}),
  write: true,
  sessionOnly: true,
  async run(ctx) {
    const secret = crypto.randomBytes(32).toString("base64url");
    const [feed] = await ctx.db
      .insert(calendarFeeds)
      .values({ userId: ctx.user.id, tokenHash: hashToken(secret) })
      .onConflictDoUpdate({ target: calendarFeeds.userId, set: { tokenHash: hashToken(secret), createdAt: new Date() } })
      .returning({ createdAt: calendarFeeds.createdAt });
    await recordAudit(ctx.db, {
      actorId: ctx.user.id,
      action: "calendar.renew",
      entityType: "user",
      entityId: ctx.user.id,
      changes: { calendarFeed: { before: null, after: "renewed" } },
    });
    return { path: `/api/v1/calendar/${secret}`, createdAt: feed!.createdAt };
  },
});

/** How many times a minute one address may fetch calendar feeds. */
const fetchesPerMinute = 60;

/**
 * The feed behind a secret address: the missions its owner travels on and the workshops of the
 * projects they hold a role in, dates and places only, in the owner's language. No account is
 * needed (calendar apps have none); an unknown, renewed or deactivated owner's address is "not found".
 */
export async function calendarForToken(db: Db, token: string, clientAddress: string): Promise<Result<string>> {
  if (!(await withinPublicLimit(db, "calendar", clientAddress, fetchesPerMinute))) return { ok: false, error: "too_many" };
  if (token.length > 100) return { ok: false, error: "not_found" };
  const [owner] = await db
    .select({ id: users.id, locale: users.locale, name: users.name })
    .from(calendarFeeds)
    .innerJoin(users, eq(users.id, calendarFeeds.userId))
    .where(and(eq(calendarFeeds.tokenHash, hashToken(token)), eq(users.isActive, true)));
  if (!owner) return { ok: false, error: "not_found" };
  const ownProjects = db.select({ id: projectMembers.projectId }).from(projectMembers).where(eq(projectMembers.userId, owner.id));
  const [travelled, held] = await Promise.all([
    db
      .select({ mission: missions })
      .from(missionTeam)
      .innerJoin(missions, eq(missions.id, missionTeam.missionId))
      .where(and(eq(missionTeam.userId, owner.id), inArray(missions.projectId, ownProjects)))
      .orderBy(asc(missions.startDate)),
    db.select().from(workshops).where(inArray(workshops.projectId, ownProjects)).orderBy(asc(workshops.startDate)),
  ]);
  const origin = mailLinkOrigin();
  const events = [...travelled.map(({ mission }) => missionEvent(mission, owner.locale, origin)), ...held.map((w) => workshopEvent(w, owner.locale, origin))];
  return { ok: true, data: icsOf(`Atelier — ${owner.name}`, events) };
}
