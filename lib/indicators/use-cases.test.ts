import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { createTestDatabase } from "@/db/testing";
import { auditEntries, indicatorEvidence, indicators, indicatorTargets, reportingPeriods } from "@/db/schema";
import { createFinding } from "@/lib/findings/use-cases";
import { createResult, deleteResult } from "@/lib/logic-model/use-cases";
import { createStudy } from "@/lib/studies/use-cases";
import { expectFailure, expectOk, snapshotCounts, written } from "@/lib/testing/helpers";
import { createWorld } from "@/lib/testing/world";
import type { CreateIndicatorInput } from "./schemas";
import { createIndicator, createPeriod, createYearlyPeriods, deleteIndicator, deletePeriod, getIndicator, listIndicators, listPeriods, updateIndicator } from "./use-cases";

let database: Database;

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

/** A project (2019-2022) with its years as periods, an ultimate outcome and an output, a baseline finding; another project's result and period. */
async function setup() {
  const world = await createWorld(database.db);
  const manager = await world.ctx("manager");
  const { projectId } = world;
  const ultimate = expectOk(await createResult(manager, { projectId, parentId: null, statement: written("Vulnerabilidad reducida", "es") }));
  const periods = expectOk(await createYearlyPeriods(manager, { projectId })).items;
  const study = expectOk(await createStudy(manager, { projectId, title: "Línea de base" }));
  const finding = expectOk(
    await createFinding(manager, {
      projectId,
      studyId: study.id,
      theme: "protection",
      title: written("Pocas víctimas identificadas", "es"),
      description: written("Solo 12 en 2018.", "es"),
      status: "validated",
    }),
  );
  const outsider = await world.ctx("outsider");
  const foreignResult = expectOk(await createResult(outsider, { projectId: world.otherProjectId, parentId: null, statement: written("Otro", "es") }));
  const foreignPeriod = expectOk(await createPeriod(outsider, { projectId: world.otherProjectId, name: "2016", startDate: "2016-01-01", endDate: "2016-12-31" }));
  return { world, manager, projectId, ultimate, periods, finding, foreignResult, foreignPeriod };
}
type Setup = Awaited<ReturnType<typeof setup>>;

const form = (s: Setup, overrides: Partial<CreateIndicatorInput> = {}): CreateIndicatorInput => ({
  projectId: s.projectId,
  resultId: s.ultimate.id,
  code: "1000.1",
  statement: written("% de víctimas identificadas que reciben atención", "es"),
  definition: written("Víctimas atendidas ÷ víctimas identificadas en el año", "es"),
  unit: "percentage",
  disaggregations: ["sex"],
  dataSources: "Registros de la CICESCT",
  collectionMethods: "Revisión documental",
  frequency: "annual",
  responsibility: "Coordinadora de proyecto",
  baselineValue: 35,
  baselineDate: "2019-06-18",
  baselineNote: "Taller de línea de base",
  endTarget: 70,
  targets: [...s.periods.map((p, i) => ({ periodId: p.id, value: 40 + i * 10 })), { periodId: s.periods[3]!.id, group: "sex:woman", value: 75 }],
  evidence: { findingIds: [s.finding.id], workshopIds: [], sourceIds: [] },
  ...overrides,
});

const rows = () => snapshotCounts(database.db, { indicators, indicatorTargets, indicatorEvidence, reportingPeriods, auditEntries });

describe("reporting periods", () => {
  it("the project's years become its periods, named by the years they span, once", async () => {
    const s = await setup();
    expect(s.periods.map((p) => [p.name, p.startDate, p.endDate])).toEqual([
      ["2019", "2019-01-01", "2019-12-31"],
      ["2020", "2020-01-01", "2020-12-31"],
      ["2021", "2021-01-01", "2021-12-31"],
      ["2022", "2022-01-01", "2022-12-31"],
    ]);
    expect(expectFailure(await createYearlyPeriods(s.manager, { projectId: s.projectId })).error).toBe("conflict");
    const partner = await s.world.ctx("partner");
    expect(expectOk(await listPeriods(partner, { projectId: s.projectId })).items).toHaveLength(4);
  });

  it("refuses a period outside the project's dates or under a name already used, and a period with targets is not deleted", async () => {
    const s = await setup();
    const before = await rows();
    const outside = expectFailure(await createPeriod(s.manager, { projectId: s.projectId, name: "2023", startDate: "2023-01-01", endDate: "2023-12-31" }));
    expect(outside.fieldErrors?.endDate).toEqual({ key: "periodOutsideProject" });
    const twice = expectFailure(await createPeriod(s.manager, { projectId: s.projectId, name: "2019", startDate: "2019-01-01", endDate: "2019-06-30" }));
    expect(twice.fieldErrors?.name).toEqual({ key: "periodNameTaken" });
    expect(await rows()).toEqual(before);
    expectOk(await createIndicator(s.manager, form(s)));
    const held = expectFailure(await deletePeriod(s.manager, { projectId: s.projectId, periodId: s.periods[0]!.id }));
    expect(held).toMatchObject({ error: "conflict", fieldErrors: { periodId: { key: "periodHasTargets", values: { count: 1 } } } });
    const extra = expectOk(await createPeriod(s.manager, { projectId: s.projectId, name: "Cierre", startDate: "2022-10-01", endDate: "2022-12-31" }));
    expectOk(await deletePeriod(s.manager, { projectId: s.projectId, periodId: extra.id }));
  });
});

describe("indicators", () => {
  it("a manager sets an indicator's PMF columns, baseline with its evidence and a target per year; everyone in the project reads it", async () => {
    const s = await setup();
    const indicator = expectOk(await createIndicator(s.manager, form(s)));
    const partner = await s.world.ctx("partner");
    const page = expectOk(await getIndicator(partner, { projectId: s.projectId, indicatorId: indicator.id }));
    expect(page.indicator).toMatchObject({ code: "1000.1", unit: "percentage", disaggregations: ["sex"], baselineValue: 35, endTarget: 70, frequency: "annual" });
    expect(page.targets.map((t) => [t.name, t.value])).toEqual([
      ["2019", 40],
      ["2020", 50],
      ["2021", 60],
      ["2022", 70],
    ]);
    expect(page.targets[3]!.groups).toEqual([{ group: "sex:woman", value: 75 }]);
    expect(page.evidence.findings.map((f) => f.id)).toEqual([s.finding.id]);
    expect(page.result.code).toBe(s.ultimate.code);
    expect(page.canEdit).toBe(false);
    expect(page.history.map((h) => h.action)).toEqual(["indicators.create"]);
    const list = expectOk(await listIndicators(partner, { projectId: s.projectId, resultId: s.ultimate.id }));
    expect(list.items.map((i) => [i.code, i.resultCode])).toEqual([["1000.1", s.ultimate.code]]);
  });

  it("each change is versioned and shows in the history with what changed; a stale version is refused", async () => {
    const s = await setup();
    const indicator = expectOk(await createIndicator(s.manager, form(s)));
    const targets = [{ periodId: s.periods[3]!.id, group: "", value: 75 }];
    const updated = expectOk(await updateIndicator(s.manager, { ...form(s, { endTarget: 75, targets }), indicatorId: indicator.id, version: 1 }));
    expect(updated.version).toBe(2);
    const page = expectOk(await getIndicator(s.manager, { projectId: s.projectId, indicatorId: indicator.id }));
    expect(page.history.map((h) => h.action)).toEqual(["indicators.update", "indicators.create"]);
    expect(page.history[0]!.changes.endTarget).toEqual({ before: 70, after: 75 });
    expect(page.history[0]!.changes.targets?.after).toEqual(targets);
    expect(page.targets.map((t) => t.value)).toEqual([null, null, null, 75]);
    expect(page.history[0]!.actorName).toBeTruthy();
    const before = await rows();
    expect(expectFailure(await updateIndicator(s.manager, { ...form(s), indicatorId: indicator.id, version: 1 })).error).toBe("stale");
    expect(await rows()).toEqual(before);
  });

  it("refuses, beside the field and writing nothing: a percentage above 100, yes or no other than 1 or 0, a group the indicator is not broken down by, another project's result or period, a code taken", async () => {
    const s = await setup();
    expectOk(await createIndicator(s.manager, form(s)));
    const before = await rows();
    const refusals = [
      [form(s, { code: "A", endTarget: 120 }), "endTarget", "percentAbove100"],
      [form(s, { code: "B", targets: [{ periodId: s.periods[0]!.id, value: 101 }] }), `targets.${s.periods[0]!.id}`, "percentAbove100"],
      [form(s, { code: "C", unit: "yes_no", baselineValue: 2, endTarget: 1, targets: [] }), "baselineValue", "yesNoFigure"],
      [form(s, { code: "F", targets: [{ periodId: s.periods[0]!.id, group: "sector:state", value: 10 }] }), `targets.${s.periods[0]!.id}.sector:state`, "notDisaggregated"],
      [form(s, { code: "D", resultId: s.foreignResult.id }), "resultId", "notProjectResult"],
      [form(s, { code: "E", targets: [{ periodId: s.foreignPeriod.id, value: 10 }] }), "targets", "notProjectPeriod"],
      [form(s, { code: "1000.1" }), "code", "codeTaken"],
    ] as const satisfies readonly (readonly [CreateIndicatorInput, string, string])[];
    for (const [input, field, key] of refusals) {
      expect(expectFailure(await createIndicator(s.manager, input)).fieldErrors?.[field], field).toMatchObject({ key });
    }
    expect(await rows()).toEqual(before);
  });

  it("a result an indicator measures is not deleted; deleting the indicator frees it", async () => {
    const s = await setup();
    const indicator = expectOk(await createIndicator(s.manager, form(s)));
    const failure = expectFailure(await deleteResult(s.manager, { projectId: s.projectId, resultId: s.ultimate.id }));
    expect(failure).toMatchObject({ error: "conflict", fieldErrors: { resultId: { key: "resultHasIndicators", values: { count: 1 } } } });
    expectOk(await deleteIndicator(s.manager, { projectId: s.projectId, indicatorId: indicator.id }));
    expectOk(await deleteResult(s.manager, { projectId: s.projectId, resultId: s.ultimate.id }));
  });

  it("field staff and partners cannot write; for a manager of another project it does not exist", async () => {
    const s = await setup();
    const indicator = expectOk(await createIndicator(s.manager, form(s)));
    const before = await rows();
    for (const [role, error] of [
      ["field", "forbidden"],
      ["partner", "forbidden"],
      ["outsider", "not_found"],
    ] as const) {
      const ctx = await s.world.ctx(role);
      expect(expectFailure(await createIndicator(ctx, form(s, { code: "X" }))).error).toBe(error);
      expect(expectFailure(await deleteIndicator(ctx, { projectId: s.projectId, indicatorId: indicator.id })).error).toBe(error);
    }
    const outsider = await s.world.ctx("outsider");
    expect(expectFailure(await getIndicator(outsider, { projectId: s.world.otherProjectId, indicatorId: indicator.id })).error).toBe("not_found");
    expect(await rows()).toEqual(before);
  });
});
