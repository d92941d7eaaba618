import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { createTestDatabase } from "@/db/testing";
import { auditEntries, expectedResults } from "@/db/schema";
import { expectFailure, expectOk, snapshotCounts, written } from "@/lib/testing/helpers";
import { createWorld } from "@/lib/testing/world";
import { createResult, deleteResult, getLogicModel, getResult, moveResult, updateResult } from "./use-cases";

let database: Database;

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

/** A project with a chain two levels deep: 1000, 1100 and 1200 under it, 1110 under 1100. */
async function setup() {
  const world = await createWorld(database.db);
  const manager = await world.ctx("manager");
  const { projectId } = world;
  const add = async (parentId: string | null, text: string) => expectOk(await createResult(manager, { projectId, parentId, statement: written(text, "fr") }));
  const ultimate = await add(null, "Vulnérabilité réduite des populations marginalisées");
  const victims = await add(ultimate.id, "Meilleur accompagnement des victimes");
  const coordination = await add(ultimate.id, "Meilleure coordination nationale");
  const identification = await add(victims.id, "Identification et référencement améliorés");
  return { world, manager, projectId, add, ultimate, victims, coordination, identification };
}

const rows = () => snapshotCounts(database.db, { expectedResults, auditEntries });

describe("the logic model", () => {
  it("a manager builds the chain in GAC's shape, codes suggested level by level; the whole project, partners included, reads it in order", async () => {
    const s = await setup();
    expect([s.ultimate, s.victims, s.coordination, s.identification].map((r) => [r.code, r.level])).toEqual([
      ["1000", "ultimate"],
      ["1100", "intermediate"],
      ["1200", "intermediate"],
      ["1110", "immediate"],
    ]);
    const output = expectOk(await createResult(s.manager, { projectId: s.projectId, parentId: s.identification.id, statement: written("Policías formados", "es") }));
    expect(output).toMatchObject({ code: "1111", level: "output", statement: { original: "es", es: "Policías formados" } });
    const model = expectOk(await getLogicModel(await s.world.ctx("partner"), { projectId: s.projectId }));
    expect(model.canEdit).toBe(false);
    expect(model.results.map((r) => r.code)).toEqual(["1000", "1100", "1110", "1111", "1200"]);
    const [entry] = await database.db.select().from(auditEntries).where(eq(auditEntries.entityId, output.id));
    expect(entry).toMatchObject({ action: "logicModel.create", entityType: "expected_result", projectId: s.projectId });
  });

  it("takes the code a manager chooses, and refuses one already used in the project, beside the field, writing nothing", async () => {
    const s = await setup();
    expect(expectOk(await createResult(s.manager, { projectId: s.projectId, parentId: s.ultimate.id, code: "1500", statement: written("Prévention") }))).toMatchObject({
      code: "1500",
    });
    const before = await rows();
    const failure = expectFailure(await createResult(s.manager, { projectId: s.projectId, parentId: s.ultimate.id, code: "1100", statement: written("Doublon") }));
    expect(failure).toMatchObject({ error: "invalid", fieldErrors: { code: { key: "codeTaken" } } });
    expect(await rows()).toEqual(before);
  });

  it("refuses a second ultimate outcome, anything under an output, a parent from another project and a blank statement", async () => {
    const s = await setup();
    const output = expectOk(await createResult(s.manager, { projectId: s.projectId, parentId: s.identification.id, statement: written("Guide publié") }));
    const other = await createWorld(database.db);
    const foreign = expectOk(await createResult(await other.ctx("manager"), { projectId: other.projectId, parentId: null, statement: written("Autre projet") }));
    const before = await rows();
    const refusals = [
      [{ parentId: null, statement: written("Second") }, "parentId", "oneUltimateOutcome"],
      [{ parentId: output.id, statement: written("Sous un extrant") }, "parentId", "nothingUnderOutput"],
      [{ parentId: foreign.id, statement: written("Ailleurs") }, "parentId", "notProjectResult"],
      [{ parentId: s.ultimate.id, statement: { original: "fr", fr: "  ", es: "Solo en español" } }, "statement.fr", "required"],
    ] as const;
    for (const [input, field, key] of refusals) {
      const failure = expectFailure(await createResult(s.manager, { projectId: s.projectId, ...input }));
      expect(failure.fieldErrors?.[field]).toMatchObject({ key });
    }
    expect(await rows()).toEqual(before);
  });

  it("edits a result, moves it under another result of the level above, and refuses a move that would change its level or a stale version", async () => {
    const s = await setup();
    const moved = expectOk(
      await updateResult(s.manager, {
        projectId: s.projectId,
        resultId: s.identification.id,
        version: 1,
        parentId: s.coordination.id,
        code: "1210",
        statement: written("Référencement", "fr"),
      }),
    );
    expect(moved).toMatchObject({ parentId: s.coordination.id, code: "1210", version: 2 });
    const model = expectOk(await getLogicModel(s.manager, { projectId: s.projectId }));
    expect(model.results.map((r) => r.code)).toEqual(["1000", "1100", "1200", "1210"]);
    const before = await rows();
    for (const parentId of [s.ultimate.id, s.identification.id, null]) {
      const failure = expectFailure(
        await updateResult(s.manager, { projectId: s.projectId, resultId: s.identification.id, version: 2, parentId, code: "1210", statement: written("x") }),
      );
      expect(failure.fieldErrors?.parentId?.key).toMatch(/wrongParentLevel|parentCycle/);
    }
    expect(
      expectFailure(
        await updateResult(s.manager, { projectId: s.projectId, resultId: s.identification.id, version: 1, parentId: s.coordination.id, code: "1210", statement: written("x") }),
      ).error,
    ).toBe("stale");
    expect(await rows()).toEqual(before);
  });

  it("reorders results under the same parent, and a step past the end changes nothing", async () => {
    const s = await setup();
    expectOk(await moveResult(s.manager, { projectId: s.projectId, resultId: s.coordination.id, direction: "up" }));
    const codes = async () => expectOk(await getLogicModel(s.manager, { projectId: s.projectId })).results.map((r) => r.code);
    expect(await codes()).toEqual(["1000", "1200", "1100", "1110"]);
    expect(expectOk(await moveResult(s.manager, { projectId: s.projectId, resultId: s.coordination.id, direction: "up" }))).toEqual({ moved: false });
    expect(await codes()).toEqual(["1000", "1200", "1100", "1110"]);
  });

  it("deletes a result nothing sits under, and says how many results sit under one it refuses to delete", async () => {
    const s = await setup();
    const before = await rows();
    const failure = expectFailure(await deleteResult(s.manager, { projectId: s.projectId, resultId: s.victims.id }));
    expect(failure).toMatchObject({ error: "conflict", fieldErrors: { resultId: { key: "resultHasResultsUnder", values: { count: 1 } } } });
    expect(await rows()).toEqual(before);
    expectOk(await deleteResult(s.manager, { projectId: s.projectId, resultId: s.identification.id }));
    expectOk(await deleteResult(s.manager, { projectId: s.projectId, resultId: s.victims.id }));
    expect(expectOk(await getLogicModel(s.manager, { projectId: s.projectId })).results.map((r) => r.code)).toEqual(["1000", "1200"]);
  });

  it("field staff and partners read but cannot change it; for a manager of another project it does not exist", async () => {
    const s = await setup();
    const before = await rows();
    for (const [role, error] of [
      ["field", "forbidden"],
      ["partner", "forbidden"],
      ["outsider", "not_found"],
    ] as const) {
      const ctx = await s.world.ctx(role);
      expect(expectFailure(await createResult(ctx, { projectId: s.projectId, parentId: s.ultimate.id, statement: written("Non") })).error).toBe(error);
      expect(expectFailure(await deleteResult(ctx, { projectId: s.projectId, resultId: s.identification.id })).error).toBe(error);
    }
    expect(expectFailure(await getLogicModel(await s.world.ctx("outsider"), { projectId: s.projectId })).error).toBe("not_found");
    expect(await rows()).toEqual(before);
  });

  it("another project's result, named under the manager's own project, is not found by any use case and nothing changes", async () => {
    const s = await setup();
    const other = await createWorld(database.db);
    const foreign = expectOk(await createResult(await other.ctx("manager"), { projectId: other.projectId, parentId: null, statement: written("Autre projet") }));
    const before = await rows();
    const ids = { projectId: s.projectId, resultId: foreign.id };
    const answers = [
      await getResult(s.manager, ids),
      await updateResult(s.manager, { ...ids, version: 1, parentId: null, code: "9000", statement: written("Pris") }),
      await moveResult(s.manager, { ...ids, direction: "down" }),
      await deleteResult(s.manager, ids),
    ];
    expect(answers.map((a) => (a.ok ? "done" : a.error))).toEqual(["not_found", "not_found", "not_found", "not_found"]);
    expect(await rows()).toEqual(before);
  });
});
