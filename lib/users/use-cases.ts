import { and, asc, count, desc, eq, ilike, or, type SQL } from "drizzle-orm";
import { mailMessages, projectMembers, projects, users } from "@/db/schema";
import { diffFields, recordAudit } from "@/lib/audit";
import { hashPassword } from "@/lib/auth/password";
import { createSignInLink, revokeSessions } from "@/lib/auth/sign-in";
import { queueInvitation } from "@/lib/mail/sign-in-mail";
import { UseCaseError } from "@/lib/result";
import { defineUseCase, type Page } from "@/lib/use-case";
import { createUserInput, listUsersInput, setUserActiveInput, userIdInput } from "./schemas";
import { createUserOutput, getUserOutput, listUsersOutput, setUserActiveOutput } from "./responses";

const userColumns = {
  id: users.id,
  name: users.name,
  email: users.email,
  locale: users.locale,
  isAdmin: users.isAdmin,
  isActive: users.isActive,
  mustChangePassword: users.mustChangePassword,
  createdAt: users.createdAt,
};

export type UserSummary = {
  id: string;
  name: string;
  email: string;
  locale: "fr" | "es" | "en";
  isAdmin: boolean;
  isActive: boolean;
  mustChangePassword: boolean;
  createdAt: Date;
};

export const listUsers = defineUseCase({
  name: "users.list",
  http: { method: "get", path: "/users", response: listUsersOutput },
  access: { kind: "admin" },
  input: listUsersInput,
  write: false,
  async run(ctx, input): Promise<Page<UserSummary>> {
    const filters: SQL[] = [];
    if (input.status !== "all") filters.push(eq(users.isActive, input.status === "active"));
    if (input.q) {
      const pattern = `%${input.q.replace(/[\\%_]/g, "\\$&")}%`;
      filters.push(or(ilike(users.name, pattern), ilike(users.email, pattern))!);
    }
    const where = filters.length ? and(...filters) : undefined;
    const [items, [total]] = await Promise.all([
      ctx.db
        .select(userColumns)
        .from(users)
        .where(where)
        .orderBy(asc(users.name), asc(users.email))
        .limit(input.pageSize)
        .offset((input.page - 1) * input.pageSize),
      ctx.db.select({ n: count() }).from(users).where(where),
    ]);
    return { items, total: total?.n ?? 0, page: input.page, pageSize: input.pageSize };
  },
});

export const getUser = defineUseCase({
  name: "users.get",
  http: { method: "get", path: "/users/{userId}", response: getUserOutput },
  access: { kind: "admin" },
  input: userIdInput,
  write: false,
  async run(ctx, input) {
    const [user] = await ctx.db.select(userColumns).from(users).where(eq(users.id, input.userId)).limit(1);
    if (!user) throw new UseCaseError("not_found");
    const memberships = await ctx.db
      .select({ projectId: projects.id, code: projects.code, name: projects.name, role: projectMembers.role })
      .from(projectMembers)
      .innerJoin(projects, eq(projects.id, projectMembers.projectId))
      .where(eq(projectMembers.userId, input.userId))
      .orderBy(asc(projects.code));
    // Whether the last invitation went out, so an administrator knows when to send it again.
    const [invitation] = await ctx.db
      .select({ status: mailMessages.status, createdAt: mailMessages.createdAt, sentAt: mailMessages.sentAt })
      .from(mailMessages)
      .where(and(eq(mailMessages.userId, input.userId), eq(mailMessages.kind, "invitation")))
      .orderBy(desc(mailMessages.createdAt))
      .limit(1);
    const [factor] = await ctx.db.select({ on: users.totpSecret }).from(users).where(eq(users.id, input.userId));
    return { user, memberships, invitation: invitation ?? null, secondFactor: Boolean(factor?.on) };
  },
});

export const createUser = defineUseCase({
  name: "users.create",
  http: { method: "post", path: "/users", status: 201, response: createUserOutput },
  access: { kind: "admin" },
  input: createUserInput,
  write: true,
  async run(ctx, input) {
    const [existing] = await ctx.db.select({ id: users.id }).from(users).where(eq(users.email, input.email)).limit(1);
    if (existing) throw new UseCaseError("invalid", { email: { key: "emailTaken" } });
    const isPassword = input.access === "password";
    const [user] = await ctx.db
      .insert(users)
      .values({
        name: input.name,
        email: input.email,
        locale: input.locale,
        isAdmin: input.isAdmin,
        passwordHash: isPassword ? await hashPassword(input.temporaryPassword!) : null,
        mustChangePassword: isPassword,
      })
      .returning(userColumns);
    const link = isPassword ? null : await createSignInLink(ctx.db, user!.id);
    const invitation = link ? await queueInvitation(ctx.db, user!, link.token) : null;
    await recordAudit(ctx.db, {
      actorId: ctx.user.id,
      action: "users.create",
      entityType: "user",
      entityId: user!.id,
      changes: { ...diffFields(null, user!, ["name", "email", "locale", "isAdmin", "isActive"]), ...(invitation ? { mail: { before: null, after: "invitation" } } : {}) },
    });
    return { user: user!, signInLink: link, invitation };
  },
});

export const setUserActive = defineUseCase({
  name: "users.setActive",
  http: { method: "patch", path: "/users/{userId}", response: setUserActiveOutput },
  access: { kind: "admin" },
  input: setUserActiveInput,
  write: true,
  async run(ctx, input) {
    if (input.userId === ctx.user.id && !input.isActive) {
      throw new UseCaseError("invalid", { isActive: { key: "cannotDeactivateSelf" } });
    }
    const [before] = await ctx.db.select({ isActive: users.isActive }).from(users).where(eq(users.id, input.userId));
    if (!before) throw new UseCaseError("not_found");
    if (before.isActive === input.isActive) return { changed: false };
    await ctx.db.update(users).set({ isActive: input.isActive, updatedAt: new Date() }).where(eq(users.id, input.userId));
    await revokeSessions(ctx.db, input.userId);
    await recordAudit(ctx.db, {
      actorId: ctx.user.id,
      action: "users.setActive",
      entityType: "user",
      entityId: input.userId,
      changes: { isActive: { before: before.isActive, after: input.isActive } },
    });
    return { changed: true };
  },
});

export const issueSignInLink = defineUseCase({
  name: "users.issueSignInLink",
  access: { kind: "admin" },
  input: userIdInput,
  write: true,
  async run(ctx, input) {
    const [user] = await ctx.db.select(userColumns).from(users).where(eq(users.id, input.userId));
    if (!user) throw new UseCaseError("not_found");
    if (!user.isActive) throw new UseCaseError("invalid", { userId: { key: "userInactive" } });
    const link = await createSignInLink(ctx.db, input.userId);
    const invitation = await queueInvitation(ctx.db, user, link.token);
    await recordAudit(ctx.db, {
      actorId: ctx.user.id,
      action: "users.issueSignInLink",
      entityType: "user",
      entityId: input.userId,
      changes: { signInLink: { before: null, after: link.expiresAt.toISOString() }, mail: { before: null, after: "invitation" } },
    });
    return { ...link, invitation };
  },
});
