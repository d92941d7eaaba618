import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { createTestDatabase } from "@/db/testing";
import { indicatorValues } from "@/db/schema";
import { createResult } from "@/lib/logic-model/use-cases";
import { expectFailure, expectOk, snapshotCounts, written } from "@/lib/testing/helpers";
import { createWorld } from "@/lib/testing/world";
import { actualFor } from "./actuals";
import { getValueFile, reviewValue, submitValue } from "./reported-values";
import { createIndicator, createPeriod, createYearlyPeriods, getIndicator } from "./use-cases";

let database: Database;

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

async function setup(unit: "number" | "percentage" = "number") {
  const world = await createWorld(database.db);
  const [manager, field, partner] = [await world.ctx("manager"), await world.ctx("field"), await world.ctx("partner")];
  const { projectId } = world;
  const result = expectOk(await createResult(manager, { projectId, parentId: null, statement: written("Ultimate") }));
  const periods = expectOk(await createYearlyPeriods(manager, { projectId })).items;
  const indicator = expectOk(
    await createIndicator(manager, { projectId, resultId: result.id, code: "1000.1", statement: written("Cases referred"), unit, disaggregations: ["sex"] }),
  );
  const ids = { projectId, indicatorId: indicator.id };
  const page = async (ctx = manager) => expectOk(await getIndicator(ctx, ids));
  return { world, manager, field, partner, periods, ids, page };
}

const pdf = { name: "actas.pdf", type: "application/pdf", data: Buffer.from("%PDF-1.4 actas").toString("base64") };

describe("a reported value", () => {
  it("counts only once a manager approves it; sent back, it never counts, and field staff report it again", async () => {
    const s = await setup();
    const periodId = s.periods[1]!.id;
    const value = expectOk(
      await submitValue(s.field, {
        ...s.ids,
        periodId,
        value: 41,
        groups: [
          { group: "sex:woman", value: 25 },
          { group: "sex:man", value: 16 },
        ],
        comment: "Actas de la CICESCT",
        evidenceUrl: "https://example.org/actas",
        file: pdf,
      }),
    );
    expect(value).toMatchObject({ status: "submitted", value: 41, groups: { "sex:woman": 25, "sex:man": 16 }, fileName: "actas.pdf" });
    const pending = await s.page();
    expect(actualFor(periodId, pending.computed, pending.reported)).toMatchObject({ value: null, source: null });

    const sentBack = expectOk(await reviewValue(s.manager, { ...s.ids, valueId: value.id, decision: "send_back", comment: "Faltan las actas de junio", version: value.version }));
    expect(sentBack.status).toBe("sent_back");
    const afterSendBack = await s.page();
    expect(actualFor(periodId, afterSendBack.computed, afterSendBack.reported).value).toBeNull();
    expect(afterSendBack.reported[0]).toMatchObject({ status: "sent_back", reviewComment: "Faltan las actas de junio", submittedByName: expect.stringContaining("field") });

    const again = expectOk(await submitValue(s.field, { ...s.ids, periodId, value: 43, comment: "Con las actas de junio" }));
    expect(again).toMatchObject({ id: value.id, status: "submitted", fileName: "actas.pdf" });
    expectOk(await reviewValue(s.manager, { ...s.ids, valueId: value.id, decision: "approve", version: again.version }));
    const approved = await s.page();
    expect(actualFor(periodId, approved.computed, approved.reported)).toMatchObject({ value: 43, source: "reported" });
    expect(approved.reported[0]).toMatchObject({ status: "approved", reviewedByName: expect.stringContaining("manager") });
    expect(expectOk(await getValueFile(s.field, { ...s.ids, valueId: value.id })).name).toBe("actas.pdf");

    // Approved, it changes only after a manager sends it back.
    expect(expectFailure(await submitValue(s.field, { ...s.ids, periodId, value: 50 }))).toMatchObject({ error: "conflict", fieldErrors: { _form: { key: "valueApproved" } } });
  });

  it("reaches a partner as an approved figure only: no pending value, comment, evidence or reviewer", async () => {
    const s = await setup();
    const [first, second] = [s.periods[0]!.id, s.periods[1]!.id];
    const approved = expectOk(await submitValue(s.field, { ...s.ids, periodId: first, value: 12, comment: "Lista de Rosa Pérez", file: pdf }));
    expectOk(await reviewValue(s.manager, { ...s.ids, valueId: approved.id, decision: "approve", comment: "Bien", version: approved.version }));
    expectOk(await submitValue(s.field, { ...s.ids, periodId: second, value: 30 }));
    const seen = (await s.page(s.partner)).reported;
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({ periodId: first, value: 12, comment: "", evidenceUrl: null, fileName: null, reviewComment: "", submittedByName: null, reviewedByName: null });
    expect(JSON.stringify(seen)).not.toContain("Rosa");
    // Nor does the indicator's history tell them what was reported, sent back or approved, and why.
    const history = (await s.page(s.partner)).history;
    expect(history.map((h) => h.action)).toEqual(["indicators.create"]);
    expect((await s.page(s.manager)).history.map((h) => h.action)).toContain("indicatorValues.approve");
    expect(expectFailure(await getValueFile(s.partner, { ...s.ids, valueId: approved.id })).error).toBe("forbidden");
  });

  it("overrides a computed figure for its period, and the page keeps both", async () => {
    const s = await setup();
    const manager = s.manager;
    const { indicator } = await s.page();
    const computed = expectOk(
      await createIndicator(manager, {
        projectId: s.ids.projectId,
        resultId: indicator.resultId,
        code: "W.1",
        statement: written("Workshops"),
        unit: "number",
        calculation: { kind: "workshops_held" },
      }),
    );
    const periodId = s.periods[0]!.id;
    const value = expectOk(await submitValue(manager, { projectId: s.ids.projectId, indicatorId: computed.id, periodId, value: 3, comment: "Two workshops held by the ministry" }));
    expectOk(await reviewValue(manager, { projectId: s.ids.projectId, indicatorId: computed.id, valueId: value.id, decision: "approve", version: value.version }));
    const page = expectOk(await getIndicator(manager, { projectId: s.ids.projectId, indicatorId: computed.id }));
    expect(actualFor(periodId, page.computed, page.reported)).toMatchObject({ value: 3, source: "reported", computed: { value: 0 }, reported: { value: 3 } });
  });

  it("is refused beside the box, writing nothing, when it does not fit the unit, the groups, the project or the review", async () => {
    const s = await setup("percentage");
    const periodId = s.periods[0]!.id;
    const before = await snapshotCounts(database.db, { indicatorValues });
    expect(expectFailure(await submitValue(s.field, { ...s.ids, periodId, value: 120 })).fieldErrors).toEqual({ value: { key: "percentAbove100" } });
    expect(expectFailure(await submitValue(s.field, { ...s.ids, periodId, value: 50, groups: [{ group: "sector:state", value: 10 }] })).fieldErrors).toEqual({
      "groups.sector:state": { key: "notDisaggregated" },
    });
    expect(expectFailure(await submitValue(s.field, { ...s.ids, periodId, value: 50, groups: [{ group: "sex:woman:junk", value: 10 }] })).fieldErrors).toEqual({
      "groups.sex:woman:junk": { key: "notDisaggregated" },
    });
    const outsider = await s.world.ctx("outsider");
    const foreignPeriod = expectOk(await createPeriod(outsider, { projectId: s.world.otherProjectId, name: "2016", startDate: "2016-01-01", endDate: "2016-12-31" }));
    expect(expectFailure(await submitValue(s.field, { ...s.ids, periodId: foreignPeriod.id, value: 50 })).fieldErrors).toEqual({ periodId: { key: "notProjectPeriod" } });
    expect(expectFailure(await submitValue(s.partner, { ...s.ids, periodId, value: 50 })).error).toBe("forbidden");
    expect(await snapshotCounts(database.db, { indicatorValues })).toEqual(before);

    const value = expectOk(await submitValue(s.field, { ...s.ids, periodId, value: 50 }));
    expect(expectFailure(await reviewValue(s.manager, { ...s.ids, valueId: value.id, decision: "send_back", comment: "", version: value.version })).fieldErrors).toEqual({
      comment: { key: "sendBackComment" },
    });
    expect(expectFailure(await reviewValue(s.manager, { ...s.ids, valueId: value.id, decision: "approve", version: value.version + 1 })).error).toBe("stale");
    expect(expectFailure(await reviewValue(s.field, { ...s.ids, valueId: value.id, decision: "approve", version: value.version })).error).toBe("forbidden");
  });

  it("refuses groups of a count that add up to more than it, or a complete breakdown that does not equal it", async () => {
    const s = await setup();
    const periodId = s.periods[0]!.id;
    const sexes = (woman: number, man: number, other: number, notStated: number) => [
      { group: "sex:woman", value: woman },
      { group: "sex:man", value: man },
      { group: "sex:other", value: other },
      { group: "sex:not_stated", value: notStated },
    ];
    expect(expectFailure(await submitValue(s.field, { ...s.ids, periodId, value: 10, groups: sexes(6, 3, 0, 0) })).fieldErrors).toEqual({ groups: { key: "groupsDoNotAddUp" } });
    expect(expectFailure(await submitValue(s.field, { ...s.ids, periodId, value: 10, groups: [{ group: "sex:woman", value: 11 }] })).fieldErrors).toEqual({
      groups: { key: "groupsDoNotAddUp" },
    });
    expectOk(await submitValue(s.field, { ...s.ids, periodId, value: 10, groups: sexes(6, 3, 1, 0) }));
  });
});
