import { and, asc, eq, inArray, sql, type SQL } from "drizzle-orm";
import {
  actionFindings,
  actionInstitutions,
  actionUpdates,
  findings,
  improvementActions,
  institutions,
  projectMembers,
  studies,
  users,
  type FieldChanges,
  type ImprovementAction,
} from "@/db/schema";
import { diffFields, recordAudit } from "@/lib/audit";
import { nameSeenBy } from "@/lib/authz";
import { can } from "@/lib/policy";
import { UseCaseError } from "@/lib/result";
import { accentedLetters, containsPattern, plainLetters, toSearchText } from "@/lib/search-text";
import { defineUseCase, type UseCaseCtx } from "@/lib/use-case";
import { insertAudited, nextVersion, updateVersioned } from "@/lib/audited-write";
import { visibleFindings } from "@/lib/findings/queries";
import { assertResultsLinkable, linkedResultIds, linkedResults, resultLinksChange, writeResultLinks } from "@/lib/result-links/links";
import { actionIdInput, addActionUpdateInput, createActionInput, listActionsInput, updateActionInput } from "./schemas";
import type { z } from "zod";
import { addActionUpdateOutput, createActionOutput, getActionOutput, listActionsOutput, updateActionOutput } from "./responses";
import { isOverdue } from "./queries";
import { today } from "@/lib/today";

const editableFields = ["title", "description", "ownerId", "startDate", "dueDate", "status", "progress", "target"] as const;

// "Today" from the app's clock, as isOverdue takes it, not the database session's time zone.
const overdueSql = () => sql<boolean>`(${improvementActions.dueDate} < ${today()} and ${improvementActions.status} not in ('done', 'dropped'))`;

export const listActions = defineUseCase({
  name: "improvementActions.list",
  http: { method: "get", path: "/projects/{projectId}/actions", response: listActionsOutput },
  access: { kind: "project", permission: "project.read" },
  input: listActionsInput,
  write: false,
  async run(ctx, input) {
    const filters: (SQL | undefined)[] = [eq(improvementActions.projectId, input.projectId)];
    if (input.status) filters.push(eq(improvementActions.status, input.status));
    if (input.ownerId) filters.push(eq(improvementActions.ownerId, input.ownerId));
    if (input.overdue) filters.push(overdueSql());
    if (input.institutionId) {
      filters.push(
        inArray(
          improvementActions.id,
          ctx.db.select({ id: actionInstitutions.actionId }).from(actionInstitutions).where(eq(actionInstitutions.institutionId, input.institutionId)),
        ),
      );
    }
    if (input.findingId) {
      filters.push(inArray(improvementActions.id, ctx.db.select({ id: actionFindings.actionId }).from(actionFindings).where(eq(actionFindings.findingId, input.findingId))));
    }
    if (input.theme) {
      const answering = ctx.db
        .select({ id: actionFindings.actionId })
        .from(actionFindings)
        .innerJoin(findings, eq(findings.id, actionFindings.findingId))
        .where(eq(findings.theme, input.theme));
      filters.push(inArray(improvementActions.id, answering));
    }
    if (input.q) {
      const text = sql`translate(lower(${improvementActions.title} || ' ' || ${improvementActions.description}), ${accentedLetters}, ${plainLetters})`;
      filters.push(sql`${text} like ${containsPattern(toSearchText(input.q))}`);
    }
    return ctx.db
      .select({
        id: improvementActions.id,
        title: improvementActions.title,
        status: improvementActions.status,
        progress: improvementActions.progress,
        startDate: improvementActions.startDate,
        dueDate: improvementActions.dueDate,
        ownerId: improvementActions.ownerId,
        ownerName: nameSeenBy(ctx, improvementActions.projectId, improvementActions.ownerId, users.name),
        overdue: overdueSql(),
        // Partners count only the findings they may read.
        findings: sql<number>`(select count(*)::int from ${actionFindings} af join ${findings} f on f.id = af.finding_id
          where af.action_id = ${improvementActions.id}${can(ctx.access, "findings.readDrafts") ? sql`` : sql` and f.status <> 'draft'`})`,
        institutions: sql<
          { id: string; name: string }[]
        >`coalesce((select json_agg(json_build_object('id', i.id, 'name', i.name) order by i.name) from ${actionInstitutions} ai join ${institutions} i on i.id = ai.institution_id where ai.action_id = ${improvementActions.id}), '[]'::json)`,
      })
      .from(improvementActions)
      .leftJoin(users, eq(users.id, improvementActions.ownerId))
      .where(and(...filters))
      .orderBy(sql`${improvementActions.dueDate} asc nulls last`, asc(improvementActions.title), asc(improvementActions.id));
  },
});

async function loadAction(ctx: UseCaseCtx, projectId: string, actionId: string): Promise<ImprovementAction> {
  const [action] = await ctx.db
    .select()
    .from(improvementActions)
    .where(and(eq(improvementActions.id, actionId), eq(improvementActions.projectId, projectId)))
    .limit(1);
  if (!action) throw new UseCaseError("not_found");
  return action;
}

/** An action with the findings it answers, who carries it out, and its dated updates. */
export const getAction = defineUseCase({
  name: "improvementActions.get",
  http: { method: "get", path: "/projects/{projectId}/actions/{actionId}", response: getActionOutput },
  access: { kind: "project", permission: "project.read" },
  input: actionIdInput,
  write: false,
  async run(ctx, input) {
    const action = await loadAction(ctx, input.projectId, input.actionId);
    const [answered, responsible, updates, [owner], outputs] = await Promise.all([
      ctx.db
        .select({ id: findings.id, studyId: findings.studyId, title: findings.title, theme: findings.theme, status: findings.status })
        .from(actionFindings)
        .innerJoin(findings, eq(findings.id, actionFindings.findingId))
        .where(and(eq(actionFindings.actionId, action.id), visibleFindings(ctx)))
        .orderBy(asc(findings.createdAt)),
      ctx.db
        .select({ id: institutions.id, name: institutions.name })
        .from(actionInstitutions)
        .innerJoin(institutions, eq(institutions.id, actionInstitutions.institutionId))
        .where(eq(actionInstitutions.actionId, action.id))
        .orderBy(asc(institutions.name)),
      ctx.db
        .select({
          id: actionUpdates.id,
          note: actionUpdates.note,
          changes: actionUpdates.changes,
          createdAt: actionUpdates.createdAt,
          authorName: nameSeenBy(ctx, improvementActions.projectId, actionUpdates.authorId, users.name),
        })
        .from(actionUpdates)
        .innerJoin(improvementActions, eq(improvementActions.id, actionUpdates.actionId))
        .leftJoin(users, eq(users.id, actionUpdates.authorId))
        .where(eq(actionUpdates.actionId, action.id))
        .orderBy(sql`${actionUpdates.createdAt} desc`),
      action.ownerId
        ? ctx.db
            .select({ name: nameSeenBy(ctx, improvementActions.projectId, improvementActions.ownerId, users.name) })
            .from(improvementActions)
            .innerJoin(users, eq(users.id, improvementActions.ownerId))
            .where(eq(improvementActions.id, action.id))
        : Promise.resolve([]),
      linkedResults(ctx, "action", action.id),
    ]);
    const canEdit = can(ctx.access, "improvementActions.edit");
    return {
      action,
      ownerName: owner?.name ?? null,
      overdue: isOverdue(action),
      findings: answered,
      institutions: responsible,
      outputs,
      updates,
      canEdit,
      canUpdate: canEdit || action.ownerId === ctx.user.id,
    };
  },
});

type Links = Pick<z.output<typeof createActionInput>, "projectId" | "findingIds" | "institutionIds" | "ownerId">;

/** The findings must be the project's, the owner one of its users, the institutions on file. */
async function assertLinks(ctx: UseCaseCtx, input: Links) {
  const findingIds = [...new Set(input.findingIds)];
  if (findingIds.length) {
    const found = await ctx.db
      .select({ id: findings.id })
      .from(findings)
      .innerJoin(studies, eq(studies.id, findings.studyId))
      .where(and(eq(studies.projectId, input.projectId), inArray(findings.id, findingIds)));
    if (found.length !== findingIds.length) throw new UseCaseError("invalid", { findingIds: { key: "notProjectFinding" } });
  }
  const institutionIds = [...new Set(input.institutionIds)];
  if (institutionIds.length) {
    const found = await ctx.db.select({ id: institutions.id }).from(institutions).where(inArray(institutions.id, institutionIds));
    if (found.length !== institutionIds.length) throw new UseCaseError("invalid", { institutionIds: { key: "unknownInstitution" } });
  }
  if (input.ownerId) {
    const [member] = await ctx.db
      .select({ userId: projectMembers.userId })
      .from(projectMembers)
      .where(and(eq(projectMembers.projectId, input.projectId), eq(projectMembers.userId, input.ownerId)));
    if (!member) throw new UseCaseError("invalid", { ownerId: { key: "notProjectMember" } });
  }
}

async function writeLinks(ctx: UseCaseCtx, actionId: string, input: Links) {
  await ctx.db.delete(actionFindings).where(eq(actionFindings.actionId, actionId));
  await ctx.db.delete(actionInstitutions).where(eq(actionInstitutions.actionId, actionId));
  const findingIds = [...new Set(input.findingIds)];
  const institutionIds = [...new Set(input.institutionIds)];
  if (findingIds.length) await ctx.db.insert(actionFindings).values(findingIds.map((findingId) => ({ actionId, findingId })));
  if (institutionIds.length) await ctx.db.insert(actionInstitutions).values(institutionIds.map((institutionId) => ({ actionId, institutionId })));
}

export const createAction = defineUseCase({
  name: "improvementActions.create",
  http: { method: "post", path: "/projects/{projectId}/actions", status: 201, response: createActionOutput },
  access: { kind: "project", permission: "improvementActions.edit" },
  input: createActionInput,
  write: true,
  async run(ctx, input) {
    await assertLinks(ctx, input);
    await assertResultsLinkable(ctx, input.projectId, "action", input.outputIds, "outputIds");
    const { findingIds: _f, institutionIds: _i, outputIds, ...fields } = input;
    const action = await insertAudited(ctx.db, ctx.user.id, improvementActions, {
      values: doneMeansDone(fields),
      audit: {
        action: "improvementActions.create",
        entityType: "improvement_action",
        projectId: input.projectId,
        fields: editableFields,
        changes: {
          findings: { before: null, after: [...input.findingIds].sort() },
          institutions: { before: null, after: [...input.institutionIds].sort() },
          ...resultLinksChange("outputs", null, outputIds),
        },
      },
    });
    await writeLinks(ctx, action.id, input);
    await writeResultLinks(ctx, "action", action.id, outputIds);
    return action;
  },
});

export const updateAction = defineUseCase({
  name: "improvementActions.update",
  http: { method: "patch", path: "/projects/{projectId}/actions/{actionId}", response: updateActionOutput },
  access: { kind: "project", permission: "improvementActions.edit" },
  input: updateActionInput,
  write: true,
  async run(ctx, input) {
    const before = await loadAction(ctx, input.projectId, input.actionId);
    await assertLinks(ctx, input);
    await assertResultsLinkable(ctx, input.projectId, "action", input.outputIds, "outputIds");
    const { projectId, actionId, version, findingIds: _f, institutionIds: _i, outputIds, ...fields } = input;
    const after = await updateVersioned(ctx, improvementActions, {
      before,
      version,
      set: doneMeansDone(fields),
      audit: {
        action: "improvementActions.update",
        entityType: "improvement_action",
        projectId,
        fields: editableFields,
        changes: resultLinksChange("outputs", await linkedResultIds(ctx, "action", actionId), outputIds),
      },
    });
    await writeLinks(ctx, actionId, input);
    await writeResultLinks(ctx, "action", actionId, outputIds);
    await recordUpdate(ctx, actionId, "", diffFields(before, after, progressFields));
    return after;
  },
});

/** Done means done: the progress says so too. */
const doneMeansDone = <T extends { status: string; progress: number }>(fields: T): T => (fields.status === "done" ? { ...fields, progress: 100 } : fields);

/** What a progress update records of an action's own fields. */
const progressFields = ["status", "progress"] as const;

async function recordUpdate(ctx: UseCaseCtx, actionId: string, note: string, changes: FieldChanges) {
  if (!note && Object.keys(changes).length === 0) return;
  await ctx.db.insert(actionUpdates).values({ actionId, authorId: ctx.user.id, note, changes });
}

/** A dated progress update, by a manager or by the action's owner (whatever their role). */
export const addActionUpdate = defineUseCase({
  name: "improvementActions.addUpdate",
  http: { method: "post", path: "/projects/{projectId}/actions/{actionId}/updates", status: 201, response: addActionUpdateOutput },
  access: { kind: "project", permission: "project.read" },
  input: addActionUpdateInput,
  write: true,
  async run(ctx, input) {
    const before = await loadAction(ctx, input.projectId, input.actionId);
    if (!can(ctx.access, "improvementActions.edit") && before.ownerId !== ctx.user.id) throw new UseCaseError("forbidden");
    const set = { ...(input.status ? { status: input.status } : {}), ...(input.progress !== undefined ? { progress: input.progress } : {}) };
    if (set.status === "done") Object.assign(set, { progress: 100 });
    const [after] = await ctx.db
      .update(improvementActions)
      .set({ ...set, ...nextVersion(improvementActions) })
      .where(eq(improvementActions.id, before.id))
      .returning();
    const changes = diffFields(before, after!, progressFields);
    if (!input.note && Object.keys(changes).length === 0) throw new UseCaseError("invalid", { note: { key: "required" } });
    await recordUpdate(ctx, before.id, input.note, changes);
    await recordAudit(ctx.db, {
      actorId: ctx.user.id,
      action: "improvementActions.addUpdate",
      entityType: "improvement_action",
      entityId: before.id,
      projectId: input.projectId,
      changes: { ...changes, note: { before: null, after: input.note } },
    });
    return after!;
  },
});
