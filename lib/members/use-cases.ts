import { and, asc, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { projectMembers, projects, users } from "@/db/schema";
import { recordAudit } from "@/lib/audit";
import { nameSeenBy } from "@/lib/authz";
import { revokeSessions } from "@/lib/auth/sign-in";
import { UseCaseError } from "@/lib/result";
import { can } from "@/lib/policy";
import { defineUseCase } from "@/lib/use-case";
import { projectIdInput } from "@/lib/zod-fields";
import { grantRoleInput, revokeRoleInput } from "./schemas";
import { grantRoleOutput, listMembersOutput, revokeRoleOutput } from "./responses";

export const listMembers = defineUseCase({
  name: "members.list",
  http: { method: "get", path: "/projects/{projectId}/members", response: listMembersOutput },
  access: { kind: "project", permission: "project.read" },
  input: projectIdInput,
  write: false,
  async run(ctx, input) {
    // A partner reads another partner (someone else's organisation) as "another partner": no name,
    // and no place in the alphabetical order that would hint at one.
    const name = nameSeenBy(ctx, projectMembers.projectId, projectMembers.userId, users.name);
    const rows = await ctx.db
      .select({
        userId: users.id,
        name,
        email: users.email,
        role: projectMembers.role,
        isActive: users.isActive,
      })
      .from(projectMembers)
      .innerJoin(users, eq(users.id, projectMembers.userId))
      .where(eq(projectMembers.projectId, input.projectId))
      .orderBy(asc(projectMembers.role), asc(name), asc(users.id));
    // Contact details are for the people who run the project, not for every member.
    const canSeeEmails = can(ctx.access, "members.readContacts");
    return rows.map((row) => ({ ...row, email: canSeeEmails ? row.email : null }));
  },
});

export const grantRole = defineUseCase({
  name: "members.grant",
  http: { method: "post", path: "/projects/{projectId}/members", response: grantRoleOutput },
  access: { kind: "admin" },
  input: grantRoleInput,
  write: true,
  async run(ctx, input) {
    const [user] = await ctx.db.select({ id: users.id }).from(users).where(eq(users.id, input.userId)).limit(1);
    if (!user) throw new UseCaseError("invalid", { userId: { key: "unknownUser" } });
    await assertProjectExists(ctx.db, input.projectId);
    const [before] = await ctx.db
      .select({ role: projectMembers.role })
      .from(projectMembers)
      .where(and(eq(projectMembers.projectId, input.projectId), eq(projectMembers.userId, input.userId)));
    if (before?.role === input.role) return { changed: false };
    await ctx.db
      .insert(projectMembers)
      .values(input)
      .onConflictDoUpdate({ target: [projectMembers.projectId, projectMembers.userId], set: { role: input.role } });
    await revokeSessions(ctx.db, input.userId);
    await recordAudit(ctx.db, {
      actorId: ctx.user.id,
      action: "members.grant",
      entityType: "project_member",
      entityId: `${input.projectId}:${input.userId}`,
      projectId: input.projectId,
      changes: { role: { before: before?.role ?? null, after: input.role } },
    });
    return { changed: true };
  },
});

export const revokeRole = defineUseCase({
  name: "members.revoke",
  http: { method: "delete", path: "/projects/{projectId}/members/{userId}", response: revokeRoleOutput },
  access: { kind: "admin" },
  input: revokeRoleInput,
  write: true,
  async run(ctx, input) {
    const [removed] = await ctx.db
      .delete(projectMembers)
      .where(and(eq(projectMembers.projectId, input.projectId), eq(projectMembers.userId, input.userId)))
      .returning({ role: projectMembers.role });
    if (!removed) throw new UseCaseError("not_found");
    await revokeSessions(ctx.db, input.userId);
    await recordAudit(ctx.db, {
      actorId: ctx.user.id,
      action: "members.revoke",
      entityType: "project_member",
      entityId: `${input.projectId}:${input.userId}`,
      projectId: input.projectId,
      changes: { role: { before: removed.role, after: null } },
    });
    return { changed: true };
  },
});

async function assertProjectExists(db: Db, projectId: string) {
  const [project] = await db.select({ id: projects.id }).from(projects).where(eq(projects.id, projectId)).limit(1);
  if (!project) throw new UseCaseError("not_found");
}
