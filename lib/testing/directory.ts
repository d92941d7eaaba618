import { asc, count } from "drizzle-orm";
import type { Db } from "@/db/client";
import { auditEntries, bodyMemberships, coordinationBodies, institutions, projectMembers, type CoordinationBody, type Institution, type ProjectRole } from "@/db/schema";
import type { CreateBodyInput, UpdateBodyInput } from "@/lib/bodies/schemas";
import type { CreateInstitutionInput, UpdateInstitutionInput } from "@/lib/institutions/schemas";
import type { Ctx } from "@/lib/session-user";
import { ctxFor, insertUser, uniqueTag } from "./helpers";

/** A valid institution form; every call names a new institution. */
export const institutionForm = (overrides: Partial<CreateInstitutionInput> = {}): CreateInstitutionInput => ({
  name: `Institution ${uniqueTag()}`,
  acronym: "",
  country: "HN",
  sector: "state",
  kind: "ministry",
  level: "national",
  ...overrides,
});

/** The edit form of an institution as loaded, with some fields changed. */
export const institutionEditForm = (institution: Institution, overrides: Partial<UpdateInstitutionInput> = {}): UpdateInstitutionInput => ({
  institutionId: institution.id,
  version: institution.version,
  name: institution.name,
  acronym: institution.acronym,
  country: institution.country,
  sector: institution.sector,
  kind: institution.kind,
  level: institution.level,
  parentId: institution.parentId,
  city: institution.city,
  website: institution.website,
  notes: institution.notes,
  ...overrides,
});

export const bodyForm = (overrides: Partial<CreateBodyInput> = {}): CreateBodyInput => ({
  name: `Body ${uniqueTag()}`,
  acronym: "",
  country: "HN",
  description: "",
  ...overrides,
});

export const bodyEditForm = (body: CoordinationBody, overrides: Partial<UpdateBodyInput> = {}): UpdateBodyInput => ({
  bodyId: body.id,
  version: body.version,
  name: body.name,
  acronym: body.acronym,
  country: body.country,
  description: body.description,
  ...overrides,
});

/** A calendar date `offsetDays` from today, as the services compute "today" (UTC). */
export function isoDate(offsetDays = 0): string {
  return new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);
}

/**
 * Every directory row (and the size of the audit trail), to show that a refused or failed write
 * left the directory exactly as it was, not merely with the same number of rows.
 */
export async function directoryState(db: Db) {
  const [audit] = await db.select({ n: count() }).from(auditEntries);
  return {
    institutions: await db.select().from(institutions).orderBy(asc(institutions.id)),
    bodies: await db.select().from(coordinationBodies).orderBy(asc(coordinationBodies.id)),
    memberships: await db.select().from(bodyMemberships).orderBy(asc(bodyMemberships.id)),
    auditEntries: Number(audit?.n ?? 0),
  };
}

/** A new account holding the given role in each given project. */
export async function userWithRoles(db: Db, roles: Record<string, ProjectRole>): Promise<Ctx> {
  const user = await insertUser(db);
  await db.insert(projectMembers).values(Object.entries(roles).map(([projectId, role]) => ({ projectId, userId: user.id, role })));
  return ctxFor(db, user.id);
}
