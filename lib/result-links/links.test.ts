import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { createTestDatabase } from "@/db/testing";
import { auditEntries, findings, improvementActions, missions, resultLinks, workshops } from "@/db/schema";
import { createFinding, getFinding, updateFinding } from "@/lib/findings/use-cases";
import { createAction, getAction } from "@/lib/improvement-actions/use-cases";
import { createMission, getMission } from "@/lib/missions/use-cases";
import { createStudy } from "@/lib/studies/use-cases";
import { expectFailure, expectOk, snapshotCounts, written } from "@/lib/testing/helpers";
import { workshopForm } from "@/lib/testing/workshops";
import { createWorld } from "@/lib/testing/world";
import { createWorkshop, getWorkshop, updateWorkshop } from "@/lib/workshops/use-cases";
import { createResult, deleteResult, getResult } from "@/lib/logic-model/use-cases";

let database: Database;

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

/** A project whose chain goes down to two outputs, and another project's output. */
async function setup() {
  const world = await createWorld(database.db);
  const manager = await world.ctx("manager");
  const { projectId } = world;
  const add = async (parentId: string | null, text: string) => expectOk(await createResult(manager, { projectId, parentId, statement: written(text, "es") }));
  const ultimate = await add(null, "Vulnerabilidad reducida");
  const intermediate = await add(ultimate.id, "Mejor atención a las víctimas");
  const immediate = await add(intermediate.id, "Identificación mejorada");
  const training = await add(immediate.id, "Policías formados");
  const guide = await add(immediate.id, "Guía publicada");
  const outsider = await world.ctx("outsider");
  const foreign = expectOk(await createResult(outsider, { projectId: world.otherProjectId, parentId: null, statement: written("Otro proyecto", "es") }));
  const study = expectOk(await createStudy(manager, { projectId, title: "Línea de base" }));
  return { world, manager, projectId, ultimate, immediate, training, guide, foreign, study };
}
type Setup = Awaited<ReturnType<typeof setup>>;

const missionForm = (s: Setup, outputIds: string[], teamUserIds: string[] = []) => ({
  projectId: s.projectId,
  title: written("Misión de formación", "es"),
  country: "HN",
  startDate: "2020-03-01",
  endDate: "2020-03-07",
  teamUserIds,
  outputIds,
});
const actionForm = (s: Setup, outputIds: string[]) => ({ projectId: s.projectId, title: "Guía de identificación", status: "planned" as const, outputIds });
const findingForm = (s: Setup, outcomeId: string | null, status: "draft" | "validated" = "validated") => ({
  projectId: s.projectId,
  studyId: s.study.id,
  theme: "protection" as const,
  title: written("La policía no identifica a las víctimas", "es"),
  description: written("Ningún protocolo.", "es"),
  status,
  outcomeId,
});

const rows = () => snapshotCounts(database.db, { resultLinks, workshops, missions, improvementActions, findings, auditEntries });

describe("what is linked to the logic model", () => {
  it("a workshop, a mission and an action linked to an output are listed on its page and name it on theirs; the audit records the links", async () => {
    const s = await setup();
    const workshop = expectOk(await createWorkshop(s.manager, workshopForm(s.projectId, { outputIds: [s.training.id] })));
    const mission = expectOk(await createMission(s.manager, missionForm(s, [s.training.id, s.guide.id])));
    const action = expectOk(await createAction(s.manager, actionForm(s, [s.training.id])));
    const finding = expectOk(await createFinding(s.manager, findingForm(s, s.immediate.id)));

    const page = expectOk(await getResult(s.manager, { projectId: s.projectId, resultId: s.training.id }));
    expect(page.parent?.code).toBe(s.immediate.code);
    expect(page.linked.workshops.map((w) => w.id)).toEqual([workshop.id]);
    expect(page.linked.missions.map((m) => m.id)).toEqual([mission.id]);
    expect(page.linked.actions.map((a) => a.id)).toEqual([action.id]);
    const outcome = expectOk(await getResult(s.manager, { projectId: s.projectId, resultId: s.immediate.id }));
    expect(outcome.linked.findings.map((f) => f.id)).toEqual([finding.id]);

    expect(expectOk(await getWorkshop(s.manager, { projectId: s.projectId, workshopId: workshop.id })).outputs.map((o) => o.code)).toEqual([s.training.code]);
    expect(expectOk(await getMission(s.manager, { projectId: s.projectId, missionId: mission.id })).outputs.map((o) => o.code)).toEqual([s.training.code, s.guide.code].sort());
    expect(expectOk(await getAction(s.manager, { projectId: s.projectId, actionId: action.id })).outputs.map((o) => o.code)).toEqual([s.training.code]);
    expect(expectOk(await getFinding(s.manager, { projectId: s.projectId, studyId: s.study.id, findingId: finding.id })).outcome?.code).toBe(s.immediate.code);

    const [created] = await database.db.select().from(auditEntries).where(eq(auditEntries.entityId, workshop.id));
    expect(created?.changes.outputs).toEqual({ before: null, after: [s.training.id] });
  });

  it("an edit replaces the links, and an output nothing is linked to any more can be deleted", async () => {
    const s = await setup();
    const workshop = expectOk(await createWorkshop(s.manager, workshopForm(s.projectId, { outputIds: [s.guide.id] })));
    const failure = expectFailure(await deleteResult(s.manager, { projectId: s.projectId, resultId: s.guide.id }));
    expect(failure).toMatchObject({ error: "conflict", fieldErrors: { resultId: { key: "resultHasLinks", values: { count: 1 } } } });

    expectOk(await updateWorkshop(s.manager, { ...workshopForm(s.projectId), workshopId: workshop.id, version: workshop.version, outputIds: [s.training.id] }));
    expect(expectOk(await getResult(s.manager, { projectId: s.projectId, resultId: s.guide.id })).linked.workshops).toEqual([]);
    const entries = await database.db.select().from(auditEntries).where(eq(auditEntries.entityId, workshop.id));
    expect(entries.find((e) => e.action === "workshops.update")?.changes.outputs).toEqual({ before: [s.guide.id], after: [s.training.id] });
    expectOk(await deleteResult(s.manager, { projectId: s.projectId, resultId: s.guide.id }));

    const finding = expectOk(await createFinding(s.manager, findingForm(s, s.immediate.id)));
    expectOk(await updateFinding(s.manager, { ...findingForm(s, null), findingId: finding.id, version: finding.version }));
    expect(expectOk(await getFinding(s.manager, { projectId: s.projectId, studyId: s.study.id, findingId: finding.id })).outcome).toBeNull();
  });

  it("refuses an outcome where an output is wanted, an output where an outcome is wanted, and another project's result, writing nothing", async () => {
    const s = await setup();
    const before = await rows();
    const outputRefusals = [
      await createWorkshop(s.manager, workshopForm(s.projectId, { outputIds: [s.immediate.id] })),
      await createWorkshop(s.manager, workshopForm(s.projectId, { outputIds: [s.training.id, s.foreign.id] })),
      await createMission(s.manager, missionForm(s, [s.ultimate.id])),
      await createAction(s.manager, actionForm(s, [s.foreign.id])),
    ].map((r) => (r.ok ? "accepted" : r.fieldErrors?.outputIds));
    expect(outputRefusals).toEqual(Array(4).fill({ key: "notProjectOutput" }));
    for (const outcomeId of [s.training.id, s.foreign.id]) {
      expect(expectFailure(await createFinding(s.manager, findingForm(s, outcomeId))).fieldErrors?.outcomeId).toEqual({ key: "notProjectOutcome" });
    }
    expect(await rows()).toEqual(before);
  });

  it("each reader sees on an output's page only what they may read: no mission for a partner, field staff only their own missions, no draft finding for a partner", async () => {
    const s = await setup();
    const theirs = expectOk(await createMission(s.manager, missionForm(s, [s.training.id], [s.world.userIds.field])));
    const other = expectOk(await createMission(s.manager, missionForm(s, [s.training.id])));
    const validated = expectOk(await createFinding(s.manager, findingForm(s, s.immediate.id)));
    expectOk(await createFinding(s.manager, findingForm(s, s.immediate.id, "draft")));

    const seenBy = async (role: "manager" | "field" | "partner") => {
      const ctx = await s.world.ctx(role);
      const output = expectOk(await getResult(ctx, { projectId: s.projectId, resultId: s.training.id }));
      const outcome = expectOk(await getResult(ctx, { projectId: s.projectId, resultId: s.immediate.id }));
      return { missions: output.linked.missions.map((m) => m.id).sort(), findings: outcome.linked.findings.length, canEdit: output.canEdit };
    };
    expect(await seenBy("manager")).toEqual({ missions: [theirs.id, other.id].sort(), findings: 2, canEdit: true });
    expect(await seenBy("field")).toEqual({ missions: [theirs.id], findings: 2, canEdit: false });
    expect(await seenBy("partner")).toEqual({ missions: [], findings: 1, canEdit: false });
    expect(expectOk(await getResult(await s.world.ctx("partner"), { projectId: s.projectId, resultId: s.immediate.id })).linked.findings[0]?.id).toBe(validated.id);
    expect(expectFailure(await getResult(await s.world.ctx("outsider"), { projectId: s.projectId, resultId: s.training.id })).error).toBe("not_found");
    expect(expectFailure(await getResult(s.manager, { projectId: s.projectId, resultId: s.foreign.id })).error).toBe("not_found");
  });
});
