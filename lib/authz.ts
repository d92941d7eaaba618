import { and, eq, sql, type AnyColumn, type SQL } from "drizzle-orm";
import type { Db } from "@/db/client";
import { projectMembers, projectRoles, projects, type ProjectRole } from "@/db/schema";
import { UseCaseError } from "./result";
import type { Ctx, SessionUser } from "./session-user";

/** The one place that reads roles. */
export function requireUser(ctx: Ctx): SessionUser {
  if (!ctx.user) throw new UseCaseError("unauthenticated");
  return ctx.user;
}

/**
 * Someone still holding a temporary password (one an administrator chose and sent them) may only
 * replace it, and sign out: until then anyone who read that message could be using the account.
 */
export function requireOwnPassword(user: SessionUser): SessionUser {
  if (user.mustChangePassword) throw new UseCaseError("password_change_required");
  return user;
}

/** Admin-only areas answer "not found" to everyone else, so their existence is not revealed. */
export function requireAdmin(ctx: Ctx): SessionUser {
  const user = requireUser(ctx);
  if (!user.isAdmin) throw new UseCaseError("not_found");
  return user;
}

export type ProjectAccess = ProjectRole | "admin";

/**
 * A project the user is not a member of does not exist for them ("not_found"); a member whose
 * role is not among `roles` is refused ("forbidden"). Admins pass everywhere.
 */
export async function requireProjectRole(
  ctx: Ctx,
  projectId: string,
  roles: readonly ProjectRole[],
): Promise<ProjectAccess> {
  const user = requireUser(ctx);
  const [row] = await ctx.db
    .select({ id: projects.id, role: projectMembers.role })
    .from(projects)
    .leftJoin(projectMembers, and(eq(projectMembers.projectId, projects.id), eq(projectMembers.userId, user.id)))
    .where(eq(projects.id, projectId))
    .limit(1);
  if (!row) throw new UseCaseError("not_found");
  if (user.isAdmin) return "admin";
  if (!row.role) throw new UseCaseError("not_found");
  if (!roles.includes(row.role)) throw new UseCaseError("forbidden");
  return row.role;
}

/**
 * For the shared directory, which belongs to no single project: the user needs one of `roles` in
 * at least one project. Someone with no project at all does not see the directory ("not_found").
 */
export async function requireAnyProjectRole(ctx: Ctx, roles: readonly ProjectRole[]): Promise<ProjectAccess> {
  const user = requireUser(ctx);
  if (user.isAdmin) return "admin";
  const held = new Set((await listMembershipRoles(ctx.db, user.id)).values());
  if (held.size === 0) throw new UseCaseError("not_found");
  // The strongest role wins, so a manager of one project and partner of another acts as a manager.
  const strongest = projectRoles.find((role) => held.has(role))!;
  if (!roles.includes(strongest)) throw new UseCaseError("forbidden");
  return strongest;
}

export async function listMembershipRoles(db: Db, userId: string): Promise<Map<string, ProjectRole>> {
  const rows = await db
    .select({ projectId: projectMembers.projectId, role: projectMembers.role })
    .from(projectMembers)
    .where(eq(projectMembers.userId, userId));
  return new Map(rows.map((r) => [r.projectId, r.role]));
}

/**
 * A user's name as the reader may see it: a partner sees their own name and the staff's, never
 * another partner's (someone else's organisation), which comes back null.
 */
export function nameSeenBy(ctx: { user: { id: string } | null; access?: ProjectAccess | null }, projectId: AnyColumn, userId: AnyColumn, name: AnyColumn): SQL<string | null> {
  if (ctx.access !== "partner") return sql<string | null>`${name}`;
  return sql<string | null>`case when ${userId} <> ${ctx.user!.id} and exists (
    select 1 from ${projectMembers} pm where pm.project_id = ${projectId} and pm.user_id = ${userId} and pm.role = 'partner') then null else ${name} end`;
}
