import { and, count, desc, eq, inArray, ne, sql } from "drizzle-orm";
import { participantProjects, questionnaireQuestions, questionnaireResponses, questionnaires, workshops, type Questionnaire } from "@/db/schema";
import type { Db } from "@/db/client";
import { recordAudit } from "@/lib/audit";
import { can } from "@/lib/policy";
import { UseCaseError } from "@/lib/result";
import { defineUseCase, type UseCaseCtx } from "@/lib/use-case";
import { loadWorkshop } from "@/lib/workshops/queries";
import { loadQuestionnaire } from "./queries";
import { questionsOf, storeResponse } from "./store";
import {
  addResponseOutput,
  copyQuestionnaireOutput,
  createQuestionnaireOutput,
  setQuestionnaireStatusOutput,
  updateQuestionnaireOutput,
  workshopQuestionnairesOutput,
} from "./responses";
import {
  addResponseInput,
  copyQuestionnaireInput,
  createQuestionnaireInput,
  setQuestionnaireStatusInput,
  updateQuestionnaireInput,
  workshopQuestionnairesInput,
  type QuestionInput,
} from "./schemas";

/** A test's right answer is kept for its own questions only. */
const questionRow = (questionnaireId: string, q: QuestionInput, position: number) => ({
  questionnaireId,
  position,
  type: q.type,
  text: q.text,
  choices: q.choices,
  correct: q.type === "single_choice" || q.type === "true_false" ? q.correct : null,
  points: q.points,
});

async function writeQuestions(db: Db, questionnaireId: string, questions: QuestionInput[]) {
  await db.insert(questionnaireQuestions).values(questions.map((q, position) => questionRow(questionnaireId, q, position)));
}

async function refuseSecondOfKind(db: Db, workshopId: string, kind: Questionnaire["kind"]) {
  const [existing] = await db
    .select({ id: questionnaires.id })
    .from(questionnaires)
    .where(and(eq(questionnaires.workshopId, workshopId), eq(questionnaires.kind, kind)));
  if (existing) throw new UseCaseError("conflict", { kind: { key: "questionnaireKindTaken" } });
}

/** The workshop's questionnaires with their questions and how many answered each; the right answers only for those who write them. */
export const getWorkshopQuestionnaires = defineUseCase({
  name: "questionnaires.list",
  http: { method: "get", path: "/projects/{projectId}/workshops/{workshopId}/questionnaires", response: workshopQuestionnairesOutput },
  access: { kind: "project", permission: "project.read" },
  input: workshopQuestionnairesInput,
  write: false,
  async run(ctx, input) {
    const workshop = await loadWorkshop(ctx, input.projectId, input.workshopId);
    const rows = await ctx.db.select().from(questionnaires).where(eq(questionnaires.workshopId, workshop.id));
    const ids = rows.map((q) => q.id);
    const [questions, answered] = ids.length
      ? await Promise.all([
          ctx.db.select().from(questionnaireQuestions).where(inArray(questionnaireQuestions.questionnaireId, ids)).orderBy(questionnaireQuestions.position),
          ctx.db
            .select({ questionnaireId: questionnaireResponses.questionnaireId, n: count() })
            .from(questionnaireResponses)
            .where(inArray(questionnaireResponses.questionnaireId, ids))
            .groupBy(questionnaireResponses.questionnaireId),
        ])
      : [[], []];
    const seesAnswers = can(ctx.access, "questionnaires.edit");
    // What a manager may copy from: the questionnaires of the project's other workshops.
    const copySources = seesAnswers
      ? await ctx.db
          .select({ id: questionnaires.id, kind: questionnaires.kind, workshopTitle: workshops.title, startDate: workshops.startDate })
          .from(questionnaires)
          .innerJoin(workshops, eq(workshops.id, questionnaires.workshopId))
          .where(and(eq(workshops.projectId, input.projectId), ne(workshops.id, workshop.id)))
          .orderBy(desc(workshops.startDate))
      : [];
    return {
      workshop: { id: workshop.id, title: workshop.title, startDate: workshop.startDate, endDate: workshop.endDate, language: workshop.language },
      questionnaires: rows.map((q) => ({
        ...q,
        responses: answered.find((a) => a.questionnaireId === q.id)?.n ?? 0,
        questions: questions.filter((x) => x.questionnaireId === q.id).map((x) => ({ ...x, correct: seesAnswers ? x.correct : null })),
      })),
      copySources,
      canEdit: seesAnswers,
      canEnter: can(ctx.access, "questionnaires.enter"),
    };
  },
});

/** A manager writes a workshop's pre-test, post-test or feedback form (one of each). */
export const createQuestionnaire = defineUseCase({
  name: "questionnaires.create",
  http: { method: "post", path: "/projects/{projectId}/workshops/{workshopId}/questionnaires", status: 201, response: createQuestionnaireOutput },
  access: { kind: "project", permission: "questionnaires.edit" },
  input: createQuestionnaireInput,
  write: true,
  async run(ctx, input) {
    const workshop = await loadWorkshop(ctx, input.projectId, input.workshopId);
    await refuseSecondOfKind(ctx.db, workshop.id, input.kind);
    const [row] = await ctx.db.insert(questionnaires).values({ workshopId: workshop.id, kind: input.kind, title: input.title }).returning();
    await writeQuestions(ctx.db, row!.id, input.questions);
    await recordAudit(ctx.db, {
      actorId: ctx.user.id,
      action: "questionnaires.create",
      entityType: "workshop",
      entityId: workshop.id,
      projectId: input.projectId,
      changes: { questionnaire: { before: null, after: input.kind }, questions: { before: null, after: input.questions.length } },
    });
    return row!;
  },
});

/** Rewrites a questionnaire and its questions, while nobody has answered it. */
export const updateQuestionnaire = defineUseCase({
  name: "questionnaires.update",
  http: { method: "put", path: "/projects/{projectId}/workshops/{workshopId}/questionnaires/{questionnaireId}", response: updateQuestionnaireOutput },
  access: { kind: "project", permission: "questionnaires.edit" },
  input: updateQuestionnaireInput,
  write: true,
  async run(ctx, input) {
    const workshop = await loadWorkshop(ctx, input.projectId, input.workshopId);
    const before = await loadQuestionnaire(ctx.db, workshop.id, input.questionnaireId);
    if (before.version !== input.version) throw new UseCaseError("stale");
    if (before.kind !== input.kind) throw new UseCaseError("invalid", { kind: { key: "questionnaireKindFixed" } });
    const [{ n }] = (await ctx.db.select({ n: count() }).from(questionnaireResponses).where(eq(questionnaireResponses.questionnaireId, before.id))) as [{ n: number }];
    if (n > 0) throw new UseCaseError("conflict", { _form: { key: "questionnaireAnswered" } });
    const [after] = await ctx.db
      .update(questionnaires)
      .set({ title: input.title, version: sql`${questionnaires.version} + 1` })
      .where(and(eq(questionnaires.id, before.id), eq(questionnaires.version, input.version)))
      .returning();
    if (!after) throw new UseCaseError("stale");
    await ctx.db.delete(questionnaireQuestions).where(eq(questionnaireQuestions.questionnaireId, before.id));
    await writeQuestions(ctx.db, before.id, input.questions);
    await recordAudit(ctx.db, {
      actorId: ctx.user.id,
      action: "questionnaires.update",
      entityType: "workshop",
      entityId: workshop.id,
      projectId: input.projectId,
      changes: { questionnaire: { before: before.kind, after: after.kind }, questions: { before: null, after: input.questions.length } },
    });
    return after;
  },
});

/**
 * Copies a questionnaire of another of the project's workshops (the same training is given many
 * times) into this one, as a draft of the same kind.
 */
export const copyQuestionnaire = defineUseCase({
  name: "questionnaires.copy",
  http: { method: "post", path: "/projects/{projectId}/workshops/{workshopId}/questionnaires/copy", status: 201, response: copyQuestionnaireOutput },
  access: { kind: "project", permission: "questionnaires.edit" },
  input: copyQuestionnaireInput,
  write: true,
  async run(ctx, input) {
    const workshop = await loadWorkshop(ctx, input.projectId, input.workshopId);
    const [source] = await ctx.db
      .select({ questionnaire: questionnaires })
      .from(questionnaires)
      .innerJoin(workshops, eq(workshops.id, questionnaires.workshopId))
      .where(and(eq(questionnaires.id, input.sourceId), eq(workshops.projectId, input.projectId)));
    if (!source) throw new UseCaseError("invalid", { sourceId: { key: "questionnaireNotFound" } });
    await refuseSecondOfKind(ctx.db, workshop.id, source.questionnaire.kind);
    const [row] = await ctx.db.insert(questionnaires).values({ workshopId: workshop.id, kind: source.questionnaire.kind, title: source.questionnaire.title }).returning();
    const questions = await questionsOf(ctx.db, source.questionnaire.id);
    if (questions.length) await ctx.db.insert(questionnaireQuestions).values(questions.map(({ id: _id, questionnaireId: _from, ...q }) => ({ ...q, questionnaireId: row!.id })));
    await recordAudit(ctx.db, {
      actorId: ctx.user.id,
      action: "questionnaires.copy",
      entityType: "workshop",
      entityId: workshop.id,
      projectId: input.projectId,
      changes: { questionnaire: { before: null, after: row!.kind }, copiedFrom: { before: null, after: source.questionnaire.id } },
    });
    return row!;
  },
});

/** Opens a questionnaire to answers (its public link works only then) or closes it. */
export const setQuestionnaireStatus = defineUseCase({
  name: "questionnaires.setStatus",
  http: { method: "post", path: "/projects/{projectId}/workshops/{workshopId}/questionnaires/{questionnaireId}/status", response: setQuestionnaireStatusOutput },
  access: { kind: "project", permission: "questionnaires.edit" },
  input: setQuestionnaireStatusInput,
  write: true,
  async run(ctx, input) {
    const workshop = await loadWorkshop(ctx, input.projectId, input.workshopId);
    const before = await loadQuestionnaire(ctx.db, workshop.id, input.questionnaireId);
    const [after] = await ctx.db
      .update(questionnaires)
      .set({ status: input.status, version: sql`${questionnaires.version} + 1` })
      .where(eq(questionnaires.id, before.id))
      .returning();
    await recordAudit(ctx.db, {
      actorId: ctx.user.id,
      action: "questionnaires.setStatus",
      entityType: "workshop",
      entityId: workshop.id,
      projectId: input.projectId,
      changes: { [before.kind]: { before: before.status, after: input.status } },
    });
    return after!;
  },
});

async function requireProjectParticipant(ctx: UseCaseCtx, projectId: string, participantId: string) {
  const [known] = await ctx.db
    .select({ id: participantProjects.participantId })
    .from(participantProjects)
    .where(and(eq(participantProjects.projectId, projectId), eq(participantProjects.participantId, participantId)));
  if (!known) throw new UseCaseError("invalid", { participantId: { key: "notProjectParticipant" } });
}

/**
 * Staff type in one respondent's paper form: the participant named (which pairs their tests
 * exactly) or their pairing code. Paper forms are typed after the session too, so a closed
 * questionnaire takes them; a draft takes none.
 */
export const addQuestionnaireResponse = defineUseCase({
  name: "questionnaires.addResponse",
  http: { method: "post", path: "/projects/{projectId}/workshops/{workshopId}/questionnaires/{questionnaireId}/responses", status: 201, response: addResponseOutput },
  access: { kind: "project", permission: "questionnaires.enter" },
  input: addResponseInput,
  write: true,
  async run(ctx, input) {
    const workshop = await loadWorkshop(ctx, input.projectId, input.workshopId);
    const questionnaire = await loadQuestionnaire(ctx.db, workshop.id, input.questionnaireId);
    if (questionnaire.status === "draft") throw new UseCaseError("conflict", { _form: { key: "questionnaireDraft" } });
    if (input.participantId) await requireProjectParticipant(ctx, input.projectId, input.participantId);
    return storeResponse(ctx.db, questionnaire, { ...input, source: "typed", submittedById: ctx.user.id });
  },
});
