import { and, eq, inArray, sql, type AnyColumn, type SQL } from "drizzle-orm";
import type { Db } from "@/db/client";
import { participantProjects, projectMembers, projects, type ProjectRole } from "@/db/schema";
import { can, rolesWith, rolesWithout, strongestRole, type Permission, type Role } from "./policy";
import { UseCaseError } from "./result";
import type { Ctx, SessionUser } from "./session-user";

/** The one place that reads a user's roles; what each role may do is the policy's (lib/policy.ts). */
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

export type ProjectAccess = Role;

/**
 * A project the user is not a member of does not exist for them ("not_found"); a member whose
 * role does not hold `permission` is refused ("forbidden"). Admins pass everywhere.
 */
export async function requireProjectRole(ctx: Ctx, projectId: string, permission: Permission): Promise<ProjectAccess> {
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
  if (!can(row.role, permission)) throw new UseCaseError("forbidden");
  return row.role;
}

/**
 * For the shared directory of institutions and bodies, which belongs to no single project: the
 * user needs `permission` in at least one project. Someone with no project at all does not see
 * the directory ("not_found"). People (participants) are not judged by this: see
 * `requireParticipantRole`.
 */
export async function requireAnyProjectRole(ctx: Ctx, permission: Permission): Promise<ProjectAccess> {
  const user = requireUser(ctx);
  if (user.isAdmin) return "admin";
  // The strongest role wins, so a manager of one project and partner of another acts as a manager.
  const strongest = strongestRole((await listMembershipRoles(ctx.db, user.id)).values());
  if (!strongest) throw new UseCaseError("not_found");
  if (!can(strongest, permission)) throw new UseCaseError("forbidden");
  return strongest;
}

/** Whether the user holds `permission` in some project: for what a screen offers, never instead of a check. */
export async function holdsInSomeProject(ctx: Ctx, permission: Permission): Promise<boolean> {
  const user = requireUser(ctx);
  if (user.isAdmin) return can("admin", permission);
  return [...(await listMembershipRoles(ctx.db, user.id)).values()].some((role) => can(role, permission));
}

/**
 * People of the directory (participants) belong to the projects that know them, and a role counts
 * only in its own project: acting on a person needs `permission` in a project that knows that
 * person, and acting on several at once (a merge, "not the same person") needs it in one project
 * that knows them all. So a manager of one project who is field staff of another acts on the
 * second's people as field staff. Admins act on everyone.
 */
export async function requireParticipantRole(ctx: Ctx, participantIds: readonly string[], permission: Permission): Promise<ProjectAccess> {
  const user = requireUser(ctx);
  if (user.isAdmin) return "admin";
  const people = [...new Set(participantIds)];
  const memberships = await ctx.db
    .select({
      role: projectMembers.role,
      known: sql<string[]>`array_remove(array_agg(${participantProjects.participantId}::text), null)`,
    })
    .from(projectMembers)
    .leftJoin(participantProjects, and(eq(participantProjects.projectId, projectMembers.projectId), inArray(participantProjects.participantId, people)))
    .where(eq(projectMembers.userId, user.id))
    .groupBy(projectMembers.projectId, projectMembers.role);
  const strongest = strongestRole(memberships.filter((m) => m.known.length === people.length && can(m.role, permission)).map((m) => m.role));
  if (strongest) return strongest;
  // Someone who sees every one of these people (as staff of a project that knows them) is told
  // they may not act; to anyone else they do not exist.
  const seen = new Set(memberships.filter((m) => can(m.role, "participants.read")).flatMap((m) => m.known));
  throw new UseCaseError(people.every((id) => seen.has(id)) ? "forbidden" : "not_found");
}

/**
 * The same rule as a filter on participant ids, for lists: the people known to a project where
 * the user holds `permission` (undefined for an admin, who sees everyone).
 */
export function participantsWithRole(ctx: Ctx, participantId: AnyColumn, permission: Permission = "participants.read"): SQL | undefined {
  const user = requireUser(ctx);
  if (user.isAdmin) return undefined;
  return inArray(
    participantId,
    ctx.db
      .select({ id: participantProjects.participantId })
      .from(participantProjects)
      .where(inArray(participantProjects.projectId, projectsWithRole(ctx, permission))),
  );
}

/** For a pair of people (columns of a query): true when one project where the user holds `permission` knows both. */
export function pairWithRole(ctx: Ctx, firstId: AnyColumn | SQL, secondId: AnyColumn | SQL, permission: Permission): SQL | undefined {
  const user = requireUser(ctx);
  if (user.isAdmin) return undefined;
  return sql`exists (select 1 from ${participantProjects} a join ${participantProjects} b on b.project_id = a.project_id
    where a.participant_id = ${firstId} and b.participant_id = ${secondId} and a.project_id in (${projectsWithRole(ctx, permission)}))`;
}

/**
 * A filter the user asks for by project (the participant list and its export) must name a project
 * whose people they see; another project is refused, never silently answered empty.
 */
export async function requireStaffProject(ctx: Ctx, projectId: string): Promise<void> {
  const user = requireUser(ctx);
  if (user.isAdmin) return;
  const [held] = await ctx.db
    .select({ projectId: projectMembers.projectId })
    .from(projectMembers)
    .where(and(eq(projectMembers.userId, user.id), eq(projectMembers.projectId, projectId), inArray(projectMembers.role, rolesWith("participants.read"))));
  if (!held) throw new UseCaseError("invalid", { projectId: { key: "notYourProject" } });
}

/** A filter on a column of project ids: the projects where the user holds `permission` (undefined for an admin, who sees them all). */
export function inProjectsWithRole(ctx: Ctx, projectId: AnyColumn, permission: Permission = "participants.read"): SQL | undefined {
  if (requireUser(ctx).isAdmin) return undefined;
  return inArray(projectId, projectsWithRole(ctx, permission));
}

/** The ids of the projects where the user holds `permission`, as a subquery. */
export function projectsWithRole(ctx: Ctx, permission: Permission = "participants.read") {
  return ctx.db
    .select({ projectId: projectMembers.projectId })
    .from(projectMembers)
    .where(and(eq(projectMembers.userId, requireUser(ctx).id), inArray(projectMembers.role, rolesWith(permission))));
}

export async function listMembershipRoles(db: Db, userId: string): Promise<Map<string, ProjectRole>> {
  const rows = await db.select({ projectId: projectMembers.projectId, role: projectMembers.role }).from(projectMembers).where(eq(projectMembers.userId, userId));
  return new Map(rows.map((r) => [r.projectId, r.role]));
}

/**
 * A user's name as the reader may see it: a partner sees their own name and the staff's, never
 * another partner's (someone else's organisation), which comes back null.
 */
export function nameSeenBy(ctx: { user: { id: string } | null; access?: ProjectAccess | null }, projectId: AnyColumn, userId: AnyColumn, name: AnyColumn): SQL<string | null> {
  if (can(ctx.access, "members.readEveryName")) return sql<string | null>`${name}`;
  return sql<string | null>`case when ${userId} <> ${ctx.user!.id} and exists (
    select 1 from ${projectMembers} pm where pm.project_id = ${projectId} and pm.user_id = ${userId} and ${inArray(sql`pm.role`, rolesWithout("members.readEveryName"))}) then null else ${name} end`;
}
