import { asc, eq, aliasedTable, and, count, desc, isNull, sql } from "drizzle-orm";
import { institutions, participants, attendance, participantAffiliations, participantProjects, projects, workshops, type Participant } from "@/db/schema";
import { recordAccess } from "@/lib/access-recording";
import { projectsWithRole, inProjectsWithRole, requireParticipantRole } from "@/lib/authz";
import { can, globalAccess } from "@/lib/policy";
import { sortable } from "@/lib/search-text";
import { defineUseCase, type UseCaseCtx, type Page } from "@/lib/use-case";
import { exportParticipantsInput, listParticipantsInput, createParticipantInput, editableFields, participantIdInput, updateParticipantInput } from "./schemas";
import { participantFilters, insertParticipant, loadVisibleParticipant } from "./queries";
import { exportParticipantsOutput, createParticipantOutput, getParticipantOutput, listParticipantsOutput, updateParticipantOutput } from "./responses";
import { assertInstitutions } from "@/lib/institutions/queries";
import { UseCaseError } from "@/lib/result";
import { updateVersioned } from "@/lib/audited-write";
import { participantSearchText, phoneKey } from "./names";
import { writeNameKeys } from "./name-keys";
import { today } from "@/lib/today";

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
    await recordAccess(
      ctx,
      items.map((p) => ({ action: "participant.view" as const, resource: "participants.list", participantId: p.id })),
    );
    return { items, total: total?.n ?? 0, page: input.page, pageSize: input.pageSize };
  },
});

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
        ? ctx.db
            .select({ id: institutions.id, name: institutions.name })
            .from(institutions)
            .where(eq(institutions.id, participant.institutionId))
            .then((r) => r[0] ?? null)
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
        .where(and(eq(attendance.participantId, participant.id), inProjectsWithRole(ctx, workshops.projectId)))
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
      audit: { action: "participants.update", entityType: "participant", fields: editableFields },
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

export const maxExportRows = 50_000;

export const participantExportColumns = ["familyNames", "givenNames", "sex", "institution", "position", "email", "phone", "consentDate", "consentForm"] as const;

/** The filtered list as rows for a spreadsheet; only staff reach it, and only for the people they may see. */
export const exportParticipants = defineUseCase({
  name: "participants.export",
  http: { method: "get", path: "/participants/export", response: exportParticipantsOutput },
  access: { kind: "directory", permission: "participants.read" },
  input: exportParticipantsInput,
  write: false,
  async run(ctx, input) {
    const where = await participantFilters(ctx, input);
    const rows = await ctx.db
      .select({
        familyNames: participants.familyNames,
        givenNames: participants.givenNames,
        sex: participants.sex,
        institution: institutions.name,
        position: participants.position,
        email: participants.email,
        phone: participants.phone,
        consentDate: participants.consentDate,
        consentForm: participants.consentForm,
      })
      .from(participants)
      .leftJoin(institutions, eq(institutions.id, participants.institutionId))
      .where(where)
      .orderBy(asc(sortable(participants.familyNames)), asc(sortable(participants.givenNames)))
      .limit(maxExportRows);
    const scope = await listScope(ctx, input.projectId);
    await recordAccess(
      ctx,
      scope.map((projectId) => ({ action: "file.download" as const, resource: "participants.export", projectId })),
    );
    return { format: input.format, rows };
  },
});

/**
 * The projects a downloaded list of people came from, so each person's page can show it: the
 * project filtered by; else every project where the user is staff; for an administrator's
 * unfiltered list, the whole directory (null).
 */
async function listScope(ctx: Pick<UseCaseCtx, "db" | "user">, projectId: string | undefined): Promise<(string | null)[]> {
  if (projectId) return [projectId];
  if (can(globalAccess(ctx.user), "project.readAll")) return [null];
  const rows = await projectsWithRole(ctx);
  return rows.map((r) => r.projectId);
}
