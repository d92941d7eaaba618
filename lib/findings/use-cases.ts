import { and, asc, eq, inArray, sql, type SQL } from "drizzle-orm";
import { findingInstitutions, findings, findingSources, findingWorkshops, institutions, projectThemes, studySources, workshops, type Finding } from "@/db/schema";
import { findingThemes, type FindingTheme } from "@/db/schema/values";
import { changeOf, recordAudit } from "@/lib/audit";
import { UseCaseError } from "@/lib/result";
import { containsPattern, toSearchText } from "@/lib/search-text";
import { narrativeSearchText } from "@/lib/narrative-sql";
import { assertProjectWorkshops, loadStudy } from "@/lib/studies/queries";
import { can } from "@/lib/policy";
import { defineUseCase, type UseCaseCtx } from "@/lib/use-case";
import { insertAudited, updateVersioned } from "@/lib/audited-write";
import { visibleFindings } from "./queries";
import { assertResultsLinkable, linkedResultIds, linkedResults, resultLinksChange, writeResultLinks } from "@/lib/result-links/links";
import { createFindingInput, createProjectThemeInput, findingIdInput, listFindingsInput, updateFindingInput } from "./schemas";
import { z } from "zod";
import { createFindingOutput, createProjectThemeOutput, getFindingOutput, listFindingsOutput, listProjectThemesOutput, updateFindingOutput } from "./responses";

const isUsualTheme = (theme: string): theme is FindingTheme => (findingThemes as readonly string[]).includes(theme);

const editableFields = ["theme", "projectThemeId", "title", "description", "priority", "status"] as const;

/** Partners read findings once they leave the draft stage; the project's staff read them all. */
export const listFindings = defineUseCase({
  name: "findings.list",
  http: { method: "get", path: "/projects/{projectId}/studies/{studyId}/findings", response: listFindingsOutput },
  access: { kind: "project", permission: "project.read" },
  input: listFindingsInput,
  write: false,
  async run(ctx, input) {
    const study = await loadStudy(ctx, input.projectId, input.studyId);
    const filters: (SQL | undefined)[] = [eq(findings.studyId, study.id), visibleFindings(ctx)];
    if (input.theme) {
      const ownTheme = z.uuid().safeParse(input.theme);
      filters.push(isUsualTheme(input.theme) ? eq(findings.theme, input.theme) : ownTheme.success ? eq(findings.projectThemeId, ownTheme.data) : sql`false`);
    }
    if (input.priority) filters.push(eq(findings.priority, input.priority));
    if (input.status) filters.push(eq(findings.status, input.status));
    if (input.institutionId) {
      filters.push(
        inArray(findings.id, ctx.db.select({ id: findingInstitutions.findingId }).from(findingInstitutions).where(eq(findingInstitutions.institutionId, input.institutionId))),
      );
    }
    if (input.q) {
      // Accents and case aside, in whichever language it was written.
      const text = sql`${narrativeSearchText(findings.title)} || ' ' || ${narrativeSearchText(findings.description)}`;
      filters.push(sql`${text} like ${containsPattern(toSearchText(input.q))}`);
    }
    const priorityOrder = sql`case ${findings.priority} when 'high' then 0 when 'medium' then 1 else 2 end`;
    return ctx.db
      .select({
        id: findings.id,
        theme: findings.theme,
        projectThemeId: findings.projectThemeId,
        projectThemeName: projectThemes.name,
        title: findings.title,
        priority: findings.priority,
        status: findings.status,
        workshops: sql<number>`(select count(distinct e.workshop_id)::int from ${findingWorkshops} e where e.finding_id = ${findings.id})`,
        institutions: sql<number>`(select count(distinct e.institution_id)::int from ${findingInstitutions} e where e.finding_id = ${findings.id})`,
      })
      .from(findings)
      .leftJoin(projectThemes, eq(projectThemes.id, findings.projectThemeId))
      .where(and(...filters))
      .orderBy(priorityOrder, asc(findings.createdAt), asc(findings.id));
  },
});

async function loadFinding(ctx: UseCaseCtx, projectId: string, studyId: string, findingId: string): Promise<Finding> {
  const study = await loadStudy(ctx, projectId, studyId);
  const [finding] = await ctx.db
    .select()
    .from(findings)
    .where(and(eq(findings.id, findingId), eq(findings.studyId, study.id), visibleFindings(ctx)))
    .limit(1);
  if (!finding) throw new UseCaseError("not_found");
  return finding;
}

/** A finding with its evidence: workshops (and days), sources, and the institutions behind it. */
export const getFinding = defineUseCase({
  name: "findings.get",
  http: { method: "get", path: "/projects/{projectId}/studies/{studyId}/findings/{findingId}", response: getFindingOutput },
  access: { kind: "project", permission: "project.read" },
  input: findingIdInput,
  write: false,
  async run(ctx, input) {
    const finding = await loadFinding(ctx, input.projectId, input.studyId, input.findingId);
    const [evidenceWorkshops, sources, evidenceInstitutions, [theme], [outcome]] = await Promise.all([
      ctx.db
        .select({ workshopId: findingWorkshops.workshopId, day: findingWorkshops.day, title: workshops.title, startDate: workshops.startDate, endDate: workshops.endDate })
        .from(findingWorkshops)
        .innerJoin(workshops, eq(workshops.id, findingWorkshops.workshopId))
        .where(eq(findingWorkshops.findingId, finding.id))
        .orderBy(asc(workshops.startDate), asc(findingWorkshops.day)),
      ctx.db
        .select({ id: studySources.id, kind: studySources.kind, title: studySources.title, date: studySources.date })
        .from(findingSources)
        .innerJoin(studySources, eq(studySources.id, findingSources.sourceId))
        .where(eq(findingSources.findingId, finding.id))
        .orderBy(asc(studySources.title)),
      ctx.db
        .select({ institutionId: findingInstitutions.institutionId, role: findingInstitutions.role, name: institutions.name, acronym: institutions.acronym })
        .from(findingInstitutions)
        .innerJoin(institutions, eq(institutions.id, findingInstitutions.institutionId))
        .where(eq(findingInstitutions.findingId, finding.id))
        .orderBy(sql`${findingInstitutions.role} = 'concerned'`, asc(institutions.name)),
      finding.projectThemeId ? ctx.db.select({ name: projectThemes.name }).from(projectThemes).where(eq(projectThemes.id, finding.projectThemeId)) : Promise.resolve([]),
      linkedResults(ctx, "finding", finding.id),
    ]);
    return {
      finding,
      projectThemeName: theme?.name ?? null,
      workshops: evidenceWorkshops,
      sources,
      institutions: evidenceInstitutions,
      outcome: outcome ?? null,
      canEdit: can(ctx.access, "findings.edit"),
    };
  },
});

type Evidence = Pick<z.output<typeof createFindingInput>, "projectId" | "studyId" | "projectThemeId" | "workshops" | "sourceIds" | "institutions">;

/** Everything a finding points at must belong to its project and study. */
async function assertEvidence(ctx: UseCaseCtx, input: Evidence) {
  if (input.projectThemeId) {
    const [theme] = await ctx.db
      .select({ id: projectThemes.id })
      .from(projectThemes)
      .where(and(eq(projectThemes.id, input.projectThemeId), eq(projectThemes.projectId, input.projectId)));
    if (!theme) throw new UseCaseError("invalid", { theme: { key: "invalidChoice" } });
  }
  await assertProjectWorkshops(
    ctx,
    input.projectId,
    input.workshops.map((w) => w.workshopId),
    "workshops",
  );
  // A day named as evidence must be one of that workshop's days.
  const dated = input.workshops.filter((w) => w.day);
  if (dated.length) {
    const spans = await ctx.db
      .select({ id: workshops.id, startDate: workshops.startDate, endDate: workshops.endDate })
      .from(workshops)
      .where(inArray(workshops.id, [...new Set(dated.map((w) => w.workshopId))]));
    const outside = dated.some((w) => {
      const span = spans.find((x) => x.id === w.workshopId)!;
      return w.day! < span.startDate || w.day! > span.endDate;
    });
    if (outside) throw new UseCaseError("invalid", { workshops: { key: "dayNotInWorkshop" } });
  }
  const sourceIds = [...new Set(input.sourceIds)];
  if (sourceIds.length) {
    const found = await ctx.db
      .select({ id: studySources.id })
      .from(studySources)
      .where(and(eq(studySources.studyId, input.studyId), inArray(studySources.id, sourceIds)));
    if (found.length !== sourceIds.length) throw new UseCaseError("invalid", { sourceIds: { key: "notStudySource" } });
  }
  const institutionIds = [...new Set(input.institutions.map((i) => i.institutionId))];
  if (institutionIds.length) {
    const found = await ctx.db.select({ id: institutions.id }).from(institutions).where(inArray(institutions.id, institutionIds));
    if (found.length !== institutionIds.length) throw new UseCaseError("invalid", { institutions: { key: "unknownInstitution" } });
  }
}

async function writeEvidence(ctx: UseCaseCtx, findingId: string, input: Evidence) {
  await Promise.all([
    ctx.db.delete(findingWorkshops).where(eq(findingWorkshops.findingId, findingId)),
    ctx.db.delete(findingSources).where(eq(findingSources.findingId, findingId)),
    ctx.db.delete(findingInstitutions).where(eq(findingInstitutions.findingId, findingId)),
  ]);
  const workshopRows = [...new Map(input.workshops.map((w) => [`${w.workshopId}${w.day}`, { findingId, ...w }])).values()];
  const institutionRows = [...new Map(input.institutions.map((i) => [`${i.institutionId}${i.role}`, { findingId, ...i }])).values()];
  if (workshopRows.length) await ctx.db.insert(findingWorkshops).values(workshopRows);
  if (input.sourceIds.length) await ctx.db.insert(findingSources).values([...new Set(input.sourceIds)].map((sourceId) => ({ findingId, sourceId })));
  if (institutionRows.length) await ctx.db.insert(findingInstitutions).values(institutionRows);
}

/** A finding's evidence as stored, in the shape the form sends it. */
async function currentEvidence(ctx: UseCaseCtx, findingId: string): Promise<Pick<Evidence, "workshops" | "sourceIds" | "institutions">> {
  const [w, s, i] = await Promise.all([
    ctx.db.select({ workshopId: findingWorkshops.workshopId, day: findingWorkshops.day }).from(findingWorkshops).where(eq(findingWorkshops.findingId, findingId)),
    ctx.db.select({ sourceId: findingSources.sourceId }).from(findingSources).where(eq(findingSources.findingId, findingId)),
    ctx.db
      .select({ institutionId: findingInstitutions.institutionId, role: findingInstitutions.role })
      .from(findingInstitutions)
      .where(eq(findingInstitutions.findingId, findingId)),
  ]);
  return { workshops: w, sourceIds: s.map((x) => x.sourceId), institutions: i };
}

const evidenceSummary = (input: Pick<Evidence, "workshops" | "sourceIds" | "institutions">) => ({
  workshops: input.workshops.map((w) => (w.day ? `${w.workshopId}@${w.day}` : w.workshopId)).sort(),
  sources: [...input.sourceIds].sort(),
  institutions: input.institutions.map((i) => `${i.institutionId}:${i.role}`).sort(),
});

/** The evidence in the history only when it changed. */
export const createFinding = defineUseCase({
  name: "findings.create",
  http: { method: "post", path: "/projects/{projectId}/studies/{studyId}/findings", status: 201, response: createFindingOutput },
  access: { kind: "project", permission: "findings.edit" },
  input: createFindingInput,
  write: true,
  async run(ctx, input) {
    const study = await loadStudy(ctx, input.projectId, input.studyId);
    await assertEvidence(ctx, input);
    const outcomeIds = input.outcomeId ? [input.outcomeId] : [];
    await assertResultsLinkable(ctx, input.projectId, "finding", outcomeIds, "outcomeId");
    const { projectId, studyId: _studyId, workshops: _w, sourceIds: _s, institutions: _i, outcomeId: _o, ...fields } = input;
    const finding = await insertAudited(ctx.db, ctx.user.id, findings, {
      values: { ...fields, studyId: study.id, createdById: ctx.user.id },
      audit: {
        action: "findings.create",
        entityType: "finding",
        projectId,
        fields: editableFields,
        changes: { evidence: { before: null, after: evidenceSummary(input) }, ...resultLinksChange("outcome", null, outcomeIds) },
      },
    });
    await writeEvidence(ctx, finding.id, input);
    await writeResultLinks(ctx, "finding", finding.id, outcomeIds);
    return finding;
  },
});

export const updateFinding = defineUseCase({
  name: "findings.update",
  http: { method: "patch", path: "/projects/{projectId}/studies/{studyId}/findings/{findingId}", response: updateFindingOutput },
  access: { kind: "project", permission: "findings.edit" },
  input: updateFindingInput,
  write: true,
  async run(ctx, input) {
    const before = await loadFinding(ctx, input.projectId, input.studyId, input.findingId);
    await assertEvidence(ctx, input);
    const outcomeIds = input.outcomeId ? [input.outcomeId] : [];
    await assertResultsLinkable(ctx, input.projectId, "finding", outcomeIds, "outcomeId");
    const evidenceBefore = await currentEvidence(ctx, before.id);
    const { projectId, studyId: _studyId, findingId, version, workshops: _w, sourceIds: _s, institutions: _i, outcomeId: _o, ...fields } = input;
    const after = await updateVersioned(ctx, findings, {
      before,
      version,
      set: fields,
      audit: {
        action: "findings.update",
        entityType: "finding",
        projectId,
        fields: editableFields,
        changes: {
          ...changeOf("evidence", evidenceSummary(evidenceBefore), evidenceSummary(input)),
          ...resultLinksChange("outcome", await linkedResultIds(ctx, "finding", findingId), outcomeIds),
        },
      },
    });
    await writeEvidence(ctx, findingId, input);
    await writeResultLinks(ctx, "finding", findingId, outcomeIds);
    return after;
  },
});

/** A theme of the project's own, beside the usual ones. */
export const createProjectTheme = defineUseCase({
  name: "findings.createTheme",
  http: { method: "post", path: "/projects/{projectId}/themes", status: 201, response: createProjectThemeOutput },
  access: { kind: "project", permission: "findings.edit" },
  input: createProjectThemeInput,
  write: true,
  async run(ctx, input) {
    const [theme] = await ctx.db.insert(projectThemes).values(input).returning();
    await recordAudit(ctx.db, {
      actorId: ctx.user.id,
      action: "findings.createTheme",
      entityType: "project",
      entityId: input.projectId,
      projectId: input.projectId,
      changes: { theme: { before: null, after: input.name[input.name.original] ?? "" } },
    });
    return theme!;
  },
});

export const listProjectThemes = defineUseCase({
  name: "findings.themes",
  http: { method: "get", path: "/projects/{projectId}/themes", response: listProjectThemesOutput },
  access: { kind: "project", permission: "project.read" },
  input: createProjectThemeInput.pick({ projectId: true }),
  write: false,
  async run(ctx, input) {
    return ctx.db.select({ id: projectThemes.id, name: projectThemes.name }).from(projectThemes).where(eq(projectThemes.projectId, input.projectId));
  },
});
