import "server-only";
import { eq, inArray, type SQL } from "drizzle-orm";
import { missions, missionTeam } from "@/db/schema";
import { can } from "@/lib/policy";
import type { UseCaseCtx } from "@/lib/use-case";

/**
 * Managers see every mission of their project; field staff only those they travel on. Every
 * answer naming a mission (a workshop's, the closing report's) applies this same rule.
 */
export function visibleMissions(ctx: UseCaseCtx): SQL | undefined {
  if (can(ctx.access, "missions.readAll")) return undefined;
  return inArray(missions.id, ctx.db.select({ id: missionTeam.missionId }).from(missionTeam).where(eq(missionTeam.userId, ctx.user.id)));
}
