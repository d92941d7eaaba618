import { and, eq, inArray, type SQL } from "drizzle-orm";
import { participantProjects, participants, projectMembers } from "@/db/schema";
import type { UseCaseCtx } from "@/lib/use-case";

/**
 * The participants a user may see by name: all of them for an admin; for managers and field
 * staff, those known to a project where they hold one of those roles. Partners see none.
 */
export function visibleParticipants(ctx: UseCaseCtx): SQL | undefined {
  if (ctx.user.isAdmin) return undefined;
  const staffProjects = ctx.db
    .select({ projectId: projectMembers.projectId })
    .from(projectMembers)
    .where(and(eq(projectMembers.userId, ctx.user.id), inArray(projectMembers.role, ["manager", "field"])));
  return inArray(
    participants.id,
    ctx.db.select({ id: participantProjects.participantId }).from(participantProjects).where(inArray(participantProjects.projectId, staffProjects)),
  );
}
