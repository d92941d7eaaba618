import { aliasedTable, and, asc, count, desc, eq, ilike, inArray, isNull, type SQL, sql } from "drizzle-orm";
import type { z } from "zod";
import type { Db } from "@/db/client";
import {
  attendance,
  institutions,
  participantAffiliations,
  participantNameKeys,
  participantProjects,
  participants,
  projects,
  workshops,
  type Participant,
} from "@/db/schema";
import { recordAccess } from "@/lib/access-recording";
import { diffFields, recordAudit } from "@/lib/audit";
import { inProjectsWithRole, requireParticipantRole, requireStaffProject } from "@/lib/authz";
import { assertInstitutions } from "@/lib/institutions/use-cases";
import { UseCaseError } from "@/lib/result";
import { containsPattern, sortable, toSearchText } from "@/lib/search-text";
import { can } from "@/lib/policy";
import { defineUseCase, type Page, type UseCaseCtx } from "@/lib/use-case";
import { updateVersioned } from "@/lib/versioned-update";
import { isFullKey, participantNameKeys as nameKeysFor, participantSearchText, phoneKey } from "./names";
import { createParticipantInput, listParticipantsInput, participantIdInput, updateParticipantInput } from "./schemas";
import { visibleParticipants } from "./visibility";
import { createParticipantOutput, getParticipantOutput, listParticipantsOutput, updateParticipantOutput } from "./responses";

export const personalFields = ["givenNames", "familyNames", "position", "email", "phone", "preferredLanguage"] as const;
const editableFields = [...personalFields, "sex", "institutionId", "consentDate", "consentForm"] as const;

const today = () => new Date().toISOString().slice(0, 10);

export type ParticipantSummary = Pick<Participant, "id" | "givenNames" | "familyNames" | "sex" | "position" | "isErased"> & {
  institutionId: string | null;
  institutionName: string | null;
};

export const listParticipants = defineUseCase({
  name: "participants.list",
  http: { method: "get", path: "/participants", response: listParticipantsOutput },
  access: { kind: "directory", permission: "participants.read" },
  input: listParticipantsInput,
  write: false,
  async run(ctx, input): Promise<Page<ParticipantSummary>> {
    const where = await participantFilters(ctx, input);
    const order = input.dir === "asc" ? asc : desc;
    const [items, [total]] = await Promise.all([
      ctx.db
        .select({
          id: participants.id,
          givenNames: participants.givenNames,
          familyNames: participants.familyNames,
          sex: participants.sex,
          position: participants.position,
          isErased: participants.isErased,
          institutionId: participants.institutionId,
          institutionName: institutions.name,
        })
        .from(participants)
        .leftJoin(institutions, eq(institutions.id, participants.institutionId))
        .where(where)
        .orderBy(order(input.sort === "createdAt" ? participants.createdAt : sortable(participants[input.sort])), asc(sortable(participants.givenNames)), asc(participants.id))
        .limit(input.pageSize)
        .offset((input.page - 1) * input.pageSize),
      ctx.db.select({ n: count() }).from(participants).where(where),
    ]);
    await recordAccess(ctx, items.map((p) => ({ action: "participant.view" as const, resource: "participants.list", participantId: p.id })));
    return { items, total: total?.n ?? 0, page: input.page, pageSize: input.pageSize };
  },
});

/**
 * The conditions of a participant list (the user's visible people, search and filters), shared by
 * list and export. A project filter names one of the user's own projects: filtering by another
 * would tell which of the people they see that project knows.
 */
export async function participantFilters(ctx: UseCaseCtx, input: z.output<typeof listParticipantsInput>): Promise<SQL | undefined> {
  if (input.projectId) await requireStaffProject(ctx, input.projectId);
  const filters: SQL[] = [eq(participants.isErased, false)];
  const visible = visibleParticipants(ctx);
  if (visible) filters.push(visible);
  if (input.q) filters.push(ilike(participants.searchText, containsPattern(toSearchText(input.q))));
  if (input.institutionId) filters.push(eq(participants.institutionId, input.institutionId));
  if (input.sex) filters.push(eq(participants.sex, input.sex));
  if (input.projectId) {
    filters.push(
      inArray(participants.id, ctx.db.select({ id: participantProjects.participantId }).from(participantProjects).where(eq(participantProjects.projectId, input.projectId))),
    );
  }
  return and(...filters);
}

export const getParticipant = defineUseCase({
  name: "participants.get",
  http: { method: "get", path: "/participants/{participantId}", response: getParticipantOutput },
  access: { kind: "directory", permission: "participants.read" },
  input: participantIdInput,
  write: false,
  async run(ctx, input) {
    const role = await requireParticipantRole(ctx, [input.participantId], "participants.read");
    const participant = await loadVisibleParticipant(ctx, input.participantId);
    await recordAccess(ctx, { action: "participant.view", resource: "participants.get", participantId: participant.id });
    const ownProjects = inProjectsWithRole(ctx, participantProjects.projectId);
    const affiliationInstitution = aliasedTable(institutions, "affiliation_institution");
    const attendedInstitution = aliasedTable(institutions, "attended_institution");
    const [institution, affiliations, projectRows, attended] = await Promise.all([
      participant.institutionId
        ? ctx.db.select({ id: institutions.id, name: institutions.name }).from(institutions).where(eq(institutions.id, participant.institutionId)).then((r) => r[0] ?? null)
        : null,
      ctx.db
        .select({
          id: participantAffiliations.id,
          institutionId: participantAffiliations.institutionId,
          institutionName: affiliationInstitution.name,
          position: participantAffiliations.position,
          startDate: participantAffiliations.startDate,
          endDate: participantAffiliations.endDate,
        })
        .from(participantAffiliations)
        .leftJoin(affiliationInstitution, eq(affiliationInstitution.id, participantAffiliations.institutionId))
        .where(eq(participantAffiliations.participantId, participant.id))
        .orderBy(desc(participantAffiliations.startDate)),
      // Projects other than the user's own are only counted: which they are is theirs to know.
      ctx.db
        .select({ id: projects.id, code: projects.code, name: projects.name, isOwn: sql<boolean>`${ownProjects ?? sql`true`}` })
        .from(participantProjects)
        .innerJoin(projects, eq(projects.id, participantProjects.projectId))
        .where(eq(participantProjects.participantId, participant.id))
        .orderBy(asc(projects.code)),
      // Days attended, in the workshops of the user's own projects.
      ctx.db
        .select({
          workshopId: workshops.id,
          projectId: workshops.projectId,
          title: workshops.title,
          day: attendance.day,
          institutionName: attendedInstitution.name,
        })
        .from(attendance)
        .innerJoin(workshops, eq(workshops.id, attendance.workshopId))
        .leftJoin(attendedInstitution, eq(attendedInstitution.id, attendance.institutionId))
        .where(
          and(
            eq(attendance.participantId, participant.id),
            inProjectsWithRole(ctx, workshops.projectId),
          ),
        )
        .orderBy(desc(attendance.day), asc(workshops.title)),
    ]);
    return {
      participant,
      institution,
      affiliations,
      projects: projectRows.filter((p) => p.isOwn).map((p) => ({ id: p.id, code: p.code, name: p.name })),
      alsoKnownElsewhere: projectRows.some((p) => !p.isOwn),
      attended,
      canCurate: can(role, "participants.curate"),
    };
  },
});

export const createParticipant = defineUseCase({
  name: "participants.create",
  http: { method: "post", path: "/participants", status: 201, response: createParticipantOutput },
  access: { kind: "project", permission: "participants.edit" },
  input: createParticipantInput,
  write: true,
  async run(ctx, input) {
    const { projectId, id, ...fields } = input;
    if (fields.institutionId) await assertInstitutions(ctx.db, [fields.institutionId], "institutionId");
    if (id) {
      // A retried create from a device: the first one already landed in this project, so answer
      // with it. An id taken elsewhere is refused, never linked: that would reveal someone else.
      const [existing] = await ctx.db.select({ id: participants.id }).from(participants).where(eq(participants.id, id));
      if (existing) {
        const [sameProject] = await ctx.db
          .select()
          .from(participants)
          .innerJoin(participantProjects, eq(participantProjects.participantId, participants.id))
          .where(and(eq(participants.id, id), eq(participantProjects.projectId, projectId)));
        if (!sameProject) throw new UseCaseError("conflict");
        return sameProject.participants;
      }
    }
    return insertParticipant(ctx.db, ctx.user.id, projectId, fields, id);
  },
});

type ParticipantFields = Omit<z.output<typeof createParticipantInput>, "projectId" | "id">;

/** Creates a person in a project with their first affiliation, name keys and audit entry (create and import). */
export async function insertParticipant(db: Db, actorId: string, projectId: string, fields: ParticipantFields, id?: string): Promise<Participant> {
  const consentRecordedById = fields.consentDate ? actorId : null;
  const [created] = await db
    .insert(participants)
    .values({
      ...(id ? { id } : {}),
      ...fields,
      consentRecordedById,
      searchText: participantSearchText(fields.givenNames, fields.familyNames),
      phoneKey: phoneKey(fields.phone),
    })
    .returning();
  await db.insert(participantProjects).values({ participantId: created!.id, projectId });
  await db.insert(participantAffiliations).values({ participantId: created!.id, institutionId: fields.institutionId, position: fields.position, startDate: today() });
  await writeNameKeys(db, created!);
  await recordAudit(db, {
    actorId,
    action: "participant.create",
    entityType: "participant",
    entityId: created!.id,
    projectId,
    changes: diffFields(null, created!, editableFields),
  });
  return created!;
}

export const updateParticipant = defineUseCase({
  name: "participants.update",
  http: { method: "patch", path: "/participants/{participantId}", response: updateParticipantOutput },
  access: { kind: "directory", permission: "participants.edit" },
  input: updateParticipantInput,
  write: true,
  async run(ctx, input) {
    const { participantId, version, ...fields } = input;
    const before = await loadVisibleParticipant(ctx, participantId);
    if (before.isErased) throw new UseCaseError("not_found");
    if (fields.institutionId) await assertInstitutions(ctx.db, [fields.institutionId], "institutionId");
    const consentChanged = fields.consentDate !== before.consentDate || fields.consentForm !== before.consentForm;
    const after = await updateVersioned(ctx, participants, {
      before,
      version,
      set: {
        ...fields,
        consentRecordedById: consentChanged ? (fields.consentDate ? ctx.user.id : null) : before.consentRecordedById,
        searchText: participantSearchText(fields.givenNames, fields.familyNames),
        phoneKey: phoneKey(fields.phone),
      },
      audit: { action: "participant.update", entityType: "participant", fields: editableFields },
    });
    if (before.institutionId !== after.institutionId || before.position !== after.position) {
      // The old job is kept as history; what happened before today keeps the institution of then.
      await ctx.db
        .update(participantAffiliations)
        .set({ endDate: today() })
        .where(and(eq(participantAffiliations.participantId, participantId), isNull(participantAffiliations.endDate)));
      await ctx.db.insert(participantAffiliations).values({ participantId, institutionId: after.institutionId, position: after.position, startDate: today() });
    }
    await writeNameKeys(ctx.db, after);
    return after;
  },
});

export async function loadVisibleParticipant(ctx: UseCaseCtx, participantId: string): Promise<Participant> {
  const visible = visibleParticipants(ctx);
  const [row] = await ctx.db
    .select()
    .from(participants)
    .where(visible ? and(eq(participants.id, participantId), visible) : eq(participants.id, participantId))
    .limit(1);
  if (!row) throw new UseCaseError("not_found");
  return row;
}

type KeyedParticipant = Pick<Participant, "id" | "givenNames" | "familyNames" | "sex" | "institutionId">;

export async function writeNameKeys(db: Db, participant: KeyedParticipant & Pick<Participant, "isErased">) {
  await db.delete(participantNameKeys).where(eq(participantNameKeys.participantId, participant.id));
  if (participant.isErased) return;
  await db.insert(participantNameKeys).values(nameKeyRows(participant));
}

/** The rows of participant_name_keys for one person (also used by the demo seed). */
export function nameKeyRows(participant: KeyedParticipant) {
  const keys = nameKeysFor(participant.givenNames, participant.familyNames);
  const hasFull = keys.some(isFullKey);
  const searchText = participantSearchText(participant.givenNames, participant.familyNames);
  const { sex, institutionId } = participant;
  return keys.map((key) => ({ participantId: participant.id, key, isFull: isFullKey(key), hasFull, searchText, sex, institutionId }));
}

