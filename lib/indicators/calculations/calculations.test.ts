import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { createTestDatabase } from "@/db/testing";
import {
  actionFindings,
  actionUpdates,
  attendance,
  bodyMemberships,
  coordinationBodies,
  findings,
  improvementActions,
  institutions,
  participants,
  resultLinks,
  studies,
} from "@/db/schema";
import type { AttendanceStatus, InstitutionKind, InstitutionSector, ParticipantSex } from "@/db/schema/values";
import { addResponse, createEvaluation, getEvaluationResults } from "@/lib/evaluations/use-cases";
import { createResult } from "@/lib/logic-model/use-cases";
import { expectFailure, expectOk, written } from "@/lib/testing/helpers";
import { insertWorkshop } from "@/lib/testing/workshops";
import { createWorld } from "@/lib/testing/world";
import { toSearchText } from "@/lib/search-text";
import type { CreateIndicatorInput } from "../schemas";
import type { Actual } from "./calculation";
import { createIndicator, createYearlyPeriods, getIndicator } from "../use-cases";

let database: Database;

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

/**
 * A project of 2019–2022 with five people (two women, a man, one "other", one not stated) at three
 * held workshops, a cancelled and a planned one; three institutions, one of them Costa Rican; a
 * coordination body the NGO joins only in 2021; five improvement actions; four findings; a small evaluation.
 */
async function fixture() {
  const world = await createWorld(database.db);
  const db = database.db;
  const manager = await world.ctx("manager");
  const { projectId } = world;
  const chain = [expectOk(await createResult(manager, { projectId, parentId: null, statement: written("Ultimate") }))];
  for (const statement of ["Intermediate", "Immediate", "Output"])
    chain.push(expectOk(await createResult(manager, { projectId, parentId: chain.at(-1)!.id, statement: written(statement) })));
  const output = chain[3]!;
  const otherOutput = expectOk(await createResult(await world.ctx("outsider"), { projectId: world.otherProjectId, parentId: null, statement: written("Other") }));
  const periods = Object.fromEntries(expectOk(await createYearlyPeriods(manager, { projectId })).items.map((p) => [p.name, p.id]));

  const institution = async (name: string, sector: InstitutionSector, kind: InstitutionKind, level: "national" | "local", country: string) =>
    (
      await db
        .insert(institutions)
        .values({ name, country, sector, kind, level, searchText: toSearchText(name) })
        .returning()
    )[0]!;
  const police = await institution("Policía", "state", "police_unit", "national", "HN");
  const ngo = await institution("ONG", "civil_society", "ngo", "local", "HN");
  const ministry = await institution("Ministerio CR", "state", "ministry", "national", "CR");
  const [body] = await db.insert(coordinationBodies).values({ name: "Comisión", acronym: "CICESCT", country: "HN" }).returning();
  await db.insert(bodyMemberships).values([
    { bodyId: body!.id, institutionId: police.id, startDate: "2019-01-01" },
    { bodyId: body!.id, institutionId: ngo.id, startDate: "2021-01-01" },
  ]);
  const person = async (givenNames: string, sex: ParticipantSex) => (await db.insert(participants).values({ givenNames, familyNames: "X", sex }).returning())[0]!.id;
  const [ana, bea, carlos, dani, eli] = [
    await person("Ana", "woman"),
    await person("Bea", "woman"),
    await person("Carlos", "man"),
    await person("Dani", "other"),
    await person("Eli", "not_stated"),
  ];

  const w1 = await insertWorkshop(db, projectId, { type: "baseline", status: "held", startDate: "2019-06-18", endDate: "2019-06-19" });
  const w2 = await insertWorkshop(db, projectId, { type: "training", status: "held", startDate: "2020-05-10", endDate: "2020-05-12" });
  const w3 = await insertWorkshop(db, projectId, { type: "training", status: "held", startDate: "2021-05-10", endDate: "2021-05-11" });
  await insertWorkshop(db, projectId, { type: "training", status: "cancelled", startDate: "2021-09-01", endDate: "2021-09-01" });
  await insertWorkshop(db, projectId, { type: "training", status: "planned", startDate: "2022-03-01", endDate: "2022-03-01" });
  await db.insert(resultLinks).values({ resultId: output.id, workshopId: w2.id });
  const present = (workshopId: string, participantId: string, day: string, institutionId: string | null, status: AttendanceStatus = "present") => ({
    workshopId,
    participantId,
    day,
    institutionId,
    status,
  });
  await db
    .insert(attendance)
    .values([
      present(w1.id, ana, "2019-06-18", police.id),
      present(w1.id, ana, "2019-06-19", police.id),
      present(w1.id, carlos, "2019-06-18", ngo.id),
      present(w2.id, ana, "2020-05-10", police.id),
      present(w2.id, ana, "2020-05-11", police.id),
      present(w2.id, ana, "2020-05-12", police.id),
      present(w2.id, bea, "2020-05-10", ngo.id),
      present(w2.id, carlos, "2020-05-10", ngo.id),
      present(w2.id, carlos, "2020-05-11", ngo.id, "late"),
      present(w2.id, dani, "2020-05-12", ministry.id, "left_early"),
      present(w2.id, eli, "2020-05-10", null),
      present(w3.id, bea, "2021-05-10", police.id),
      present(w3.id, bea, "2021-05-11", police.id),
      present(w3.id, carlos, "2021-05-10", ngo.id),
    ]);

  const action = async (title: string, values: Partial<typeof improvementActions.$inferInsert>, doneOn?: string) => {
    const [row] = await db
      .insert(improvementActions)
      .values({ projectId, title, ...values })
      .returning();
    if (doneOn)
      await db.insert(actionUpdates).values({ actionId: row!.id, changes: { status: { before: "under_way", after: "done" } }, createdAt: new Date(`${doneOn}T12:00:00Z`) });
    return row!.id;
  };
  const a1 = await action("A1", { dueDate: "2020-06-30", status: "done", startDate: "2020-01-15" }, "2020-06-01");
  await action("A2", { dueDate: "2020-09-30", status: "done" }, "2020-12-01");
  const a3 = await action("A3", { dueDate: "2020-12-31", status: "under_way", startDate: "2021-02-01" });
  const a4 = await action("A4", { dueDate: "2020-03-01", status: "dropped" });
  await action("A5", { dueDate: "2021-03-01", status: "done" });
  await db.insert(resultLinks).values({ resultId: output.id, actionId: a1 });
  const [study] = await db.insert(studies).values({ projectId, title: "Línea de base" }).returning();
  const finding = async (status: "validated" | "draft") =>
    (
      await db
        .insert(findings)
        .values({ studyId: study!.id, theme: "protection", title: written("F"), description: written("D"), status })
        .returning()
    )[0]!.id;
  const [f1, f2, f3, f4] = [await finding("validated"), await finding("validated"), await finding("draft"), await finding("validated")];
  await db.insert(actionFindings).values([
    { actionId: a1, findingId: f1 },
    { actionId: a3, findingId: f2 },
    { actionId: a3, findingId: f3 },
    { actionId: a4, findingId: f4 },
  ]);

  const evaluation = expectOk(
    await createEvaluation(manager, {
      projectId,
      title: written("Final"),
      periodStart: "2022-01-01",
      periodEnd: "2022-06-30",
      scaleSize: 4,
      agreeLevels: [3, 4],
      minGroupSize: 3,
      groups: [
        { key: "state", name: written("State") },
        { key: "ngo", name: written("Civil society") },
      ],
      statements: [{ key: "q1", text: written("Coordination improved") }],
    }),
  );
  for (const [group, q1] of [
    ["state", 4],
    ["state", 3],
    ["state", 2],
    ["ngo", 4],
    ["ngo", 4],
  ] as const) {
    expectOk(await addResponse(manager, { projectId, evaluationId: evaluation.id, group, externalId: null, answers: { q1 } }));
  }
  const full = expectOk(await getEvaluationResults(manager, { projectId, evaluationId: evaluation.id }));
  let codes = 0;
  /** The indicator's computed figures, by period name and for the whole project. */
  const computed = async (calculation: NonNullable<CreateIndicatorInput["calculation"]>, unit: "number" | "percentage" = "number") => {
    const indicator = expectOk(
      await createIndicator(manager, {
        projectId,
        resultId: output.id,
        code: `C${++codes}`,
        statement: written("Computed"),
        unit,
        disaggregations: ["sex", "sector", "country"],
        calculation,
      }),
    );
    const page = expectOk(await getIndicator(manager, { projectId, indicatorId: indicator.id })).computed!;
    const byName = Object.fromEntries(Object.entries(periods).map(([name, id]) => [name, page.periods.find((p) => p.periodId === id)!.actual])) as Record<
      "2019" | "2020" | "2021" | "2022",
      Actual
    >;
    return { ...byName, project: page.project, wording: page.wording };
  };
  return { world, manager, projectId, output, otherOutput, body: body!, evaluation: full, computed };
}
type Fixture = Awaited<ReturnType<typeof fixture>>;
let f: Fixture;
beforeAll(async () => {
  f = await fixture();
});

describe("days attended late or left early", () => {
  it("count as attended, unless the indicator counts full days only", async () => {
    expect((await f.computed({ kind: "attendances" })).project.value).toBe(14);
    const full = await f.computed({ kind: "attendances", fullDaysOnly: true });
    expect(full.project.value).toBe(12);
    expect(full.wording.filters).toContainEqual({ key: "fullDaysOnly", values: {} });
    // Dani's only day was left early: Dani is not counted, Carlos (late one day of three) still is.
    const people = await f.computed({ kind: "unique_participants", fullDaysOnly: true });
    expect([people.project.value, people.project.groups["sex:other"], people.project.groups["sex:man"]]).toEqual([4, undefined, 1]);
    expect((await f.computed({ kind: "institutions_reached", fullDaysOnly: true }))["2020"].value).toBe(2);
  });
});

describe("unique participants", () => {
  it("counts each person once, with groups that add up to the total and the person-days as n", async () => {
    const all = await f.computed({ kind: "unique_participants" });
    expect(all.project).toEqual({
      value: 5,
      n: 14,
      groups: {
        "sex:woman": 2,
        "sex:man": 1,
        "sex:other": 1,
        "sex:not_stated": 1,
        // A person counts in the sector of the institution they had on their last day: Bea moved from the NGO to the police.
        "sector:state": 3,
        "sector:civil_society": 1,
        "sector:none": 1,
        "institution_kind:police_unit": 2,
        "institution_kind:ngo": 1,
        "institution_kind:ministry": 1,
        "institution_kind:none": 1,
        "country:HN": 3,
        "country:CR": 1,
        "country:none": 1,
      },
    });
    expect([all["2019"].value, all["2020"].value, all["2021"].value, all["2022"].value]).toEqual([2, 5, 2, 0]);
    expect(all.wording).toEqual({ key: "unique_participants", values: { minDays: 1 }, filters: [] });
  });

  it("applies the minimum of days, the workshop type, the linked output, the sector and the coordination body", async () => {
    expect((await f.computed({ kind: "unique_participants", minDays: 2 }))["2020"]).toMatchObject({ value: 2, n: 5 });
    const linked = await f.computed({ kind: "unique_participants", workshopType: "training", outputId: f.output.id });
    expect(linked.project).toMatchObject({ value: 5, n: 8 });
    expect(linked.wording.filters).toEqual([
      { key: "workshopType", values: { type: "training" } },
      { key: "output", values: { code: f.output.code } },
    ]);
    expect((await f.computed({ kind: "unique_participants", sector: "civil_society" })).project).toMatchObject({
      value: 2,
      groups: expect.objectContaining({ "sector:civil_society": 2 }),
    });
    // The NGO joined the body in 2021: only Carlos's day of 2021 counts for it, with the police's days.
    expect((await f.computed({ kind: "unique_participants", bodyId: f.body.id })).project).toMatchObject({ value: 3, n: 8 });
  });

  it("counts from the project's start when cumulative", async () => {
    const cumulative = await f.computed({ kind: "unique_participants", cumulative: true });
    expect([cumulative["2019"].value, cumulative["2020"].value, cumulative["2021"].value, cumulative["2022"].value]).toEqual([2, 5, 5, 5]);
  });
});

describe("attendances, workshops held, institutions reached", () => {
  it("count person-days by the person's sex and the institution of the day", async () => {
    const days = await f.computed({ kind: "attendances" });
    expect(days.project).toMatchObject({ value: 14, n: 14 });
    expect(days.project.groups).toMatchObject({
      "sex:woman": 8,
      "sex:man": 4,
      "sex:other": 1,
      "sex:not_stated": 1,
      "sector:state": 8,
      "sector:civil_society": 5,
      "sector:none": 1,
    });
    expect(days["2019"].value).toBe(3);
  });

  it("count held workshops only, by type and linked output", async () => {
    expect((await f.computed({ kind: "workshops_held" })).project.value).toBe(3);
    expect((await f.computed({ kind: "workshops_held", workshopType: "training" })).project.value).toBe(2);
    expect((await f.computed({ kind: "workshops_held", outputId: f.output.id })).project.value).toBe(1);
    expect((await f.computed({ kind: "workshops_held" }))["2021"].value).toBe(1);
  });

  it("count institutions by sector, kind, level and coordination body", async () => {
    const reached = await f.computed({ kind: "institutions_reached" });
    expect(reached.project).toMatchObject({
      value: 3,
      n: 13,
      groups: {
        "sector:state": 2,
        "sector:civil_society": 1,
        "institution_kind:police_unit": 1,
        "institution_kind:ngo": 1,
        "institution_kind:ministry": 1,
        "country:HN": 2,
        "country:CR": 1,
      },
    });
    expect(reached["2019"].value).toBe(2);
    expect((await f.computed({ kind: "institutions_reached", level: "local" })).project.value).toBe(1);
    expect((await f.computed({ kind: "institutions_reached", bodyId: f.body.id }))["2020"].value).toBe(1);
  });
});

describe("evaluation agreement", () => {
  it("gives the evaluation page's figure in the period its evaluation covers, and withholds what it withholds", async () => {
    const statementId = f.evaluation.results[0]!.statementId;
    const everyone = await f.computed({ kind: "evaluation_agreement", statementId }, "percentage");
    expect(everyone["2022"]).toEqual({ value: 80, n: 5, part: 4, groups: {} });
    expect(everyone.project).toEqual({ value: 80, n: 5, part: 4, groups: {} });
    expect(everyone["2021"]).toEqual({ value: null, n: 0, groups: {} });
    const state = f.evaluation.groups.find((g) => g.key === "state")!;
    // The NGO group is under the threshold of 3, so the state's figure would give it away.
    expect((await f.computed({ kind: "evaluation_agreement", statementId, groupId: state.id }, "percentage")).project).toEqual({
      value: null,
      n: 0,
      groups: {},
      withheld: "protectsSmallGroup",
    });
  });
});

describe("improvement actions and findings", () => {
  it("count actions done by the day they were marked done, and share of those due done or done on time", async () => {
    const done = await f.computed({ kind: "actions_done" });
    expect([done.project.value, done["2020"].value]).toEqual([3, 2]);
    expect((await f.computed({ kind: "actions_done", measure: "done_on_time" })).project.value).toBe(1);
    expect((await f.computed({ kind: "actions_done", outputId: f.output.id })).project.value).toBe(1);
    // Due in 2020 and not dropped: A1 (done on time), A2 (done late), A3 (under way).
    expect((await f.computed({ kind: "actions_done", as: "share" }, "percentage"))["2020"]).toEqual({ value: 67, n: 3, part: 2, groups: {} });
    expect((await f.computed({ kind: "actions_done", as: "share", measure: "done_on_time" }, "percentage"))["2020"]).toEqual({ value: 33, n: 3, part: 1, groups: {} });
  });

  it("count findings answered by an action begun by the period's end, drafts and dropped actions left out", async () => {
    const answered = await f.computed({ kind: "findings_answered" });
    expect(answered.project).toMatchObject({ value: 2, n: 3 });
    expect(answered["2020"]).toMatchObject({ value: 1, n: 3 });
    expect((await f.computed({ kind: "findings_answered", as: "share" }, "percentage")).project).toMatchObject({ value: 67, n: 3, part: 2 });
  });
});

describe("periods at their boundaries", () => {
  it("count a day on a period's last day in that period, and the next day in the next", async () => {
    const world = await createWorld(database.db);
    const manager = await world.ctx("manager");
    const { projectId } = world;
    const result = expectOk(await createResult(manager, { projectId, parentId: null, statement: written("Ultimate") }));
    const periods = expectOk(await createYearlyPeriods(manager, { projectId })).items;
    const workshop = await insertWorkshop(database.db, projectId, { type: "training", status: "held", startDate: "2020-12-31", endDate: "2021-01-01" });
    const [person] = await database.db.insert(participants).values({ givenNames: "Ana", familyNames: "X", sex: "woman" }).returning();
    await database.db.insert(attendance).values([
      { workshopId: workshop.id, participantId: person!.id, day: "2020-12-31" },
      { workshopId: workshop.id, participantId: person!.id, day: "2021-01-01" },
    ]);
    const indicator = expectOk(
      await createIndicator(manager, { projectId, resultId: result.id, code: "B.1", statement: written("Days"), unit: "number", calculation: { kind: "attendances" } }),
    );
    const { computed } = expectOk(await getIndicator(manager, { projectId, indicatorId: indicator.id }));
    const byName = Object.fromEntries(periods.map((p) => [p.name, computed!.periods.find((c) => c.periodId === p.id)!.actual.value]));
    expect(byName).toEqual({ "2019": 0, "2020": 1, "2021": 1, "2022": 0 });
    expect(computed!.project.value).toBe(2);
  });
});

describe("a computed indicator's parameters", () => {
  it("are refused beside the field when they name another project's output or statement, or the unit does not match", async () => {
    const base = { projectId: f.projectId, resultId: f.output.id, statement: written("Refused"), disaggregations: [] };
    const foreignOutput = expectFailure(
      await createIndicator(f.manager, { ...base, code: "R1", unit: "number", calculation: { kind: "unique_participants", outputId: f.otherOutput.id } }),
    );
    expect(foreignOutput.fieldErrors).toEqual({ "calculation.outputId": { key: "notProjectOutput" } });
    const outsider = await f.world.ctx("outsider");
    const foreignEvaluation = expectOk(
      await createEvaluation(outsider, {
        projectId: f.world.otherProjectId,
        title: written("Other"),
        scaleSize: 4,
        agreeLevels: [3, 4],
        minGroupSize: 3,
        groups: [{ key: "all", name: written("All") }],
        statements: [{ key: "q", text: written("Q") }],
      }),
    );
    const foreignStatementId = expectOk(await getEvaluationResults(outsider, { projectId: f.world.otherProjectId, evaluationId: foreignEvaluation.id })).results[0]!.statementId;
    const foreignStatement = expectFailure(
      await createIndicator(f.manager, { ...base, code: "R2", unit: "percentage", calculation: { kind: "evaluation_agreement", statementId: foreignStatementId } }),
    );
    expect(foreignStatement.fieldErrors).toEqual({ "calculation.statementId": { key: "notProjectStatement" } });
    const wrongUnit = expectFailure(await createIndicator(f.manager, { ...base, code: "R3", unit: "number", calculation: { kind: "actions_done", as: "share" } }));
    expect(wrongUnit.fieldErrors).toEqual({ unit: { key: "calculationGivesPercentage" } });
  });
});
