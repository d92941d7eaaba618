import { and, asc, count, desc, eq, inArray, ne, notLike } from "drizzle-orm";
import {
  auditEntries,
  expectedResults,
  findings,
  indicatorEvidence,
  indicators,
  indicatorTargets,
  indicatorValues,
  projects,
  reportingPeriods,
  studies,
  studySources,
  users,
  workshops,
} from "@/db/schema";
import { changeOf, recordAudit } from "@/lib/audit";
import { insertAudited, updateVersioned } from "@/lib/audited-write";
import { nameSeenBy } from "@/lib/authz";
import { visibleFindings } from "@/lib/findings/queries";
import { loadResult } from "@/lib/logic-model/queries";
import { can } from "@/lib/policy";
import { UseCaseError } from "@/lib/result";
import { defineUseCase, type UseCaseCtx } from "@/lib/use-case";
import { projectIdInput } from "@/lib/zod-fields";
import { keptFigures } from "@/lib/record-versions";
import { computedActuals, reportedValues } from "./actuals";
import { calculationOf } from "./calculations/catalogue";
import { projectYears } from "./periods";
import { loadIndicator, loadPeriods } from "./queries";
import {
  createIndicatorOutput,
  createPeriodOutput,
  deleteIndicatorOutput,
  deletePeriodOutput,
  getIndicatorOutput,
  listIndicatorsOutput,
  listPeriodsOutput,
  updateIndicatorOutput,
} from "./responses";
import { createIndicatorInput, createPeriodInput, indicatorIdInput, listIndicatorsInput, periodIdInput, updateIndicatorInput } from "./schemas";
import type { z } from "zod";

const editableFields = [
  "resultId",
  "code",
  "statement",
  "definition",
  "unit",
  "disaggregations",
  "dataSources",
  "collectionMethods",
  "frequency",
  "responsibility",
  "dataQualityNotes",
  "baselineValue",
  "baselineDate",
  "baselineNote",
  "endTarget",
  "calculation",
] as const;

type IndicatorInput = z.output<typeof createIndicatorInput>;
type Evidence = IndicatorInput["evidence"];

/**
 * Refuses, beside the field, what does not belong to the project: the result measured, a code
 * another indicator has, a period, and baseline evidence (findings and sources of its studies, its workshops).
 */
async function assertBelongs(ctx: UseCaseCtx, input: IndicatorInput, exceptId?: string) {
  await loadResult(ctx, input.projectId, input.resultId, "resultId");
  if (input.calculation) {
    const refused = await calculationOf(input.calculation).check(ctx, input.projectId, input.calculation);
    if (Object.keys(refused).length > 0) throw new UseCaseError("invalid", refused);
  }
  const [taken] = await ctx.db
    .select({ id: indicators.id })
    .from(indicators)
    .where(and(eq(indicators.projectId, input.projectId), eq(indicators.code, input.code), exceptId ? ne(indicators.id, exceptId) : undefined))
    .limit(1);
  if (taken) throw new UseCaseError("invalid", { code: { key: "codeTaken" } });
  const periodIds = [...new Set(input.targets.map((t) => t.periodId))];
  if (periodIds.length) {
    const found = await ctx.db
      .select({ id: reportingPeriods.id })
      .from(reportingPeriods)
      .where(and(eq(reportingPeriods.projectId, input.projectId), inArray(reportingPeriods.id, periodIds)));
    if (found.length !== periodIds.length) throw new UseCaseError("invalid", { targets: { key: "notProjectPeriod" } });
  }
  const { findingIds, workshopIds, sourceIds } = unique(input.evidence);
  if (findingIds.length) {
    const found = await ctx.db
      .select({ id: findings.id })
      .from(findings)
      .innerJoin(studies, eq(studies.id, findings.studyId))
      .where(and(eq(studies.projectId, input.projectId), inArray(findings.id, findingIds)));
    if (found.length !== findingIds.length) throw new UseCaseError("invalid", { "evidence.findingIds": { key: "notProjectFinding" } });
  }
  if (workshopIds.length) {
    const found = await ctx.db
      .select({ id: workshops.id })
      .from(workshops)
      .where(and(eq(workshops.projectId, input.projectId), inArray(workshops.id, workshopIds)));
    if (found.length !== workshopIds.length) throw new UseCaseError("invalid", { "evidence.workshopIds": { key: "notProjectWorkshop" } });
  }
  if (sourceIds.length) {
    const found = await ctx.db
      .select({ id: studySources.id })
      .from(studySources)
      .innerJoin(studies, eq(studies.id, studySources.studyId))
      .where(and(eq(studies.projectId, input.projectId), inArray(studySources.id, sourceIds)));
    if (found.length !== sourceIds.length) throw new UseCaseError("invalid", { "evidence.sourceIds": { key: "notStudySource" } });
  }
}

const unique = (evidence: Evidence): Evidence => ({
  findingIds: [...new Set(evidence.findingIds)].sort(),
  workshopIds: [...new Set(evidence.workshopIds)].sort(),
  sourceIds: [...new Set(evidence.sourceIds)].sort(),
});
type Target = { periodId: string; group: string; value: number };
const sortedTargets = (targets: Target[]) => [...targets].sort((a, b) => a.periodId.localeCompare(b.periodId) || a.group.localeCompare(b.group));

async function currentTargetsAndEvidence(ctx: UseCaseCtx, indicatorId: string) {
  const [targets, evidence] = await Promise.all([
    ctx.db
      .select({ periodId: indicatorTargets.periodId, group: indicatorTargets.group, value: indicatorTargets.value })
      .from(indicatorTargets)
      .where(eq(indicatorTargets.indicatorId, indicatorId)),
    ctx.db.select().from(indicatorEvidence).where(eq(indicatorEvidence.indicatorId, indicatorId)),
  ]);
  const ids = (key: "findingId" | "workshopId" | "sourceId") => evidence.flatMap((e) => (e[key] ? [e[key]] : []));
  return { targets: sortedTargets(targets), evidence: unique({ findingIds: ids("findingId"), workshopIds: ids("workshopId"), sourceIds: ids("sourceId") }) };
}

async function writeTargetsAndEvidence(ctx: UseCaseCtx, indicatorId: string, input: IndicatorInput) {
  await ctx.db.delete(indicatorTargets).where(eq(indicatorTargets.indicatorId, indicatorId));
  if (input.targets.length) await ctx.db.insert(indicatorTargets).values(input.targets.map((t) => ({ indicatorId, periodId: t.periodId, group: t.group, value: t.value })));
  await ctx.db.delete(indicatorEvidence).where(eq(indicatorEvidence.indicatorId, indicatorId));
  const { findingIds, workshopIds, sourceIds } = unique(input.evidence);
  const rows = [...findingIds.map((findingId) => ({ findingId })), ...workshopIds.map((workshopId) => ({ workshopId })), ...sourceIds.map((sourceId) => ({ sourceId }))];
  if (rows.length) await ctx.db.insert(indicatorEvidence).values(rows.map((r) => ({ indicatorId, ...r })));
}

export const listIndicators = defineUseCase({
  name: "indicators.list",
  http: { method: "get", path: "/projects/{projectId}/indicators", response: listIndicatorsOutput },
  access: { kind: "project", permission: "project.read" },
  input: listIndicatorsInput,
  write: false,
  async run(ctx, input) {
    const items = await ctx.db
      .select({
        id: indicators.id,
        resultId: indicators.resultId,
        resultCode: expectedResults.code,
        code: indicators.code,
        statement: indicators.statement,
        unit: indicators.unit,
        baselineValue: indicators.baselineValue,
        endTarget: indicators.endTarget,
      })
      .from(indicators)
      .innerJoin(expectedResults, eq(expectedResults.id, indicators.resultId))
      .where(and(eq(indicators.projectId, input.projectId), input.resultId ? eq(indicators.resultId, input.resultId) : undefined))
      .orderBy(asc(expectedResults.code), asc(indicators.code));
    return { items, canEdit: can(ctx.access, "logicModel.edit") };
  },
});

export const getIndicator = defineUseCase({
  name: "indicators.get",
  http: { method: "get", path: "/projects/{projectId}/indicators/{indicatorId}", response: getIndicatorOutput },
  access: { kind: "project", permission: "project.read" },
  input: indicatorIdInput,
  write: false,
  async run(ctx, input) {
    const indicator = await loadIndicator(ctx, input.projectId, input.indicatorId);
    const [result, periods, current, evidenceFindings, evidenceWorkshops, evidenceSources, history] = await Promise.all([
      loadResult(ctx, input.projectId, indicator.resultId),
      loadPeriods(ctx, input.projectId),
      currentTargetsAndEvidence(ctx, indicator.id),
      ctx.db
        .select({ id: findings.id, studyId: findings.studyId, title: findings.title })
        .from(indicatorEvidence)
        .innerJoin(findings, eq(findings.id, indicatorEvidence.findingId))
        .where(and(eq(indicatorEvidence.indicatorId, indicator.id), visibleFindings(ctx))),
      ctx.db
        .select({ id: workshops.id, title: workshops.title, startDate: workshops.startDate })
        .from(indicatorEvidence)
        .innerJoin(workshops, eq(workshops.id, indicatorEvidence.workshopId))
        .where(eq(indicatorEvidence.indicatorId, indicator.id)),
      ctx.db
        .select({ id: studySources.id, studyId: studySources.studyId, title: studySources.title })
        .from(indicatorEvidence)
        .innerJoin(studySources, eq(studySources.id, indicatorEvidence.sourceId))
        .where(eq(indicatorEvidence.indicatorId, indicator.id)),
      ctx.db
        .select({
          id: auditEntries.id,
          at: auditEntries.at,
          action: auditEntries.action,
          changes: auditEntries.changes,
          actorName: nameSeenBy(ctx, auditEntries.projectId, auditEntries.actorId, users.name),
        })
        .from(auditEntries)
        .leftJoin(users, eq(users.id, auditEntries.actorId))
        .where(
          and(
            eq(auditEntries.entityType, "indicator"),
            eq(auditEntries.entityId, indicator.id),
            // What was reported, sent back or approved, and why, is the staff's; a partner reads the approved figures only.
            can(ctx.access, "indicatorValues.submit") ? undefined : notLike(auditEntries.action, "indicatorValues.%"),
          ),
        )
        .orderBy(desc(auditEntries.at)),
    ]);
    const [computed, reported] = await Promise.all([
      keptFigures(ctx.db, input.projectId).then((kept) => computedActuals(ctx, kept, indicator, periods)),
      reportedValues(ctx, input.projectId, [indicator.id]),
    ]);
    const target = new Map(current.targets.filter((t) => !t.group).map((t) => [t.periodId, t.value]));
    return {
      indicator,
      result: { id: result.id, code: result.code, level: result.level, statement: result.statement },
      targets: periods.map((p) => ({
        periodId: p.id,
        name: p.name,
        startDate: p.startDate,
        endDate: p.endDate,
        value: target.get(p.id) ?? null,
        groups: current.targets.filter((t) => t.periodId === p.id && t.group).map((t) => ({ group: t.group, value: t.value })),
      })),
      evidence: { findings: evidenceFindings, workshops: evidenceWorkshops, sources: evidenceSources },
      computed,
      reported,
      history,
      canEdit: can(ctx.access, "logicModel.edit"),
      canSubmit: can(ctx.access, "indicatorValues.submit"),
      canApprove: can(ctx.access, "indicatorValues.approve"),
    };
  },
});

export const createIndicator = defineUseCase({
  name: "indicators.create",
  http: { method: "post", path: "/projects/{projectId}/indicators", status: 201, response: createIndicatorOutput },
  access: { kind: "project", permission: "logicModel.edit" },
  input: createIndicatorInput,
  write: true,
  async run(ctx, input) {
    await assertBelongs(ctx, input);
    const { targets, evidence, ...fields } = input;
    const indicator = await insertAudited(ctx.db, ctx.user.id, indicators, {
      values: fields,
      audit: {
        action: "indicators.create",
        entityType: "indicator",
        projectId: input.projectId,
        fields: editableFields,
        changes: { targets: { before: null, after: sortedTargets(targets) }, evidence: { before: null, after: unique(evidence) } },
      },
    });
    await writeTargetsAndEvidence(ctx, indicator.id, input);
    return indicator;
  },
});

export const updateIndicator = defineUseCase({
  name: "indicators.update",
  http: { method: "patch", path: "/projects/{projectId}/indicators/{indicatorId}", response: updateIndicatorOutput },
  access: { kind: "project", permission: "logicModel.edit" },
  input: updateIndicatorInput,
  write: true,
  async run(ctx, input) {
    const before = await loadIndicator(ctx, input.projectId, input.indicatorId);
    await assertBelongs(ctx, input, before.id);
    const current = await currentTargetsAndEvidence(ctx, before.id);
    const { projectId, indicatorId, version, targets, evidence, ...fields } = input;
    const after = await updateVersioned(ctx, indicators, {
      before,
      version,
      set: fields,
      audit: {
        action: "indicators.update",
        entityType: "indicator",
        projectId,
        fields: editableFields,
        changes: { ...changeOf("targets", current.targets, sortedTargets(targets)), ...changeOf("evidence", current.evidence, unique(evidence)) },
      },
    });
    await writeTargetsAndEvidence(ctx, indicatorId, input);
    return after;
  },
});

export const deleteIndicator = defineUseCase({
  name: "indicators.delete",
  http: { method: "delete", path: "/projects/{projectId}/indicators/{indicatorId}", response: deleteIndicatorOutput },
  access: { kind: "project", permission: "logicModel.edit" },
  input: indicatorIdInput,
  write: true,
  async run(ctx, input) {
    const indicator = await loadIndicator(ctx, input.projectId, input.indicatorId);
    await ctx.db.delete(indicators).where(eq(indicators.id, indicator.id));
    await recordAudit(ctx.db, {
      actorId: ctx.user.id,
      action: "indicators.delete",
      entityType: "indicator",
      entityId: indicator.id,
      projectId: input.projectId,
      changes: { code: { before: indicator.code, after: null }, statement: { before: indicator.statement, after: null } },
    });
    return { deleted: true };
  },
});

export const listPeriods = defineUseCase({
  name: "periods.list",
  http: { method: "get", path: "/projects/{projectId}/periods", response: listPeriodsOutput },
  access: { kind: "project", permission: "project.read" },
  input: projectIdInput,
  write: false,
  async run(ctx, input) {
    return { items: await loadPeriods(ctx, input.projectId), canEdit: can(ctx.access, "logicModel.edit") };
  },
});

/** A period must lie within the project's dates and not repeat another's name. */
async function insertPeriod(ctx: UseCaseCtx, period: { projectId: string; name: string; startDate: string; endDate: string }) {
  const [project] = await ctx.db.select({ startDate: projects.startDate, endDate: projects.endDate }).from(projects).where(eq(projects.id, period.projectId));
  if (project && (period.startDate < project.startDate || period.endDate > project.endDate)) {
    throw new UseCaseError("invalid", { [period.startDate < project.startDate ? "startDate" : "endDate"]: { key: "periodOutsideProject" } });
  }
  const [same] = await ctx.db
    .select({ id: reportingPeriods.id })
    .from(reportingPeriods)
    .where(and(eq(reportingPeriods.projectId, period.projectId), eq(reportingPeriods.name, period.name)));
  if (same) throw new UseCaseError("invalid", { name: { key: "periodNameTaken" } });
  const [row] = await ctx.db.insert(reportingPeriods).values(period).returning();
  await recordAudit(ctx.db, {
    actorId: ctx.user.id,
    action: "periods.create",
    entityType: "reporting_period",
    entityId: row!.id,
    projectId: period.projectId,
    changes: { name: { before: null, after: period.name }, startDate: { before: null, after: period.startDate }, endDate: { before: null, after: period.endDate } },
  });
  return row!;
}

export const createPeriod = defineUseCase({
  name: "periods.create",
  http: { method: "post", path: "/projects/{projectId}/periods", status: 201, response: createPeriodOutput },
  access: { kind: "project", permission: "logicModel.edit" },
  input: createPeriodInput,
  write: true,
  async run(ctx, input) {
    return insertPeriod(ctx, input);
  },
});

/** One period per year of the project, from its first day: what GAC's yearly reports follow. */
export const createYearlyPeriods = defineUseCase({
  name: "periods.createYears",
  http: { method: "post", path: "/projects/{projectId}/periods/years", status: 201, response: listPeriodsOutput },
  access: { kind: "project", permission: "logicModel.edit" },
  input: projectIdInput,
  write: true,
  async run(ctx, input) {
    const [project] = await ctx.db.select({ startDate: projects.startDate, endDate: projects.endDate }).from(projects).where(eq(projects.id, input.projectId));
    const existing = await loadPeriods(ctx, input.projectId);
    if (existing.length > 0) throw new UseCaseError("conflict", { _form: { key: "periodsExist" } });
    for (const year of projectYears(project!.startDate, project!.endDate)) await insertPeriod(ctx, { projectId: input.projectId, ...year });
    return { items: await loadPeriods(ctx, input.projectId), canEdit: true };
  },
});

export const deletePeriod = defineUseCase({
  name: "periods.delete",
  http: { method: "delete", path: "/projects/{projectId}/periods/{periodId}", response: deletePeriodOutput },
  access: { kind: "project", permission: "logicModel.edit" },
  input: periodIdInput,
  write: true,
  async run(ctx, input) {
    const [period] = await ctx.db
      .select()
      .from(reportingPeriods)
      .where(and(eq(reportingPeriods.id, input.periodId), eq(reportingPeriods.projectId, input.projectId)));
    if (!period) throw new UseCaseError("not_found");
    const [[targets], [values]] = await Promise.all([
      ctx.db.select({ n: count() }).from(indicatorTargets).where(eq(indicatorTargets.periodId, period.id)),
      ctx.db.select({ n: count() }).from(indicatorValues).where(eq(indicatorValues.periodId, period.id)),
    ]);
    const uses = (targets?.n ?? 0) + (values?.n ?? 0);
    if (uses > 0) throw new UseCaseError("conflict", { periodId: { key: "periodHasTargets", values: { count: uses } } });
    await ctx.db.delete(reportingPeriods).where(eq(reportingPeriods.id, period.id));
    await recordAudit(ctx.db, {
      actorId: ctx.user.id,
      action: "periods.delete",
      entityType: "reporting_period",
      entityId: period.id,
      projectId: input.projectId,
      changes: { name: { before: period.name, after: null } },
    });
    return { deleted: true };
  },
});
