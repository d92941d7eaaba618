import { aliasedTable, asc, eq, and, count, desc, sql } from "drizzle-orm";
import { z } from "zod";
import {
  institutions,
  type Institution,
  attendance,
  bodyMemberships,
  coordinationBodies,
  participantAffiliations,
  participantNameKeys,
  participants,
  workshopInvitations,
  findingInstitutions,
  actionInstitutions,
  workshops,
} from "@/db/schema";
import type { ExportFormat } from "@/lib/spreadsheets/write";
import { sortable, toSearchText } from "@/lib/search-text";
import { defineUseCase, type Page } from "@/lib/use-case";
import {
  exportInstitutionsInput,
  listInstitutionsInput,
  createInstitutionInput,
  institutionIdInput,
  mergeInstitutionsInput,
  setInstitutionActiveInput,
  updateInstitutionInput,
  editableFields,
} from "./schemas";
import { institutionFilters, insertInstitution } from "./queries";
import {
  exportInstitutionsOutput,
  createInstitutionOutput,
  getInstitutionOutput,
  listInstitutionsOutput,
  mergeInstitutionsOutput,
  setInstitutionActiveOutput,
  updateInstitutionOutput,
} from "./responses";
import type { Db } from "@/db/client";
import { diffFields, recordAudit } from "@/lib/audit";
import { inProjectsWithRole, type ProjectAccess } from "@/lib/authz";
import { can } from "@/lib/policy";
import { UseCaseError } from "@/lib/result";
import { nextVersion, updateVersioned } from "@/lib/audited-write";

export type InstitutionSummary = Pick<Institution, "id" | "name" | "acronym" | "country" | "sector" | "kind" | "level" | "isActive"> & {
  parentName: string | null;
};

export const listInstitutions = defineUseCase({
  name: "institutions.list",
  http: { method: "get", path: "/institutions", response: listInstitutionsOutput },
  access: { kind: "directory", permission: "directory.read" },
  input: listInstitutionsInput,
  write: false,
  async run(ctx, input): Promise<Page<InstitutionSummary>> {
    const parent = aliasedTable(institutions, "parent");
    const where = institutionFilters(ctx, input);
    const order = input.dir === "asc" ? asc : desc;
    const [items, [total]] = await Promise.all([
      ctx.db
        .select({
          id: institutions.id,
          name: institutions.name,
          acronym: institutions.acronym,
          country: institutions.country,
          sector: institutions.sector,
          kind: institutions.kind,
          level: institutions.level,
          isActive: institutions.isActive,
          parentName: parent.name,
        })
        .from(institutions)
        .leftJoin(parent, eq(parent.id, institutions.parentId))
        .where(where)
        .orderBy(order(sortable(institutions[input.sort])), asc(sortable(institutions.name)), asc(institutions.id))
        .limit(input.pageSize)
        .offset((input.page - 1) * input.pageSize),
      ctx.db.select({ n: count() }).from(institutions).where(where),
    ]);
    return { items, total: total?.n ?? 0, page: input.page, pageSize: input.pageSize };
  },
});

/** What the user may do in the directory, so screens offer only the actions that will succeed. */
export const getDirectoryPermissions = defineUseCase({
  name: "directory.permissions",
  access: { kind: "directory", permission: "directory.read" },
  input: z.object({}),
  write: false,
  async run(ctx) {
    return permissionsFor(ctx.access);
  },
});

export const getInstitution = defineUseCase({
  name: "institutions.get",
  http: { method: "get", path: "/institutions/{institutionId}", response: getInstitutionOutput },
  access: { kind: "directory", permission: "directory.read" },
  input: institutionIdInput,
  write: false,
  async run(ctx, input) {
    const institution = await loadInstitution(ctx.db, input.institutionId);
    const [parent, children, bodies, attended] = await Promise.all([
      institution.parentId ? loadInstitution(ctx.db, institution.parentId) : null,
      ctx.db
        .select({ id: institutions.id, name: institutions.name, acronym: institutions.acronym, isActive: institutions.isActive })
        .from(institutions)
        .where(eq(institutions.parentId, institution.id))
        .orderBy(asc(institutions.name)),
      ctx.db
        .select({
          membershipId: bodyMemberships.id,
          bodyId: coordinationBodies.id,
          name: coordinationBodies.name,
          acronym: coordinationBodies.acronym,
          startDate: bodyMemberships.startDate,
          endDate: bodyMemberships.endDate,
        })
        .from(bodyMemberships)
        .innerJoin(coordinationBodies, eq(coordinationBodies.id, bodyMemberships.bodyId))
        .where(eq(bodyMemberships.institutionId, institution.id))
        .orderBy(asc(coordinationBodies.name), desc(bodyMemberships.startDate)),
      // Workshops its people attended (as its staff on the day), in the projects the user belongs to.
      ctx.db
        .select({
          workshopId: workshops.id,
          projectId: workshops.projectId,
          title: workshops.title,
          startDate: workshops.startDate,
          endDate: workshops.endDate,
          people: sql<number>`count(distinct ${attendance.participantId})::int`,
        })
        .from(attendance)
        .innerJoin(workshops, eq(workshops.id, attendance.workshopId))
        .where(and(eq(attendance.institutionId, institution.id), inProjectsWithRole(ctx, workshops.projectId, "project.read")))
        .groupBy(workshops.id)
        .orderBy(desc(workshops.startDate)),
    ]);
    const { canEdit, canCurate } = permissionsFor(ctx.access);
    return {
      institution,
      parent: parent && { id: parent.id, name: parent.name, acronym: parent.acronym },
      children,
      bodies,
      workshops: attended,
      canEdit,
      canCurate,
    };
  },
});

export const createInstitution = defineUseCase({
  name: "institutions.create",
  http: { method: "post", path: "/institutions", status: 201, response: createInstitutionOutput },
  access: { kind: "directory", permission: "directory.edit" },
  input: createInstitutionInput,
  write: true,
  async run(ctx, input) {
    if (input.parentId) await loadParent(ctx.db, input.parentId);
    return insertInstitution(ctx.db, ctx.user.id, input);
  },
});

export const updateInstitution = defineUseCase({
  name: "institutions.update",
  http: { method: "patch", path: "/institutions/{institutionId}", response: updateInstitutionOutput },
  access: { kind: "directory", permission: "directory.edit" },
  input: updateInstitutionInput,
  write: true,
  async run(ctx, input) {
    const { institutionId, version, ...fields } = input;
    const before = await loadInstitution(ctx.db, institutionId);
    if (fields.parentId) {
      await loadParent(ctx.db, fields.parentId);
      if (await isSelfOrDescendant(ctx.db, fields.parentId, institutionId)) {
        throw new UseCaseError("invalid", { parentId: { key: "parentCycle" } });
      }
    }
    return updateVersioned(ctx, institutions, {
      before,
      version,
      set: { ...fields, searchText: toSearchText(fields.name, fields.acronym) },
      audit: { action: "institutions.update", entityType: "institution", fields: editableFields },
    });
  },
});

export const setInstitutionActive = defineUseCase({
  name: "institutions.setActive",
  http: { method: "put", path: "/institutions/{institutionId}/active", response: setInstitutionActiveOutput },
  access: { kind: "directory", permission: "directory.curate" },
  input: setInstitutionActiveInput,
  write: true,
  async run(ctx, input) {
    const before = await loadInstitution(ctx.db, input.institutionId);
    if (before.isActive === input.isActive) return { changed: false };
    await ctx.db
      .update(institutions)
      .set({ isActive: input.isActive, ...nextVersion(institutions) })
      .where(eq(institutions.id, input.institutionId));
    await recordAudit(ctx.db, {
      actorId: ctx.user.id,
      action: "institutions.setActive",
      entityType: "institution",
      entityId: input.institutionId,
      changes: { isActive: { before: before.isActive, after: input.isActive } },
    });
    return { changed: true };
  },
});

/**
 * Folds a duplicate record (source) into the one that stays (target): its sub-institutions and
 * body memberships move over, blank fields of the target are filled from it, and it is deleted.
 */
export const mergeInstitutions = defineUseCase({
  name: "institutions.merge",
  http: { method: "post", path: "/institutions/{institutionId}/merge", rename: { institutionId: "sourceId" }, response: mergeInstitutionsOutput },
  access: { kind: "directory", permission: "directory.curate" },
  input: mergeInstitutionsInput,
  write: true,
  async run(ctx, input) {
    const source = await loadInstitution(ctx.db, input.sourceId);
    const target = await loadInstitution(ctx.db, input.targetId);
    if (await isSelfOrDescendant(ctx.db, target.id, source.id)) {
      throw new UseCaseError("invalid", { targetId: { key: "mergeIntoDescendant" } });
    }
    const children = await ctx.db
      .update(institutions)
      .set({ parentId: target.id, updatedAt: new Date() })
      .where(eq(institutions.parentId, source.id))
      .returning({ id: institutions.id });
    // A membership the target already has (same body, same start) is not copied twice; the copy
    // that stays keeps the later end, so an open membership is never closed by a merge.
    await ctx.db.execute(sql`
      update ${bodyMemberships} t
      set end_date = case when s.end_date is null or t.end_date is null then null else greatest(s.end_date, t.end_date) end
      from ${bodyMemberships} s
      where s.institution_id = ${source.id} and t.institution_id = ${target.id}
        and s.body_id = t.body_id and s.start_date = t.start_date`);
    await ctx.db.execute(sql`
      delete from ${bodyMemberships} s
      using ${bodyMemberships} t
      where s.institution_id = ${source.id} and t.institution_id = ${target.id}
        and s.body_id = t.body_id and s.start_date = t.start_date`);
    const memberships = await ctx.db
      .update(bodyMemberships)
      .set({ institutionId: target.id })
      .where(eq(bodyMemberships.institutionId, source.id))
      .returning({ id: bodyMemberships.id });
    // People who work (or worked) there move too; deleting the source would otherwise orphan them.
    const people = await ctx.db.update(participants).set({ institutionId: target.id }).where(eq(participants.institutionId, source.id)).returning({ id: participants.id });
    await ctx.db.update(participantAffiliations).set({ institutionId: target.id }).where(eq(participantAffiliations.institutionId, source.id));
    await ctx.db.update(participantNameKeys).set({ institutionId: target.id }).where(eq(participantNameKeys.institutionId, source.id));
    // Attendance keeps counting for the merged institution; an invitation to both stays one.
    const attended = await ctx.db.update(attendance).set({ institutionId: target.id }).where(eq(attendance.institutionId, source.id)).returning({ id: attendance.id });
    await ctx.db.execute(sql`
      insert into ${workshopInvitations} (workshop_id, institution_id)
      select workshop_id, ${target.id}::uuid from ${workshopInvitations} where institution_id = ${source.id}
      on conflict do nothing`);
    // Findings keep their evidence and actions their responsible institutions.
    await ctx.db.execute(sql`
      insert into ${findingInstitutions} (finding_id, institution_id, role)
      select finding_id, ${target.id}::uuid, role from ${findingInstitutions} where institution_id = ${source.id}
      on conflict do nothing`);
    await ctx.db.execute(sql`
      insert into ${actionInstitutions} (action_id, institution_id)
      select action_id, ${target.id}::uuid from ${actionInstitutions} where institution_id = ${source.id}
      on conflict do nothing`);
    const filled = {
      acronym: target.acronym || source.acronym,
      city: target.city || source.city,
      website: target.website || source.website,
    };
    const [after] = await ctx.db
      .update(institutions)
      .set({
        ...filled,
        searchText: toSearchText(target.name, filled.acronym),
        ...nextVersion(institutions),
      })
      .where(eq(institutions.id, target.id))
      .returning();
    await ctx.db.delete(institutions).where(eq(institutions.id, source.id));
    await recordAudit(ctx.db, {
      actorId: ctx.user.id,
      action: "institutions.merge",
      entityType: "institution",
      entityId: target.id,
      changes: {
        ...diffFields(target, after!, editableFields),
        mergedFrom: { before: { id: source.id, name: source.name, acronym: source.acronym }, after: null },
        movedChildren: { before: null, after: children.length },
        movedMemberships: { before: null, after: memberships.length },
        movedParticipants: { before: null, after: people.length },
        movedAttendance: { before: null, after: attended.length },
      },
    });
    return { institution: after!, movedChildren: children.length, movedMemberships: memberships.length };
  },
});

function permissionsFor(access: ProjectAccess | null) {
  return { canEdit: can(access, "directory.edit"), canCurate: can(access, "directory.curate") };
}

async function loadInstitution(db: Db, institutionId: string): Promise<Institution> {
  const [row] = await db.select().from(institutions).where(eq(institutions.id, institutionId)).limit(1);
  if (!row) throw new UseCaseError("not_found");
  return row;
}

async function loadParent(db: Db, parentId: string): Promise<void> {
  const [row] = await db.select({ id: institutions.id }).from(institutions).where(eq(institutions.id, parentId)).limit(1);
  if (!row) throw new UseCaseError("invalid", { parentId: { key: "unknownInstitution" } });
}

/** Whether `candidateId` is `rootId` or one of its descendants, walking up from the candidate. */
async function isSelfOrDescendant(db: Db, candidateId: string, rootId: string): Promise<boolean> {
  const seen = new Set<string>();
  for (let id: string | null = candidateId; id && !seen.has(id); ) {
    if (id === rootId) return true;
    seen.add(id);
    const [row] = await db.select({ parentId: institutions.parentId }).from(institutions).where(eq(institutions.id, id)).limit(1);
    id = row?.parentId ?? null;
  }
  return false;
}

export const maxExportRows = 50_000;

export const institutionExportColumns = ["name", "acronym", "country", "sector", "kind", "level", "parent", "city", "website"] as const;

export type InstitutionExportRow = Pick<Institution, "name" | "acronym" | "country" | "sector" | "kind" | "level" | "city" | "website"> & {
  parent: string | null;
};

export const exportInstitutions = defineUseCase({
  name: "institutions.export",
  http: { method: "get", path: "/institutions/export", response: exportInstitutionsOutput },
  access: { kind: "directory", permission: "directory.read" },
  input: exportInstitutionsInput,
  write: false,
  async run(ctx, input): Promise<{ format: ExportFormat; rows: InstitutionExportRow[] }> {
    const parent = aliasedTable(institutions, "parent");
    const rows = await ctx.db
      .select({
        name: institutions.name,
        acronym: institutions.acronym,
        country: institutions.country,
        sector: institutions.sector,
        kind: institutions.kind,
        level: institutions.level,
        parent: parent.name,
        city: institutions.city,
        website: institutions.website,
      })
      .from(institutions)
      .leftJoin(parent, eq(parent.id, institutions.parentId))
      .where(institutionFilters(ctx, input))
      .orderBy(asc(sortable(institutions.name)))
      .limit(maxExportRows);
    return { format: input.format, rows };
  },
});
