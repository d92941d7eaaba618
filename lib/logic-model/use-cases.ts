import { and, count, eq, ne, sql } from "drizzle-orm";
import { expectedResults, indicators, type ExpectedResult } from "@/db/schema";
import type { ResultLevel } from "@/db/schema/values";
import { recordAudit } from "@/lib/audit";
import { insertAudited, updateVersioned } from "@/lib/audited-write";
import { can } from "@/lib/policy";
import { UseCaseError } from "@/lib/result";
import { defineUseCase, type UseCaseCtx } from "@/lib/use-case";
import { projectIdInput } from "@/lib/zod-fields";
import { suggestCode } from "./codes";
import { childLevel } from "./levels";
import { linkedToResult } from "./linked-to-result";
import { linkCount } from "@/lib/result-links/links";
import { loadResult, loadResults } from "./queries";
import { createResultOutput, deleteResultOutput, getLogicModelOutput, getResultOutput, moveResultOutput, updateResultOutput } from "./responses";
import { createResultInput, moveResultInput, resultIdInput, updateResultInput } from "./schemas";

const editableFields = ["parentId", "code", "statement"] as const;

/** The level a result under `parent` takes, or the refusal: one ultimate outcome per project, nothing under an output. */
async function levelUnder(ctx: UseCaseCtx, projectId: string, parent: ExpectedResult | null): Promise<ResultLevel> {
  if (parent) {
    const level = childLevel[parent.level];
    if (!level) throw new UseCaseError("invalid", { parentId: { key: "nothingUnderOutput" } });
    return level;
  }
  const [ultimate] = await ctx.db
    .select({ id: expectedResults.id })
    .from(expectedResults)
    .where(and(eq(expectedResults.projectId, projectId), eq(expectedResults.level, "ultimate")))
    .limit(1);
  if (ultimate) throw new UseCaseError("invalid", { parentId: { key: "oneUltimateOutcome" } });
  return "ultimate";
}

async function assertCodeFree(ctx: UseCaseCtx, projectId: string, code: string, exceptId?: string) {
  const [other] = await ctx.db
    .select({ id: expectedResults.id })
    .from(expectedResults)
    .where(and(eq(expectedResults.projectId, projectId), eq(expectedResults.code, code), exceptId ? ne(expectedResults.id, exceptId) : undefined))
    .limit(1);
  if (other) throw new UseCaseError("invalid", { code: { key: "codeTaken" } });
}

/** The position after the last result under `parentId`. */
async function nextPosition(ctx: UseCaseCtx, projectId: string, parentId: string | null): Promise<number> {
  const [row] = await ctx.db
    .select({ last: sql<number | null>`max(${expectedResults.position})` })
    .from(expectedResults)
    .where(and(eq(expectedResults.projectId, projectId), parentId ? eq(expectedResults.parentId, parentId) : sql`${expectedResults.parentId} is null`));
  return (row?.last ?? -1) + 1;
}

/** The code a new result under `parent` takes when none is given, in GAC's numbering; null when the project numbers otherwise. */
async function suggestedCode(ctx: UseCaseCtx, projectId: string, parent: ExpectedResult | null, level: ResultLevel): Promise<string | null> {
  const rows = await ctx.db.select({ code: expectedResults.code, parentId: expectedResults.parentId }).from(expectedResults).where(eq(expectedResults.projectId, projectId));
  const siblings = rows.filter((r) => r.parentId === (parent?.id ?? null)).map((r) => r.code);
  return suggestCode(level, parent?.code ?? null, siblings, new Set(rows.map((r) => r.code)));
}

export const getLogicModel = defineUseCase({
  name: "logicModel.get",
  http: { method: "get", path: "/projects/{projectId}/logic-model", response: getLogicModelOutput },
  access: { kind: "project", permission: "project.read" },
  input: projectIdInput,
  write: false,
  async run(ctx, input) {
    return { results: await loadResults(ctx, input.projectId), canEdit: can(ctx.access, "logicModel.edit") };
  },
});

export const getResult = defineUseCase({
  name: "logicModel.getResult",
  http: { method: "get", path: "/projects/{projectId}/logic-model/results/{resultId}", response: getResultOutput },
  access: { kind: "project", permission: "project.read" },
  input: resultIdInput,
  write: false,
  async run(ctx, input) {
    const result = await loadResult(ctx, input.projectId, input.resultId);
    const parent = result.parentId ? await loadResult(ctx, input.projectId, result.parentId) : null;
    return {
      result,
      parent: parent && { id: parent.id, code: parent.code, level: parent.level, statement: parent.statement },
      linked: await linkedToResult(ctx, input.projectId, result.id),
      canEdit: can(ctx.access, "logicModel.edit"),
    };
  },
});

export const createResult = defineUseCase({
  name: "logicModel.create",
  http: { method: "post", path: "/projects/{projectId}/logic-model/results", status: 201, response: createResultOutput },
  access: { kind: "project", permission: "logicModel.edit" },
  input: createResultInput,
  write: true,
  async run(ctx, input) {
    const parent = input.parentId ? await loadResult(ctx, input.projectId, input.parentId, "parentId") : null;
    const level = await levelUnder(ctx, input.projectId, parent);
    const code = input.code ?? (await suggestedCode(ctx, input.projectId, parent, level));
    if (!code) throw new UseCaseError("invalid", { code: { key: "required" } });
    await assertCodeFree(ctx, input.projectId, code);
    return insertAudited(ctx.db, ctx.user.id, expectedResults, {
      values: {
        projectId: input.projectId,
        parentId: parent?.id ?? null,
        level,
        code,
        statement: input.statement,
        position: await nextPosition(ctx, input.projectId, parent?.id ?? null),
      },
      audit: { action: "logicModel.create", entityType: "expected_result", projectId: input.projectId, fields: ["level", ...editableFields] },
    });
  },
});

export const updateResult = defineUseCase({
  name: "logicModel.update",
  http: { method: "patch", path: "/projects/{projectId}/logic-model/results/{resultId}", response: updateResultOutput },
  access: { kind: "project", permission: "logicModel.edit" },
  input: updateResultInput,
  write: true,
  async run(ctx, input) {
    const before = await loadResult(ctx, input.projectId, input.resultId);
    const moved = input.parentId !== before.parentId;
    if (moved) {
      if (input.parentId === before.id) throw new UseCaseError("invalid", { parentId: { key: "parentCycle" } });
      const parent = input.parentId ? await loadResult(ctx, input.projectId, input.parentId, "parentId") : null;
      // A result keeps its level: it moves only under a result of the level above its own, which can never be one of its own descendants.
      if ((parent ? childLevel[parent.level] : "ultimate") !== before.level) throw new UseCaseError("invalid", { parentId: { key: "wrongParentLevel" } });
    }
    await assertCodeFree(ctx, input.projectId, input.code, before.id);
    return updateVersioned(ctx, expectedResults, {
      before,
      version: input.version,
      set: {
        parentId: input.parentId,
        code: input.code,
        statement: input.statement,
        ...(moved ? { position: await nextPosition(ctx, input.projectId, input.parentId) } : {}),
      },
      audit: { action: "logicModel.update", entityType: "expected_result", projectId: input.projectId, fields: editableFields },
    });
  },
});

export const moveResult = defineUseCase({
  name: "logicModel.move",
  http: { method: "post", path: "/projects/{projectId}/logic-model/results/{resultId}/move", response: moveResultOutput },
  access: { kind: "project", permission: "logicModel.edit" },
  input: moveResultInput,
  write: true,
  async run(ctx, input) {
    const result = await loadResult(ctx, input.projectId, input.resultId);
    const siblings = (await loadResults(ctx, input.projectId)).filter((r) => r.parentId === result.parentId);
    const from = siblings.findIndex((r) => r.id === result.id);
    const to = input.direction === "up" ? from - 1 : from + 1;
    if (to < 0 || to >= siblings.length) return { moved: false };
    [siblings[from], siblings[to]] = [siblings[to]!, siblings[from]!];
    for (const [position, sibling] of siblings.entries()) {
      if (sibling.position !== position) await ctx.db.update(expectedResults).set({ position }).where(eq(expectedResults.id, sibling.id));
    }
    await recordAudit(ctx.db, {
      actorId: ctx.user.id,
      action: "logicModel.move",
      entityType: "expected_result",
      entityId: result.id,
      projectId: input.projectId,
      changes: { position: { before: from, after: to } },
    });
    return { moved: true };
  },
});

export const deleteResult = defineUseCase({
  name: "logicModel.delete",
  http: { method: "delete", path: "/projects/{projectId}/logic-model/results/{resultId}", response: deleteResultOutput },
  access: { kind: "project", permission: "logicModel.edit" },
  input: resultIdInput,
  write: true,
  async run(ctx, input) {
    const result = await loadResult(ctx, input.projectId, input.resultId);
    const [under] = await ctx.db.select({ n: count() }).from(expectedResults).where(eq(expectedResults.parentId, result.id));
    if (under && under.n > 0) throw new UseCaseError("conflict", { resultId: { key: "resultHasResultsUnder", values: { count: under.n } } });
    const [measured] = await ctx.db.select({ n: count() }).from(indicators).where(eq(indicators.resultId, result.id));
    if (measured && measured.n > 0) throw new UseCaseError("conflict", { resultId: { key: "resultHasIndicators", values: { count: measured.n } } });
    const linked = await linkCount(ctx, result.id);
    if (linked > 0) throw new UseCaseError("conflict", { resultId: { key: "resultHasLinks", values: { count: linked } } });
    await ctx.db.delete(expectedResults).where(eq(expectedResults.id, result.id));
    await recordAudit(ctx.db, {
      actorId: ctx.user.id,
      action: "logicModel.delete",
      entityType: "expected_result",
      entityId: result.id,
      projectId: input.projectId,
      changes: { code: { before: result.code, after: null }, statement: { before: result.statement, after: null } },
    });
    return { deleted: true };
  },
});
