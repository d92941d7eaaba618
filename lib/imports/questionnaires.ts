import { createHash } from "node:crypto";
import { inArray } from "drizzle-orm";
import { z } from "zod";
import { questionnaireResponses, type Questionnaire, type QuestionnaireQuestion } from "@/db/schema";
import { recordAudit } from "@/lib/audit";
import { commitResponseImportOutput, previewResponseImportOutput } from "@/lib/imports/responses";
import { refuseIfAnyError, summarise, type Preview, type PreviewRow } from "@/lib/imports/rows";
import { table } from "@/lib/imports/schemas";
import { isTest } from "@/lib/questionnaires/kinds";
import { loadQuestionnaire } from "@/lib/questionnaires/queries";
import { pairingCodeField } from "@/lib/questionnaires/schemas";
import { scoreAnswers } from "@/lib/questionnaires/scoring";
import { questionsOf, storeResponse } from "@/lib/questionnaires/store";
import type { FieldError } from "@/lib/result";
import { UseCaseError } from "@/lib/result";
import { defineUseCase, type UseCaseCtx } from "@/lib/use-case";
import { loadWorkshop } from "@/lib/workshops/queries";
import { readCell, readSplitColumns, splitColumns, type CellAnswer } from "./questionnaire-cells";

const column = z.number().int().min(0).max(99).nullable();

/** Where each thing is in the file: the submission id, the pairing code, and one column per question (by its id). */
export const questionnaireImportInput = z.object({
  projectId: z.uuid(),
  workshopId: z.uuid(),
  questionnaireId: z.uuid(),
  ...table,
  mapping: z.object({ externalId: column.default(null), pairingCode: column.default(null), questions: z.record(z.uuid(), column) }),
});
export type QuestionnaireImportInput = z.input<typeof questionnaireImportInput>;
type Input = z.output<typeof questionnaireImportInput>;

/**
 * The response id a submission gets: made from the questionnaire and the file's submission id (or,
 * in a file without one, the row's content and how many identical rows came before), so the same
 * file imported again finds its rows already there, and another questionnaire's never.
 */
function responseIdOf(questionnaireId: string, submission: string): string {
  const hex = createHash("sha256").update(`${questionnaireId}:${submission}`).digest("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${((Number.parseInt(hex[16]!, 16) & 3) | 8).toString(16)}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

type Checked = { preview: PreviewRow; id: string; pairingCode: string | null; answers: Record<string, string> };

async function loadForImport(ctx: UseCaseCtx, input: Input): Promise<{ questionnaire: Questionnaire; questions: QuestionnaireQuestion[] }> {
  const workshop = await loadWorkshop(ctx, input.projectId, input.workshopId);
  const questionnaire = await loadQuestionnaire(ctx.db, workshop.id, input.questionnaireId);
  if (questionnaire.status === "draft") throw new UseCaseError("conflict", { _form: { key: "questionnaireDraft" } });
  const questions = await questionsOf(ctx.db, questionnaire.id);
  const known = new Set(questions.map((q) => q.id));
  const strangers = Object.keys(input.mapping.questions).filter((id) => !known.has(id));
  if (strangers.length) throw new UseCaseError("invalid", Object.fromEntries(strangers.map((id) => [`answers.${id}`, { key: "unknownQuestion" }])));
  return { questionnaire, questions };
}

/** Each row read against the questions, with what would stop it; the answers in the form storeResponse takes. */
async function checkRows(ctx: UseCaseCtx, input: Input) {
  const { questionnaire, questions } = await loadForImport(ctx, input);
  const test = isTest(questionnaire.kind);
  const cell = (row: string[], index: number | null) => (index === null ? "" : (row[index] ?? "").trim());
  const mapped = new Set([input.mapping.externalId, input.mapping.pairingCode, ...Object.values(input.mapping.questions)].filter((i): i is number => i !== null));
  const readers = questions.flatMap((q) => {
    const index = input.mapping.questions[q.id] ?? null;
    if (index === null) return [];
    const family = splitColumns(input.headers, input.rows, index, mapped, q);
    return [{ question: q, read: (row: string[]): CellAnswer | null => (family ? readSplitColumns(row, family, q) : readCell(cell(row, index), q)) }];
  });
  const externalIds = input.rows.map((row) => cell(row, input.mapping.externalId));
  const copies = new Map<string, number>();
  const ids = input.rows.map((row, i) => {
    if (input.mapping.externalId !== null) return responseIdOf(questionnaire.id, `id:${externalIds[i]}`);
    const content = JSON.stringify(row.map((c) => c.trim()));
    const copy = copies.get(content) ?? 0;
    copies.set(content, copy + 1);
    return responseIdOf(questionnaire.id, `row:${copy}:${content}`);
  });
  const stored = new Set(
    ids.length ? (await ctx.db.select({ id: questionnaireResponses.id }).from(questionnaireResponses).where(inArray(questionnaireResponses.id, ids))).map((r) => r.id) : [],
  );
  const seen = new Set<string>();
  const checked: Checked[] = input.rows.map((row, i) => {
    const errors: Record<string, FieldError> = {};
    const answers: Record<string, string> = {};
    for (const { question, read } of readers) {
      const answer = read(row);
      if (answer && "error" in answer) errors[question.id] = { key: answer.error };
      else if (answer) answers[question.id] = answer.value;
    }
    const scored = scoreAnswers(questions, answers, test);
    for (const [field, error] of Object.entries(scored.errors)) errors[field.replace(/^answers\./, "")] ??= error;
    const codeCell = cell(row, input.mapping.pairingCode);
    const code = codeCell ? pairingCodeField.safeParse(codeCell) : null;
    if (code && !code.success) errors.pairingCode = { key: "pairingCodeShape" };
    else if (test && !code) errors.pairingCode = { key: "pairingCodeNeeded" };
    if (input.mapping.externalId !== null && !externalIds[i]) errors.externalId = { key: "required" };
    const id = ids[i]!;
    const again = seen.has(id) || stored.has(id);
    seen.add(id);
    const status = Object.keys(errors).length ? "error" : again ? "existing" : "new";
    return {
      preview: { row: i + 2, status, label: externalIds[i] || `#${i + 2}`, errors },
      id,
      pairingCode: code?.success ? code.data : null,
      answers,
    };
  });
  return { questionnaire, checked };
}

/** Step two: what the file would add, row by row; a row already imported (same `_uuid`) is skipped. */
export const previewQuestionnaireImport = defineUseCase({
  name: "questionnaires.previewImport",
  http: {
    method: "post",
    path: "/projects/{projectId}/workshops/{workshopId}/questionnaires/{questionnaireId}/import/preview",
    response: previewResponseImportOutput,
  },
  access: { kind: "project", permission: "questionnaires.enter" },
  input: questionnaireImportInput,
  write: false,
  async run(ctx, input): Promise<Preview> {
    return summarise((await checkRows(ctx, input)).checked.map((c) => c.preview));
  },
});

/** Step three: all or nothing. Rows already imported are skipped, so the same file twice adds no one. */
export const commitQuestionnaireImport = defineUseCase({
  name: "questionnaires.commitImport",
  http: {
    method: "post",
    path: "/projects/{projectId}/workshops/{workshopId}/questionnaires/{questionnaireId}/import/commit",
    response: commitResponseImportOutput,
  },
  access: { kind: "project", permission: "questionnaires.enter" },
  input: questionnaireImportInput,
  write: true,
  async run(ctx, input) {
    const { questionnaire, checked } = await checkRows(ctx, input);
    refuseIfAnyError(summarise(checked.map((c) => c.preview)));
    let added = 0;
    for (const row of checked.filter((c) => c.preview.status === "new")) {
      const stored = await storeResponse(ctx.db, questionnaire, {
        id: row.id,
        participantId: null,
        pairingCode: row.pairingCode,
        answers: row.answers,
        source: "imported",
        submittedById: ctx.user.id,
      });
      if (!stored.replayed) added += 1;
    }
    await recordAudit(ctx.db, {
      actorId: ctx.user.id,
      action: "questionnaires.commitImport",
      entityType: "workshop",
      entityId: input.workshopId,
      projectId: input.projectId,
      changes: { questionnaire: { before: null, after: questionnaire.kind }, responses: { before: null, after: added }, skipped: { before: null, after: checked.length - added } },
    });
    return { added, skipped: checked.length - added };
  },
});
