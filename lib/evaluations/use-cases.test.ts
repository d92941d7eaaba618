import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { createTestDatabase } from "@/db/testing";
import { auditEntries, evaluations, projects, users, type Narrative } from "@/db/schema";
import { demoProjectCodes, seedDemo } from "@/db/seed/demo";
import { demoEvaluations } from "@/db/seed/evaluations";
import { ctxFor, expectFailure, expectOk, written } from "@/lib/testing/helpers";
import { createWorld } from "@/lib/testing/world";
import type { Figure } from "./results";
import type { CreateEvaluationInput } from "./schemas";
import { addResponse, createEvaluation, getEvaluationResults, listEvaluations, translateEvaluation, type StatementResult } from "./use-cases";

let database: Database;

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

const shown = (f: Figure) => (f.shown ? `${f.percent} % of ${f.n}` : f.reason);
const percents = (results: StatementResult[]) =>
  Object.fromEntries(results.map((r) => [r.key, { all: shown(r.overall), ...Object.fromEntries(r.groups.map((g) => [g.key, shown(g.figure)])) }]));

describe("the demo evaluations", () => {
  it("give exactly the figures the closing reports published", async () => {
    await seedDemo(database.db);
    const [manager] = await database.db.select({ id: users.id }).from(users).where(eq(users.email, "manager@example.org"));
    const ctx = await ctxFor(database.db, manager!.id);
    const figures = async (code: string, title: Narrative) => {
      const [project] = await database.db.select({ id: projects.id }).from(projects).where(eq(projects.code, code));
      const [evaluation] = await database.db.select({ id: evaluations.id }).from(evaluations).where(eq(evaluations.title, title));
      return expectOk(await getEvaluationResults(ctx, { projectId: project!.id, evaluationId: evaluation!.id }));
    };
    const honduras = await figures(demoProjectCodes.honduras, demoEvaluations.honduras.title);
    expect(honduras.respondents).toBe(109);
    expect(percents(honduras.results)).toEqual({
      q1_vulnerability: { all: "76 % of 109", state: "76 % of 58", civil_society: "76 % of 51" },
      q2_victims: { all: "86 % of 109", state: "86 % of 58", civil_society: "86 % of 51" },
      q3_lasting: { all: "96 % of 109", state: "97 % of 58", civil_society: "96 % of 51" },
      q4_child_protection: { all: "96 % of 51", state: "tooFew", civil_society: "96 % of 51" },
    });
    expect(honduras.results[0]!.distribution!.reduce((a, b) => a + b)).toBe(109);
    const costaRica = await figures(demoProjectCodes.costaRica, demoEvaluations.costaRica.title);
    expect(percents(costaRica.results)).toEqual({
      cr1_legislation: { all: "96 % of 25", police_justice: "96 % of 25" },
      cr2_tools: { all: "100 % of 25", police_justice: "100 % of 25" },
      cr3_equipped: { all: "100 % of 25", police_justice: "100 % of 25" },
    });
  });
});

const form = (projectId: string, overrides: Partial<CreateEvaluationInput> = {}): CreateEvaluationInput => ({
  projectId,
  title: written("Evaluación final", "es"),
  scaleSize: 4,
  agreeLevels: [3, 4],
  minGroupSize: 3,
  groups: [
    { key: "state", name: { original: "es", es: "Estado" } },
    { key: "ngo", name: { original: "es", es: "Sociedad civil" } },
  ],
  statements: [
    { key: "q1", text: { original: "es", es: "Mejoró la coordinación" } },
    { key: "q2", text: { original: "es", es: "Los efectos perdurarán" } },
  ],
  ...overrides,
});

describe("an evaluation's responses", () => {
  it("count once per submission id; a group under the threshold shows no figure, nor does the one group that would give it away", async () => {
    const world = await createWorld(database.db);
    const manager = await world.ctx("manager");
    const evaluation = expectOk(await createEvaluation(manager, form(world.projectId)));
    const ids = { projectId: world.projectId, evaluationId: evaluation.id };
    const answer = (group: string, q1: number, externalId: string | null = null) => addResponse(manager, { ...ids, group, externalId, answers: { q1, q2: 4 } });
    expectOk(await answer("state", 4, "kobo-1"));
    expect(expectOk(await answer("state", 1, "kobo-1"))).toEqual({ added: false });
    expectOk(await answer("state", 3));
    expectOk(await answer("state", 2));
    expectOk(await answer("ngo", 4));
    const { results, respondents } = expectOk(await getEvaluationResults(await world.ctx("partner"), ids));
    expect(respondents).toBe(4);
    expect(percents(results).q1).toEqual({ all: "75 % of 4", state: "protectsSmallGroup", ngo: "tooFew" });
    expect(results[0]!.distribution).toEqual([0, 1, 1, 2]);
    expect(expectOk(await listEvaluations(await world.ctx("field"), { projectId: world.projectId })).map((e) => e.respondents)).toEqual([4]);
  });

  it("refuses answers off the scale, unknown statements or groups, and bad evaluations, writing nothing", async () => {
    const world = await createWorld(database.db);
    const manager = await world.ctx("manager");
    const evaluation = expectOk(await createEvaluation(manager, form(world.projectId)));
    const ids = { projectId: world.projectId, evaluationId: evaluation.id };
    expect(expectFailure(await addResponse(manager, { ...ids, group: "state", answers: { q1: 5 } })).fieldErrors?.answers).toEqual({ key: "offScale", values: { max: 4 } });
    expect(expectFailure(await addResponse(manager, { ...ids, group: "state", answers: { q9: 3 } })).fieldErrors?.answers).toEqual({ key: "unknownStatement" });
    expect(expectFailure(await addResponse(manager, { ...ids, group: "police", answers: { q1: 3 } })).fieldErrors?.group).toEqual({ key: "invalidChoice" });
    expect(expectFailure(await addResponse(await world.ctx("partner"), { ...ids, group: "state", answers: { q1: 3 } })).error).toBe("forbidden");
    expect(expectOk(await getEvaluationResults(manager, ids)).respondents).toBe(0);
    expect(expectFailure(await createEvaluation(manager, form(world.projectId, { agreeLevels: [4, 5] }))).fieldErrors?.agreeLevels).toEqual({ key: "agreeOnScale" });
    expect(expectFailure(await createEvaluation(manager, form(world.projectId, { scaleSize: 7 as never }))).fieldErrors?.scaleSize).toBeDefined();
    const twice = [
      { key: "q1", text: { original: "es" as const, es: "a" } },
      { key: "q1", text: { original: "es" as const, es: "b" } },
    ];
    expect(expectFailure(await createEvaluation(manager, form(world.projectId, { statements: twice }))).fieldErrors?.statements).toEqual({ key: "duplicateKey" });
  });
});

describe("an evaluation's texts", () => {
  it("take each language from the manager, keep what is left out, and refuse a stale version, a blank original or another evaluation's statement, writing nothing", async () => {
    const world = await createWorld(database.db);
    const manager = await world.ctx("manager");
    const evaluation = expectOk(await createEvaluation(manager, form(world.projectId)));
    const other = expectOk(await createEvaluation(manager, form(world.projectId, { title: written("Otra", "es") })));
    const ids = { projectId: world.projectId, evaluationId: evaluation.id };
    const before = expectOk(await getEvaluationResults(manager, ids));
    const [q1, q2] = before.results;
    const state = before.groups.find((g) => g.key === "state")!;
    const saved = expectOk(
      await translateEvaluation(manager, {
        ...ids,
        version: 1,
        groups: [{ id: state.id, name: { original: "es", es: "Estado", fr: "État", en: "State" } }],
        statements: [{ id: q1!.statementId, text: { original: "es", es: "Mejoró la coordinación", en: "Coordination improved" } }],
      }),
    );
    expect(saved).toEqual({ version: 2 });
    const after = expectOk(await getEvaluationResults(manager, ids));
    expect(after.results.map((r) => r.text)).toEqual([{ original: "es", es: "Mejoró la coordinación", en: "Coordination improved" }, q2!.text]);
    expect(after.groups.find((g) => g.key === "state")!.name).toEqual({ original: "es", es: "Estado", fr: "État", en: "State" });

    const again = (input: Partial<Parameters<typeof translateEvaluation>[1]>) =>
      translateEvaluation(manager, { ...ids, version: 2, statements: [{ id: q1!.statementId, text: { original: "es", es: "Cambiado" } }], ...input });
    expect(expectFailure(await again({ version: 1 })).error).toBe("stale");
    expect(expectFailure(await again({ statements: [{ id: q1!.statementId, text: { original: "es", en: "Only English" } }] })).fieldErrors).toHaveProperty([
      "statements.0.text.es",
    ]);
    const foreign = expectOk(await getEvaluationResults(manager, { ...ids, evaluationId: other.id })).results[0]!;
    expect(expectFailure(await again({ statements: [{ id: foreign.statementId, text: { original: "es", es: "Ajeno" } }] })).fieldErrors?.statements).toEqual({
      key: "unknownStatement",
    });
    expect(expectFailure(await translateEvaluation(await world.ctx("field"), { ...ids, version: 2 })).error).toBe("forbidden");
    expect(expectOk(await getEvaluationResults(manager, ids)).results[0]!.text.es).toBe("Mejoró la coordinación");
    expect(expectOk(await getEvaluationResults(manager, { ...ids, evaluationId: other.id })).results[0]!.text.es).toBe("Mejoró la coordinación");
  });

  it("take a translation of the title, keep it when a later save leaves it out, and refuse one whose original is blank, writing nothing", async () => {
    const world = await createWorld(database.db);
    const manager = await world.ctx("manager");
    const evaluation = expectOk(await createEvaluation(manager, form(world.projectId)));
    const ids = { projectId: world.projectId, evaluationId: evaluation.id };
    const title = { original: "es", es: "Evaluación final", fr: "Évaluation finale", en: "Final evaluation" } as const;
    const titles = async () => expectOk(await listEvaluations(manager, { projectId: world.projectId })).map((e) => e.title);

    expect(expectOk(await translateEvaluation(manager, { ...ids, version: 1, title }))).toEqual({ version: 2 });
    expect(await titles()).toEqual([title]);
    expect(expectOk(await getEvaluationResults(manager, ids)).evaluation.title).toEqual(title);
    const [entry] = await database.db
      .select()
      .from(auditEntries)
      .where(and(eq(auditEntries.action, "evaluations.translate"), eq(auditEntries.entityId, evaluation.id)));
    expect(entry!.changes.title).toEqual({ before: { original: "es", es: "Evaluación final" }, after: title });

    expect(expectOk(await translateEvaluation(manager, { ...ids, version: 2 }))).toEqual({ version: 3 });
    expect(await titles()).toEqual([title]);

    const blank = expectFailure(await translateEvaluation(manager, { ...ids, version: 3, title: { original: "es", es: "  ", en: "Final evaluation" } }));
    expect(blank).toMatchObject({ error: "invalid", fieldErrors: { "title.es": { key: "required" } } });
    expect(await titles()).toEqual([title]);
    expect(expectOk(await translateEvaluation(manager, { ...ids, version: 3 }))).toEqual({ version: 4 });
  });
});
