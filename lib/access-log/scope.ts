import { projectsWithRole } from "@/lib/authz";
import { can, globalAccess } from "@/lib/policy";
import type { UseCaseCtx } from "@/lib/use-case";

/**
 * The projects a downloaded list of people came from, so each person's page can show it: the
 * project filtered by; else every project where the user is staff; for an administrator's
 * unfiltered list, the whole directory (null).
 */
export async function listScope(ctx: Pick<UseCaseCtx, "db" | "user">, projectId: string | undefined): Promise<(string | null)[]> {
  if (projectId) return [projectId];
  if (can(globalAccess(ctx.user), "project.readAll")) return [null];
  const rows = await projectsWithRole(ctx);
  return rows.map((r) => r.projectId);
}
