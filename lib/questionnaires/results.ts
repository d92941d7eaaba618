import { and, desc, eq, inArray, sql } from "drizzle-orm";
import { institutions, participants, questionnaireAnswers, questionnaireResponses, questionnaires, workshops, type Questionnaire } from "@/db/schema";
import type { Db } from "@/db/client";
import { percentOf, statementFigures, type Figure } from "@/lib/evaluations/results";
import { can } from "@/lib/policy";
import { defineUseCase } from "@/lib/use-case";
import { projectIdInput } from "@/lib/zod-fields";
import { loadWorkshop } from "@/lib/workshops/queries";
import { gainFigures, pairTests, type TakenTest } from "./gain";
import { feedbackScale, minGroupSize } from "./kinds";
import { questionsOf } from "./store";
import { questionnaireResultsOutput, workshopComparisonOutput } from "./responses";
import { workshopQuestionnairesInput } from "./schemas";

export const gainBreakdowns = ["sex", "sector", "institution_kind"] as const;

/** A count out of n as published: withheld below the threshold. */
const shareOf = (part: number, n: number): Figure => (n < minGroupSize ? { shown: false, reason: "tooFew" } : { shown: true, n, agree: part, percent: percentOf(part, n) });

/** The tests taken, with each respondent's groups where staff named the person. */
async function takenTests(db: Db, questionnaireId: string): Promise<TakenTest[]> {
  const rows = await db
    .select({
      participantId: questionnaireResponses.participantId,
      pairingCode: questionnaireResponses.pairingCode,
      score: questionnaireResponses.score,
      maxScore: questionnaireResponses.maxScore,
      sex: participants.sex,
      sector: institutions.sector,
      kind: institutions.kind,
    })
    .from(questionnaireResponses)
    .leftJoin(participants, eq(participants.id, questionnaireResponses.participantId))
    .leftJoin(institutions, eq(institutions.id, participants.institutionId))
    .where(eq(questionnaireResponses.questionnaireId, questionnaireId));
  return rows.map((r) => ({
    participantId: r.participantId,
    pairingCode: r.pairingCode,
    score: r.score ?? 0,
    maxScore: r.maxScore ?? 0,
    groups: Object.fromEntries(Object.entries({ sex: r.participantId ? r.sex : null, sector: r.sector, institution_kind: r.kind }).filter(([, group]) => group !== null)) as Record<
      string,
      string
    >,
  }));
}

/** Each question's share of right answers among everyone who took the test (a blank is not right), and the mean score. */
async function testFigures(db: Db, questionnaire: Questionnaire | undefined, taken: TakenTest[]) {
  if (!questionnaire) return null;
  const [questions, right] = await Promise.all([
    questionsOf(db, questionnaire.id),
    db
      .select({ questionId: questionnaireAnswers.questionId, n: sql<number>`count(*)::int` })
      .from(questionnaireAnswers)
      .innerJoin(questionnaireResponses, eq(questionnaireResponses.id, questionnaireAnswers.responseId))
      .where(and(eq(questionnaireResponses.questionnaireId, questionnaire.id), eq(questionnaireAnswers.correct, true)))
      .groupBy(questionnaireAnswers.questionId),
  ]);
  const n = taken.length;
  const scored = taken.reduce((sum, t) => sum + t.score, 0);
  const max = taken.reduce((sum, t) => sum + t.maxScore, 0);
  return {
    id: questionnaire.id,
    n,
    meanScore: n < minGroupSize || max === 0 ? ({ shown: false, reason: "tooFew" } as Figure) : shareOf(scored, max),
    questions: questions.map((q) => ({ id: q.id, text: q.text, right: shareOf(right.find((r) => r.questionId === q.id)?.n ?? 0, n) })),
  };
}

async function feedbackFigures(db: Db, questionnaire: Questionnaire | undefined, readsOpenAnswers: boolean) {
  if (!questionnaire) return null;
  const [questions, levels, texts] = await Promise.all([
    questionsOf(db, questionnaire.id),
    db
      .select({ questionId: questionnaireAnswers.questionId, level: questionnaireAnswers.choice, count: sql<number>`count(*)::int` })
      .from(questionnaireAnswers)
      .innerJoin(questionnaireResponses, eq(questionnaireResponses.id, questionnaireAnswers.responseId))
      .where(and(eq(questionnaireResponses.questionnaireId, questionnaire.id), sql`${questionnaireAnswers.choice} is not null`))
      .groupBy(questionnaireAnswers.questionId, questionnaireAnswers.choice),
    readsOpenAnswers
      ? db
          .select({ questionId: questionnaireAnswers.questionId, text: questionnaireAnswers.text })
          .from(questionnaireAnswers)
          .innerJoin(questionnaireResponses, eq(questionnaireResponses.id, questionnaireAnswers.responseId))
          .where(and(eq(questionnaireResponses.questionnaireId, questionnaire.id), sql`${questionnaireAnswers.text} is not null`))
      : [],
  ]);
  const scale = { ...feedbackScale, agreeLevels: [...feedbackScale.agreeLevels], minGroupSize };
  return {
    id: questionnaire.id,
    questions: questions.map((q) => {
      if (q.type === "open")
        return {
          id: q.id,
          type: q.type,
          text: q.text,
          agreement: null,
          distribution: null,
          answers: readsOpenAnswers ? texts.filter((t) => t.questionId === q.id).map((t) => t.text!) : null,
        };
      const figures = statementFigures(
        levels.filter((l) => l.questionId === q.id).map((l) => ({ groupId: "all", level: l.level!, count: l.count })),
        [],
        scale,
      );
      return { id: q.id, type: q.type, text: q.text, agreement: figures.overall, distribution: figures.distribution, answers: null };
    }),
  };
}

/**
 * What a workshop's tests and feedback show: each question's share of right answers before and
 * after, the mean score before and after, the paired normalised gain overall and by sex, sector and
 * institution kind (where staff named the person), and the feedback as evaluations show it. Every
 * figure under the evaluations' threshold; open answers for the staff only, never partners.
 */
export const getQuestionnaireResults = defineUseCase({
  name: "questionnaires.results",
  http: { method: "get", path: "/projects/{projectId}/workshops/{workshopId}/questionnaires/results", response: questionnaireResultsOutput },
  access: { kind: "project", permission: "project.read" },
  input: workshopQuestionnairesInput,
  write: false,
  async run(ctx, input) {
    const workshop = await loadWorkshop(ctx, input.projectId, input.workshopId);
    const rows = await ctx.db.select().from(questionnaires).where(eq(questionnaires.workshopId, workshop.id));
    const of = (kind: Questionnaire["kind"]) => rows.find((q) => q.kind === kind);
    const [pre, post] = await Promise.all([of("pre_test"), of("post_test")].map((q) => (q ? takenTests(ctx.db, q.id) : Promise.resolve([]))));
    const pairs = pairTests(pre!, post!);
    const [before, after, feedback] = await Promise.all([
      testFigures(ctx.db, of("pre_test"), pre!),
      testFigures(ctx.db, of("post_test"), post!),
      feedbackFigures(ctx.db, of("feedback"), can(ctx.access, "participants.read")),
    ]);
    return {
      workshop: { id: workshop.id, title: workshop.title },
      threshold: minGroupSize,
      before,
      after,
      pairs: pairs.length,
      gain: gainFigures(pairs, gainBreakdowns, minGroupSize),
      feedback,
    };
  },
});

/**
 * The same training given in several workshops, side by side: each workshop of the project with a
 * test, under its pre-test's title (a copied test keeps it), with its mean scores before and after
 * and its gain, each under the threshold. Newest workshop first within a training.
 */
export const compareWorkshopResults = defineUseCase({
  name: "questionnaires.compare",
  http: { method: "get", path: "/projects/{projectId}/questionnaires/comparison", response: workshopComparisonOutput },
  access: { kind: "project", permission: "project.read" },
  input: projectIdInput,
  write: false,
  async run(ctx, input) {
    const tests = await ctx.db
      .select({ questionnaire: questionnaires, workshopTitle: workshops.title, startDate: workshops.startDate, type: workshops.type })
      .from(questionnaires)
      .innerJoin(workshops, eq(workshops.id, questionnaires.workshopId))
      .where(and(eq(workshops.projectId, input.projectId), inArray(questionnaires.kind, ["pre_test", "post_test"])))
      .orderBy(desc(workshops.startDate));
    const byWorkshop = new Map<string, typeof tests>();
    for (const t of tests) byWorkshop.set(t.questionnaire.workshopId, [...(byWorkshop.get(t.questionnaire.workshopId) ?? []), t]);
    const rows = await Promise.all(
      [...byWorkshop].map(async ([workshopId, own]) => {
        const of = (kind: Questionnaire["kind"]) => own.find((t) => t.questionnaire.kind === kind)?.questionnaire;
        const [pre, post] = await Promise.all([of("pre_test"), of("post_test")].map((q) => (q ? takenTests(ctx.db, q.id) : Promise.resolve([]))));
        const mean = (taken: TakenTest[]) =>
          taken.length < minGroupSize
            ? ({ shown: false, reason: "tooFew" } as Figure)
            : shareOf(
                taken.reduce((a, t) => a + t.score, 0),
                taken.reduce((a, t) => a + t.maxScore, 0),
              );
        const pairs = pairTests(pre!, post!);
        return {
          training: (of("pre_test") ?? of("post_test"))!.title,
          workshop: { id: workshopId, title: own[0]!.workshopTitle, startDate: own[0]!.startDate, type: own[0]!.type },
          before: mean(pre!),
          after: mean(post!),
          pairs: pairs.length,
          gain: gainFigures(pairs, [], minGroupSize).overall,
        };
      }),
    );
    return { rows };
  },
});
