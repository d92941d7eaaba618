import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { projectMembers, projects, users, type ProjectRole } from "@/db/schema";
import { hashPassword } from "@/lib/auth/password";
import { toSessionUser } from "@/lib/auth/sign-in";
import type { Ctx } from "@/lib/session-user";

export const worldPassword = "correct horse battery";

export const roleNames = ["anonymous", "admin", "manager", "field", "partner", "partner2", "outsider", "split", "loner"] as const;
export type RoleName = (typeof roleNames)[number];

export type World = {
  db: Db;
  projectId: string;
  otherProjectId: string;
  userIds: Record<Exclude<RoleName, "anonymous">, string>;
  ctx: (role: RoleName) => Promise<Ctx>;
};

let counter = 0;

/**
 * One project with a manager, a field staff member and two partners (two organisations); an
 * "outsider" who manages another project; a "split" user, manager of that other project and only
 * field staff of the first; a "loner" with an account but no project; and an admin. Each call
 * makes fresh rows, so tests never share state.
 */
export async function createWorld(db: Db): Promise<World> {
  const tag = `${Date.now().toString(36)}${(counter++).toString(36)}`;
  const passwordHash = await hashPassword(worldPassword);
  const [project, otherProject] = await db
    .insert(projects)
    .values([
      { code: `P-${tag}`, name: { original: "en", en: `Project ${tag}` }, country: "HN", startDate: "2019-01-01", endDate: "2022-12-31", status: "active" },
      { code: `O-${tag}`, name: { original: "en", en: `Other ${tag}` }, country: "CR", startDate: "2015-01-01", endDate: "2018-12-31", status: "closed" },
    ])
    .returning({ id: projects.id });
  const makeUser = async (name: string, isAdmin = false) => {
    const [row] = await db
      .insert(users)
      .values({ email: `${name}-${tag}@test.example`, name: `${name} ${tag}`, passwordHash, isAdmin, locale: "en" })
      .returning({ id: users.id });
    return row!.id;
  };
  const userIds = {
    admin: await makeUser("admin", true),
    manager: await makeUser("manager"),
    field: await makeUser("field"),
    partner: await makeUser("partner"),
    partner2: await makeUser("partner2"),
    outsider: await makeUser("outsider"),
    split: await makeUser("split"),
    loner: await makeUser("loner"),
  };
  const memberships: { projectId: string; userId: string; role: ProjectRole }[] = [
    { projectId: project!.id, userId: userIds.manager, role: "manager" },
    { projectId: project!.id, userId: userIds.field, role: "field" },
    { projectId: project!.id, userId: userIds.partner, role: "partner" },
    { projectId: project!.id, userId: userIds.partner2, role: "partner" },
    { projectId: project!.id, userId: userIds.split, role: "field" },
    { projectId: otherProject!.id, userId: userIds.outsider, role: "manager" },
    { projectId: otherProject!.id, userId: userIds.split, role: "manager" },
  ];
  await db.insert(projectMembers).values(memberships);
  return {
    db,
    projectId: project!.id,
    otherProjectId: otherProject!.id,
    userIds,
    async ctx(role) {
      if (role === "anonymous") return { db, user: null };
      const [user] = await db.select().from(users).where(eq(users.id, userIds[role]));
      return { db, user: toSessionUser(user!) };
    },
  };
}
