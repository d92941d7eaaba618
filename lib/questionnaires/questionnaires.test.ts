import crypto from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { participantProjects, questionnaireAnswers, questionnaireResponses } from "@/db/schema";
import { createTestDatabase } from "@/db/testing";
import { expectFailure, expectOk, snapshotCounts, uniqueTag, written } from "@/lib/testing/helpers";
import { insertInstitution, insertPerson, insertWorkshop } from "@/lib/testing/workshops";
import { createWorld } from "@/lib/testing/world";
import { publicQuestionnaire, submitPublicResponse } from "./public";
import { getQuestionnaireResults } from "./results";
import { addQuestionnaireResponse, copyQuestionnaire, createQuestionnaire, getWorkshopQuestionnaires, setQuestionnaireStatus, updateQuestionnaire } from "./use-cases";

let database: Database;

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

const counts = () => snapshotCounts(database.db, { questionnaireResponses, questionnaireAnswers });
const address = () => `10.1.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`;

/** Two questions worth 1 and 3 points: "Trafficking needs movement" (false), and the Palermo Protocol's year among three (2000). */
const testQuestions = [
  { type: "true_false" as const, text: written("La trata requiere traslado", "es"), correct: 1, points: 1 },
  {
    type: "single_choice" as const,
    text: written("Año del Protocolo de Palermo", "es"),
    choices: [written("1995", "es"), written("2000", "es"), written("2010", "es")],
    correct: 1,
    points: 3,
  },
];

async function setup() {
  const world = await createWorld(database.db);
  const manager = await world.ctx("manager");
  const workshop = await insertWorkshop(database.db, world.projectId);
  const ids = { projectId: world.projectId, workshopId: workshop.id };
  const create = async (kind: "pre_test" | "post_test") =>
    expectOk(await createQuestionnaire(manager, { ...ids, kind, title: written(`Prueba ${kind}`, "es"), questions: testQuestions }));
  const pre = await create("pre_test");
  const post = await create("post_test");
  const feedback = expectOk(
    await createQuestionnaire(manager, {
      ...ids,
      kind: "feedback",
      title: written("Opinión", "es"),
      questions: [
        { type: "agreement", text: written("El taller fue útil", "es") },
        { type: "open", text: written("¿Qué mejoraría?", "es") },
      ],
    }),
  );
  const list = async (role: "manager" | "field" | "partner" = "manager") => expectOk(await getWorkshopQuestionnaires(await world.ctx(role), ids));
  const questions = async (id: string) => (await list()).questionnaires.find((q) => q.id === id)!.questions;
  return { world, manager, ids, pre, post, feedback, list, questions };
}

describe("writing questionnaires", () => {
  it("refuses a test question without its right answer, a choice question with one choice and an open question on a test, writing nothing", async () => {
    const s = await setup();
    const failure = expectFailure(
      await createQuestionnaire(s.manager, {
        ...s.ids,
        kind: "pre_test",
        title: written("Otra", "es"),
        questions: [
          { type: "true_false", text: written("Sin respuesta", "es") },
          { type: "single_choice", text: written("Una opción", "es"), choices: [written("Sí", "es")], correct: 0 },
          { type: "open", text: written("Abierta", "es") },
        ],
      }),
    );
    expect(failure.fieldErrors).toEqual({
      "questions.0.correct": { key: "testQuestionNeedsAnswer" },
      "questions.1.choices": { key: "choicesNeeded" },
      "questions.2.type": { key: "testQuestionType" },
    });
    expect((await s.list()).questionnaires).toHaveLength(3);
  });

  it("keeps one of each kind per workshop, copies one into another workshop as a draft, and hides the right answers from field staff", async () => {
    const s = await setup();
    expect(expectFailure(await createQuestionnaire(s.manager, { ...s.ids, kind: "pre_test", title: written("Dos", "es"), questions: testQuestions })).fieldErrors).toEqual({
      kind: { key: "questionnaireKindTaken" },
    });
    const other = await insertWorkshop(database.db, s.world.projectId, { title: "Segunda edición" });
    const copy = expectOk(await copyQuestionnaire(s.manager, { projectId: s.world.projectId, workshopId: other.id, sourceId: s.pre.id }));
    expect(copy).toMatchObject({ kind: "pre_test", status: "draft", workshopId: other.id });
    const copied = expectOk(await getWorkshopQuestionnaires(s.manager, { projectId: s.world.projectId, workshopId: other.id })).questionnaires[0]!.questions;
    expect(copied.map((q) => [q.type, q.correct, q.points])).toEqual([
      ["true_false", 1, 1],
      ["single_choice", 1, 3],
    ]);
    expect((await s.list("field")).questionnaires[0]!.questions.every((q) => q.correct === null)).toBe(true);
    // A questionnaire of another project's manager is not copied, nor said to exist.
    const elsewhere = await createWorld(database.db);
    const foreign = await insertWorkshop(database.db, elsewhere.projectId);
    expect(
      expectFailure(await copyQuestionnaire(await elsewhere.ctx("manager"), { projectId: elsewhere.projectId, workshopId: foreign.id, sourceId: s.pre.id })).fieldErrors,
    ).toEqual({ sourceId: { key: "questionnaireNotFound" } });
  });

  it("changes its questions only while nobody answered", async () => {
    const s = await setup();
    const update = () =>
      updateQuestionnaire(s.manager, {
        ...s.ids,
        questionnaireId: s.pre.id,
        version: s.pre.version,
        kind: "pre_test",
        title: written("Nueva", "es"),
        questions: testQuestions.slice(0, 1),
      });
    expectOk(await update());
    expectOk(await setQuestionnaireStatus(s.manager, { ...s.ids, questionnaireId: s.pre.id, status: "open" }));
    const [question] = await s.questions(s.pre.id);
    expectOk(await addQuestionnaireResponse(s.manager, { ...s.ids, questionnaireId: s.pre.id, id: crypto.randomUUID(), pairingCode: "ma7", answers: { [question!.id]: "1" } }));
    const again = () =>
      updateQuestionnaire(s.manager, { ...s.ids, questionnaireId: s.pre.id, version: s.pre.version + 2, kind: "pre_test", title: written("Otra", "es"), questions: testQuestions });
    expect(expectFailure(await again()).fieldErrors).toEqual({ _form: { key: "questionnaireAnswered" } });
  });
});

describe("answers", () => {
  it("typed by staff for a named participant are scored, once per person; a draft takes none", async () => {
    const s = await setup();
    const ana = await insertPerson(database.db, s.world.projectId, "Ana", `Cruz ${uniqueTag()}`, "woman");
    await database.db.insert(participantProjects).values({ participantId: ana.id, projectId: s.world.projectId }).onConflictDoNothing();
    const [tf, choice] = await s.questions(s.pre.id);
    const send = (answers: Record<string, string>, ctxRole: "manager" | "field" = "field") =>
      s.world.ctx(ctxRole).then((ctx) => addQuestionnaireResponse(ctx, { ...s.ids, questionnaireId: s.pre.id, id: crypto.randomUUID(), participantId: ana.id, answers }));
    expect(expectFailure(await send({ [tf!.id]: "1" })).fieldErrors).toEqual({ _form: { key: "questionnaireDraft" } });
    expectOk(await setQuestionnaireStatus(s.manager, { ...s.ids, questionnaireId: s.pre.id, status: "open" }));
    const before = await counts();
    expect(expectFailure(await send({ [tf!.id]: "1", [choice!.id]: "7" })).fieldErrors).toEqual({ [`answers.${choice!.id}`]: { key: "invalidChoice" } });
    expect(await counts()).toEqual(before);
    expect(expectOk(await send({ [tf!.id]: "1", [choice!.id]: "0" }))).toMatchObject({ score: 1, maxScore: 4, replayed: false });
    expect(expectFailure(await send({ [tf!.id]: "0" })).fieldErrors).toEqual({ participantId: { key: "personAnsweredAlready" } });
    expect(
      expectFailure(
        await addQuestionnaireResponse(await s.world.ctx("partner"), { ...s.ids, questionnaireId: s.pre.id, id: crypto.randomUUID(), pairingCode: "AB12", answers: {} }),
      ).error,
    ).toBe("forbidden");
  });

  it("sent from a phone: only while open, once per device id, with a pairing code in its shape; nothing written on a refusal", async () => {
    const s = await setup();
    const [tf, choice] = await s.questions(s.pre.id);
    const id = crypto.randomUUID();
    const submit = (body: Record<string, unknown>) => submitPublicResponse(database.db, { questionnaireId: s.pre.id, id, ...body }, address());
    expect(await publicQuestionnaire(database.db, s.pre.id)).toBeNull();
    // Ids that look like one but are none are simply not found.
    for (const bogus of ["0".repeat(36), "-".repeat(36), "x", `${s.pre.id}'`]) expect(await publicQuestionnaire(database.db, bogus)).toBeNull();
    expect(expectFailure(await submit({ pairingCode: "MA07", answers: { [tf!.id]: "1" } })).error).toBe("not_found");
    expectOk(await setQuestionnaireStatus(s.manager, { ...s.ids, questionnaireId: s.pre.id, status: "open" }));
    const shown = (await publicQuestionnaire(database.db, s.pre.id))!;
    expect(JSON.stringify(shown)).not.toContain("correct");
    expect(shown.questions).toHaveLength(2);
    const before = await counts();
    expect(expectFailure(await submit({ pairingCode: "M7", answers: { [tf!.id]: "1" } })).fieldErrors).toEqual({ pairingCode: { key: "pairingCodeShape" } });
    expect(expectFailure(await submit({ pairingCode: "MA32", answers: { [tf!.id]: "1" } })).fieldErrors).toEqual({ pairingCode: { key: "pairingCodeShape" } });
    expect(expectFailure(await submit({ answers: { [tf!.id]: "1" } })).fieldErrors).toEqual({ pairingCode: { key: "pairingCodeNeeded" } });
    expect(await counts()).toEqual(before);
    expect(expectOk(await submit({ pairingCode: "má 7", answers: { [tf!.id]: "1", [choice!.id]: "1" } }))).toEqual({ id, replayed: false });
    expect(expectOk(await submit({ pairingCode: "MA07", answers: { [tf!.id]: "0" } }))).toEqual({ id, replayed: true });
    // Sent twice at the same moment (a double tap): stored once, both told it was received.
    const twice = crypto.randomUUID();
    const both = await Promise.all(
      [1, 2].map(() => submitPublicResponse(database.db, { questionnaireId: s.pre.id, id: twice, pairingCode: "LU09", answers: { [tf!.id]: "1" } }, address())),
    );
    expect(both.map((r) => expectOk(r).replayed).sort()).toEqual([false, true]);
    const after = await counts();
    expect(after.questionnaireResponses).toBe(before.questionnaireResponses! + 2);
    expectOk(await setQuestionnaireStatus(s.manager, { ...s.ids, questionnaireId: s.pre.id, status: "closed" }));
    expect(
      expectFailure(await submitPublicResponse(database.db, { questionnaireId: s.pre.id, id: crypto.randomUUID(), pairingCode: "LU01", answers: { [tf!.id]: "1" } }, address()))
        .fieldErrors,
    ).toEqual({ _form: { key: "questionnaireClosed" } });
    expect(await counts()).toEqual(after);
  });
});

describe("results", () => {
  it("show each question's share right before and after, the mean scores, and the gain by sex; open answers to staff only", async () => {
    const s = await setup();
    for (const q of [s.pre, s.post, s.feedback]) expectOk(await setQuestionnaireStatus(s.manager, { ...s.ids, questionnaireId: q.id, status: "open" }));
    const [preTf, preChoice] = await s.questions(s.pre.id);
    const [postTf, postChoice] = await s.questions(s.post.id);
    const [useful, improve] = await s.questions(s.feedback.id);
    const police = await insertInstitution(database.db, `Policía ${uniqueTag()}`, "state");
    // Six people named by staff (pre 0 or 1 of 4, post 4 of 4), four women and two men.
    const people = await Promise.all(
      ["woman", "woman", "woman", "woman", "man", "man"].map((sex, i) => insertPerson(database.db, s.world.projectId, `P${i}`, uniqueTag(), sex as "woman" | "man", police.id)),
    );
    await database.db
      .insert(participantProjects)
      .values(people.map((p) => ({ participantId: p.id, projectId: s.world.projectId })))
      .onConflictDoNothing();
    for (const [i, p] of people.entries()) {
      const preAnswers = i % 2 === 0 ? { [preTf!.id]: "1", [preChoice!.id]: "0" } : { [preTf!.id]: "0", [preChoice!.id]: "2" };
      expectOk(await addQuestionnaireResponse(s.manager, { ...s.ids, questionnaireId: s.pre.id, id: crypto.randomUUID(), participantId: p.id, answers: preAnswers }));
      expectOk(
        await addQuestionnaireResponse(s.manager, {
          ...s.ids,
          questionnaireId: s.post.id,
          id: crypto.randomUUID(),
          participantId: p.id,
          answers: { [postTf!.id]: "1", [postChoice!.id]: "1" },
        }),
      );
      expectOk(
        await submitPublicResponse(
          database.db,
          { questionnaireId: s.feedback.id, id: crypto.randomUUID(), answers: { [useful!.id]: i < 5 ? "5" : "2", [improve!.id]: `Más casos prácticos ${i}` } },
          address(),
        ),
      );
    }
    const results = expectOk(await getQuestionnaireResults(s.manager, s.ids));
    expect(results.before!.questions.map((q) => q.right)).toEqual([
      { shown: true, n: 6, agree: 3, percent: 50 },
      { shown: true, n: 6, agree: 0, percent: 0 },
    ]);
    expect(results.after!.questions.map((q) => (q.right.shown ? q.right.percent : null))).toEqual([100, 100]);
    // Before: 3 people scored 1 of 4, 3 scored 0: 3 of 24 points, 13 %; after 24 of 24.
    expect([results.before!.meanScore, results.after!.meanScore]).toEqual([
      { shown: true, n: 24, agree: 3, percent: 13 },
      { shown: true, n: 24, agree: 24, percent: 100 },
    ]);
    expect(results.pairs).toBe(6);
    expect(results.gain.overall).toEqual({ shown: true, n: 6, percent: 100 });
    // Four women would be shown at a threshold of 4, but at 5 both groups are too few.
    expect(results.gain.groups["sex:woman"]).toEqual({ shown: false, reason: "tooFew" });
    const feedback = results.feedback!.questions;
    expect(feedback[0]!.agreement).toEqual({ shown: true, n: 6, agree: 5, percent: 83 });
    expect(feedback[1]!.answers).toHaveLength(6);
    const partner = expectOk(await getQuestionnaireResults(await s.world.ctx("partner"), s.ids));
    expect(partner.feedback!.questions[1]!.answers).toBeNull();
    expect(JSON.stringify(partner)).not.toContain("Más casos");
  });
});
