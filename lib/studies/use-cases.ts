import { and, asc, desc, eq, ne, sql } from "drizzle-orm";
import { findingInstitutions, findings, institutions, studies, studySources, workshops, type Study } from "@/db/schema";
import { recordAudit } from "@/lib/audit";
import { can } from "@/lib/policy";
import { UseCaseError } from "@/lib/result";
import { defineUseCase } from "@/lib/use-case";
import { insertAudited, updateVersioned } from "@/lib/audited-write";
import { projectIdInput } from "@/lib/zod-fields";
import { addSourceInput, createStudyInput, shareSourceInput, sourceIdInput, studyIdInput, updateStudyInput } from "./schemas";
import { addSourceOutput, createStudyOutput, getSourceFileOutput, getStudyOutput, listStudiesOutput, removeSourceOutput, shareSourceOutput, updateStudyOutput } from "./responses";
import { assertProjectWorkshops, loadStudy } from "./queries";

const editableFields = ["title", "periodStart", "periodEnd", "status", "methodology"] as const;

/**
 * Source files and links are the staff's working material. A partner sees that a source exists
 * (title, kind, date) and reaches its file or link only when a manager shared that source and the
 * study has left planning, as for the rest of what partners read.
 */
function partnerReachesSource(study: Pick<Study, "status">, source: { sharedWithPartners: boolean }): boolean {
  return source.sharedWithPartners && study.status !== "planning";
}

export const listStudies = defineUseCase({
  name: "studies.list",
  http: { method: "get", path: "/projects/{projectId}/studies", response: listStudiesOutput },
  access: { kind: "project", permission: "project.read" },
  input: projectIdInput,
  write: false,
  async run(ctx, input) {
    return ctx.db
      .select({
        id: studies.id,
        title: studies.title,
        periodStart: studies.periodStart,
        periodEnd: studies.periodEnd,
        status: studies.status,
        // Qualified by hand: selecting from one table, drizzle would write a bare "id" here.
        findings: sql<number>`(select count(*)::int from ${findings} f where f.study_id = ${studies}.id${can(ctx.access, "findings.readDrafts") ? sql`` : sql` and f.status <> 'draft'`})`,
      })
      .from(studies)
      .where(eq(studies.projectId, input.projectId))
      .orderBy(desc(studies.periodStart), asc(studies.title), asc(studies.id));
  },
});

export const getStudy = defineUseCase({
  name: "studies.get",
  http: { method: "get", path: "/projects/{projectId}/studies/{studyId}", response: getStudyOutput },
  access: { kind: "project", permission: "project.read" },
  input: studyIdInput,
  write: false,
  async run(ctx, input) {
    const study = await loadStudy(ctx, input.projectId, input.studyId);
    const sources = await ctx.db
      .select({
        id: studySources.id,
        kind: studySources.kind,
        title: studySources.title,
        date: studySources.date,
        url: studySources.url,
        workshopId: studySources.workshopId,
        workshopTitle: workshops.title,
        fileName: studySources.fileName,
        fileSize: studySources.fileSize,
        sharedWithPartners: studySources.sharedWithPartners,
      })
      .from(studySources)
      .leftJoin(workshops, eq(workshops.id, studySources.workshopId))
      .where(eq(studySources.studyId, study.id))
      .orderBy(asc(studySources.date), asc(studySources.title), asc(studySources.id));
    const visibleSources = can(ctx.access, "studies.readSources")
      ? sources
      : sources.map((s) => (partnerReachesSource(study, s) ? s : { ...s, url: null, fileName: null, fileSize: null }));
    // The institutions behind the study's findings, to filter them by (partners do not read drafts).
    const evidenceInstitutions = await ctx.db
      .selectDistinct({ id: institutions.id, name: institutions.name })
      .from(findingInstitutions)
      .innerJoin(findings, eq(findings.id, findingInstitutions.findingId))
      .innerJoin(institutions, eq(institutions.id, findingInstitutions.institutionId))
      .where(and(eq(findings.studyId, study.id), can(ctx.access, "findings.readDrafts") ? undefined : ne(findings.status, "draft")))
      .orderBy(asc(institutions.name));
    return { study, sources: visibleSources, evidenceInstitutions, canEdit: can(ctx.access, "studies.edit") };
  },
});

export const createStudy = defineUseCase({
  name: "studies.create",
  http: { method: "post", path: "/projects/{projectId}/studies", status: 201, response: createStudyOutput },
  access: { kind: "project", permission: "studies.edit" },
  input: createStudyInput,
  write: true,
  async run(ctx, input) {
    return insertAudited(ctx.db, ctx.user.id, studies, {
      values: input,
      audit: { action: "studies.create", entityType: "study", projectId: input.projectId, fields: editableFields },
    });
  },
});

export const updateStudy = defineUseCase({
  name: "studies.update",
  http: { method: "patch", path: "/projects/{projectId}/studies/{studyId}", response: updateStudyOutput },
  access: { kind: "project", permission: "studies.edit" },
  input: updateStudyInput,
  write: true,
  async run(ctx, input) {
    const { projectId, studyId, version, ...fields } = input;
    const before = await loadStudy(ctx, projectId, studyId);
    return updateVersioned(ctx, studies, { before, version, set: fields, audit: { action: "studies.update", entityType: "study", projectId, fields: editableFields } });
  },
});

/** A workshop, an interview or a document the study draws on, with a link or a file of up to 20 MB. */
export const addSource = defineUseCase({
  name: "studies.addSource",
  http: { method: "post", path: "/projects/{projectId}/studies/{studyId}/sources", status: 201, response: addSourceOutput },
  access: { kind: "project", permission: "studies.edit" },
  input: addSourceInput,
  write: true,
  async run(ctx, input) {
    const study = await loadStudy(ctx, input.projectId, input.studyId);
    if (input.workshopId) await assertProjectWorkshops(ctx, input.projectId, [input.workshopId], "workshopId");
    const { file } = input;
    const [source] = await ctx.db
      .insert(studySources)
      .values({
        studyId: study.id,
        kind: input.kind,
        title: input.title,
        date: input.date,
        url: input.url,
        workshopId: input.workshopId,
        ...(file ? { fileName: file.name, fileType: file.type, fileSize: file.data.byteLength, fileData: file.data } : {}),
      })
      .returning({ id: studySources.id, title: studySources.title, fileSize: studySources.fileSize });
    await recordAudit(ctx.db, {
      actorId: ctx.user.id,
      action: "studies.addSource",
      entityType: "study",
      entityId: study.id,
      projectId: input.projectId,
      changes: { source: { before: null, after: input.title }, file: { before: null, after: file?.name ?? null } },
    });
    return source!;
  },
});

/** A manager opens a source's file and link to the project's partners, or closes them again. */
export const shareSource = defineUseCase({
  name: "studies.shareSource",
  http: { method: "patch", path: "/projects/{projectId}/studies/{studyId}/sources/{sourceId}", response: shareSourceOutput },
  access: { kind: "project", permission: "studies.edit" },
  input: shareSourceInput,
  write: true,
  async run(ctx, input) {
    const study = await loadStudy(ctx, input.projectId, input.studyId);
    const [before] = await ctx.db
      .select({ title: studySources.title, sharedWithPartners: studySources.sharedWithPartners })
      .from(studySources)
      .where(and(eq(studySources.id, input.sourceId), eq(studySources.studyId, study.id)));
    if (!before) throw new UseCaseError("not_found");
    if (before.sharedWithPartners === input.sharedWithPartners) return { sharedWithPartners: before.sharedWithPartners, changed: false };
    await ctx.db.update(studySources).set({ sharedWithPartners: input.sharedWithPartners }).where(eq(studySources.id, input.sourceId));
    await recordAudit(ctx.db, {
      actorId: ctx.user.id,
      action: "studies.shareSource",
      entityType: "study",
      entityId: study.id,
      projectId: input.projectId,
      changes: { [`source:${input.sourceId}`]: { before: before.sharedWithPartners, after: input.sharedWithPartners } },
    });
    return { sharedWithPartners: input.sharedWithPartners, changed: true };
  },
});

export const removeSource = defineUseCase({
  name: "studies.removeSource",
  http: { method: "delete", path: "/projects/{projectId}/studies/{studyId}/sources/{sourceId}", response: removeSourceOutput },
  access: { kind: "project", permission: "studies.edit" },
  input: sourceIdInput,
  write: true,
  async run(ctx, input) {
    const study = await loadStudy(ctx, input.projectId, input.studyId);
    const [removed] = await ctx.db
      .delete(studySources)
      .where(and(eq(studySources.id, input.sourceId), eq(studySources.studyId, study.id)))
      .returning({ title: studySources.title });
    if (!removed) throw new UseCaseError("not_found");
    await recordAudit(ctx.db, {
      actorId: ctx.user.id,
      action: "studies.removeSource",
      entityType: "study",
      entityId: study.id,
      projectId: input.projectId,
      changes: { source: { before: removed.title, after: null } },
    });
    return { removed: true };
  },
});

/** An uploaded source's file, for download. */
export const getSourceFile = defineUseCase({
  name: "studies.sourceFile",
  http: { method: "get", path: "/projects/{projectId}/studies/{studyId}/sources/{sourceId}/file", response: getSourceFileOutput },
  access: { kind: "project", permission: "project.read" },
  input: sourceIdInput,
  write: false,
  async run(ctx, input) {
    const study = await loadStudy(ctx, input.projectId, input.studyId);
    const [file] = await ctx.db
      .select({ name: studySources.fileName, type: studySources.fileType, data: studySources.fileData, sharedWithPartners: studySources.sharedWithPartners })
      .from(studySources)
      .where(and(eq(studySources.id, input.sourceId), eq(studySources.studyId, study.id)));
    if (!file?.data || !file.name || !file.type) throw new UseCaseError("not_found");
    // A file the partner may not reach does not exist for them, as anything outside their scope.
    if (!can(ctx.access, "studies.readSources") && !partnerReachesSource(study, file)) throw new UseCaseError("not_found");
    // The drivers hand bytea back as a Buffer (postgres.js) or a plain Uint8Array (PGlite).
    return { name: file.name, type: file.type, data: Buffer.from(file.data) };
  },
});
