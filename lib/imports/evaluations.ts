import { and, eq, inArray } from "drizzle-orm";
import { z } from "zod";
import { evaluationAnswers, evaluationGroups, evaluationRespondents, evaluations, evaluationStatements } from "@/db/schema";
import { recordAudit } from "@/lib/audit";
import { table } from "@/lib/imports/schemas";
import { refuseIfAnyError, summarise, type Preview, type PreviewRow } from "@/lib/imports/rows";
import type { FieldError } from "@/lib/result";
import { UseCaseError } from "@/lib/result";
import { toSearchText } from "@/lib/search-text";
import { defineUseCase, type UseCaseCtx } from "@/lib/use-case";
import { levelOf } from "@/lib/evaluations/answer-cell";
import { commitResponseImportOutput, previewResponseImportOutput } from "@/lib/imports/responses";

const column = z.number().int().min(0).max(99).nullable();

/** Where each thing is in the file: the group, the submission id, and one column per statement (by key). */
export const responseImportInput = z.object({
  projectId: z.uuid(),
  evaluationId: z.uuid(),
  ...table,
  mapping: z.object({ group: column, externalId: column.default(null), statements: z.record(z.string(), column) }),
});
export type ResponseImportInput = z.input<typeof responseImportInput>;

type Loaded = {
  scaleSize: number;
  groups: { id: string; key: string; names: string[] }[];
  statements: { id: string; key: string }[];
};

async function loadForImport(ctx: UseCaseCtx, projectId: string, evaluationId: string): Promise<Loaded> {
  const [evaluation] = await ctx.db
    .select({ id: evaluations.id, scaleSize: evaluations.scaleSize })
    .from(evaluations)
    .where(and(eq(evaluations.id, evaluationId), eq(evaluations.projectId, projectId)));
  if (!evaluation) throw new UseCaseError("not_found");
  const [groups, statements] = await Promise.all([
    ctx.db.select().from(evaluationGroups).where(eq(evaluationGroups.evaluationId, evaluation.id)),
    ctx.db.select({ id: evaluationStatements.id, key: evaluationStatements.key }).from(evaluationStatements).where(eq(evaluationStatements.evaluationId, evaluation.id)),
  ]);
  return {
    scaleSize: evaluation.scaleSize,
    // A group cell may hold the group's key (a Kobo choice name) or its name in any language.
    groups: groups.map((g) => ({ id: g.id, key: g.key, names: [g.key, g.name.fr, g.name.es, g.name.en].filter((n): n is string => Boolean(n)).map((n) => toSearchText(n)) })),
    statements,
  };
}

type Checked = { preview: PreviewRow; groupId?: string; externalId: string | null; levels: { statementId: string; level: number }[] };

async function checkRows(ctx: UseCaseCtx, input: z.output<typeof responseImportInput>): Promise<Checked[]> {
  const loaded = await loadForImport(ctx, input.projectId, input.evaluationId);
  const cell = (row: string[], index: number | null | undefined) => (index === null || index === undefined ? "" : (row[index] ?? "").trim());
  const externalIds = input.rows.map((row) => cell(row, input.mapping.externalId)).filter(Boolean);
  const known = new Set(
    externalIds.length
      ? (
          await ctx.db
            .select({ externalId: evaluationRespondents.externalId })
            .from(evaluationRespondents)
            .where(and(eq(evaluationRespondents.evaluationId, input.evaluationId), inArray(evaluationRespondents.externalId, externalIds)))
        ).map((r) => r.externalId)
      : [],
  );
  const seen = new Set<string>();
  return input.rows.map((row, i) => {
    const errors: Record<string, FieldError> = {};
    const groupCell = toSearchText(cell(row, input.mapping.group));
    const group = loaded.groups.find((g) => g.names.includes(groupCell));
    if (!group) errors.group = { key: groupCell ? "invalidChoice" : "required" };
    const levels: Checked["levels"] = [];
    for (const statement of loaded.statements) {
      const value = cell(row, input.mapping.statements[statement.key]);
      if (!value) continue;
      const level = levelOf(value, loaded.scaleSize);
      if (level === null || level < 1 || level > loaded.scaleSize) errors[statement.key] = { key: "offScale", values: { max: loaded.scaleSize } };
      else levels.push({ statementId: statement.id, level });
    }
    // A submission that answers nothing (a test, an abandoned form) would only inflate the count.
    if (levels.length === 0 && !Object.keys(errors).some((k) => k !== "group")) errors.answers = { key: "noAnswers" };
    const externalId = cell(row, input.mapping.externalId) || null;
    const repeated = externalId !== null && seen.has(externalId);
    if (externalId) seen.add(externalId);
    const status = Object.keys(errors).length ? "error" : externalId && (known.has(externalId) || repeated) ? "existing" : "new";
    return { preview: { row: i + 2, status, label: externalId ?? `#${i + 2}`, errors }, groupId: group?.id, externalId, levels };
  });
}

/** Step two: what the file would add, row by row; a row already imported (same `_uuid`) is skipped. */
export const previewResponseImport = defineUseCase({
  name: "evaluations.previewImport",
  http: { method: "post", path: "/projects/{projectId}/evaluations/{evaluationId}/import/preview", response: previewResponseImportOutput },
  access: { kind: "project", permission: "evaluations.enterResponses" },
  input: responseImportInput,
  write: false,
  async run(ctx, input): Promise<Preview> {
    if (input.mapping.group === null) throw new UseCaseError("invalid", { group: { key: "required" } });
    return summarise((await checkRows(ctx, input)).map((c) => c.preview));
  },
});

/** Step three: all or nothing. Rows already imported are skipped, so the same file twice adds no one. */
export const commitResponseImport = defineUseCase({
  name: "evaluations.commitImport",
  http: { method: "post", path: "/projects/{projectId}/evaluations/{evaluationId}/import/commit", response: commitResponseImportOutput },
  access: { kind: "project", permission: "evaluations.enterResponses" },
  input: responseImportInput,
  write: true,
  async run(ctx, input) {
    if (input.mapping.group === null) throw new UseCaseError("invalid", { group: { key: "required" } });
    const checked = await checkRows(ctx, input);
    refuseIfAnyError(summarise(checked.map((c) => c.preview)));
    const fresh = checked.filter((c) => c.preview.status === "new");
    let added = 0;
    for (const row of fresh) {
      const [respondent] = await ctx.db
        .insert(evaluationRespondents)
        .values({ evaluationId: input.evaluationId, groupId: row.groupId!, externalId: row.externalId })
        // The same file committed twice at the same moment: the second adds no one either.
        .onConflictDoNothing()
        .returning({ id: evaluationRespondents.id });
      if (!respondent) continue;
      await ctx.db.insert(evaluationAnswers).values(row.levels.map((l) => ({ respondentId: respondent.id, ...l })));
      added += 1;
    }
    await recordAudit(ctx.db, {
      actorId: ctx.user.id,
      action: "evaluations.commitImport",
      entityType: "evaluation",
      entityId: input.evaluationId,
      projectId: input.projectId,
      changes: { respondents: { before: null, after: added }, skipped: { before: null, after: checked.length - added } },
    });
    return { added, skipped: checked.length - added };
  },
});
