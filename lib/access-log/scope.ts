import { and, eq, inArray } from "drizzle-orm";
import { projectMembers } from "@/db/schema";
import type { UseCaseCtx } from "@/lib/use-case";

/**
 * The projects a downloaded list of people came from, so each person's page can show it: the
 * project filtered by; else every project where the user is staff; for an administrator's
 * unfiltered list, the whole directory (null).
 */
export async function listScope(ctx: Pick<UseCaseCtx, "db" | "user">, projectId: string | undefined): Promise<(string | null)[]> {
  if (projectId) return [projectId];
  if (ctx.user.isAdmin) return [null];
  const rows = await ctx.db
    .select({ projectId: projectMembers.projectId })
    .from(projectMembers)
    .where(and(eq(projectMembers.userId, ctx.user.id), inArray(projectMembers.role, ["manager", "field"])));
  return rows.map((r) => r.projectId);
}
