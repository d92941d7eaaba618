import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { createTestDatabase } from "@/db/testing";
import { createFinding } from "@/lib/findings/use-cases";
import { createStudy } from "@/lib/studies/use-cases";
import { expectFailure, expectOk } from "@/lib/testing/helpers";
import { insertInstitution } from "@/lib/testing/workshops";
import { createWorld } from "@/lib/testing/world";
import type { CreateActionInput } from "./schemas";
import { addActionUpdate, createAction, getAction, listActions, updateAction } from "./use-cases";
import { isOverdue } from "./queries";

let database: Database;

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

async function setup() {
  const world = await createWorld(database.db);
  const manager = await world.ctx("manager");
  const study = expectOk(await createStudy(manager, { projectId: world.projectId, title: "Línea de base" }));
  const finding = (theme: "protection" | "data", text: string) =>
    createFinding(manager, { projectId: world.projectId, studyId: study.id, theme, title: { original: "es", es: text }, description: { original: "es", es: text } }).then(expectOk);
  const identification = await finding("protection", "Identificación de víctimas");
  const sharing = await finding("data", "Datos no compartidos");
  const labour = await insertInstitution(database.db, `Secretaría de Trabajo ${crypto.randomUUID()}`);
  return { world, manager, study, identification, sharing, labour };
}
type Setup = Awaited<ReturnType<typeof setup>>;

const form = (s: Setup, overrides: Partial<CreateActionInput> = {}): CreateActionInput => ({
  projectId: s.world.projectId,
  title: "Protocolo de identificación para inspectores",
  findingIds: [s.identification.id, s.sharing.id],
  institutionIds: [s.labour.id],
  ownerId: s.world.userIds.field,
  startDate: "2020-01-01",
  dueDate: "2020-06-30",
  status: "planned",
  target: "Protocolo adoptado por la Secretaría",
  ...overrides,
});

describe("improvement actions", () => {
  it("answer several findings, and each finding lists its actions; the institution and the theme find them too", async () => {
    const s = await setup();
    const action = expectOk(await createAction(s.manager, form(s)));
    const other = expectOk(await createAction(s.manager, form(s, { title: "Mesa de datos", findingIds: [s.sharing.id], institutionIds: [] })));
    const read = expectOk(await getAction(s.manager, { projectId: s.world.projectId, actionId: action.id }));
    expect(read.findings.map((f) => f.id).sort()).toEqual([s.identification.id, s.sharing.id].sort());
    // The findings are drafts: a partner reads the action, not them.
    expect(expectOk(await getAction(await s.world.ctx("partner"), { projectId: s.world.projectId, actionId: action.id })).findings).toEqual([]);
    expect(read.institutions.map((i) => i.id)).toEqual([s.labour.id]);
    expect(read.ownerName).toMatch(/^field /);
    const ids = async (filters: Record<string, string>) => expectOk(await listActions(s.manager, { projectId: s.world.projectId, ...filters })).map((a) => a.id);
    expect(await ids({ findingId: s.sharing.id })).toEqual([other.id, action.id]);
    expect(await ids({ findingId: s.identification.id })).toEqual([action.id]);
    expect(await ids({ institutionId: s.labour.id })).toEqual([action.id]);
    const listed = expectOk(await listActions(s.manager, { projectId: s.world.projectId }));
    expect(listed.find((a) => a.id === action.id)!.institutions).toEqual([{ id: s.labour.id, name: s.labour.name }]);
    expect(listed.find((a) => a.id === other.id)!.institutions).toEqual([]);
    expect(await ids({ theme: "protection" })).toEqual([action.id]);
    expect(await ids({ ownerId: s.world.userIds.field })).toHaveLength(2);
    expect(await ids({ q: "IDENTIFICACION" })).toEqual([action.id]);
  });

  it("stand out when overdue: past their due date and neither done nor dropped", async () => {
    const s = await setup();
    const late = expectOk(await createAction(s.manager, form(s, { dueDate: "2020-06-30", status: "under_way" })));
    expectOk(await createAction(s.manager, form(s, { title: "Hecho", status: "done" })));
    expectOk(await createAction(s.manager, form(s, { title: "Futuro", startDate: null, dueDate: "2999-01-01" })));
    const listed = expectOk(await listActions(s.manager, { projectId: s.world.projectId }));
    expect(listed.filter((a) => a.overdue).map((a) => a.id)).toEqual([late.id]);
    expect(expectOk(await listActions(s.manager, { projectId: s.world.projectId, overdue: "1" })).map((a) => a.id)).toEqual([late.id]);
    expect(isOverdue({ dueDate: "2020-06-30", status: "dropped" }, "2021-01-01")).toBe(false);
    expect(isOverdue({ dueDate: "2020-06-30", status: "planned" }, "2020-06-30")).toBe(false);
  });

  it("refuse findings of another project, an owner outside the project, a due date before the start, and a second save of the same version", async () => {
    const s = await setup();
    const outsider = await s.world.ctx("outsider");
    const foreignStudy = expectOk(await createStudy(outsider, { projectId: s.world.otherProjectId, title: "Otro" }));
    const foreign = expectOk(
      await createFinding(outsider, {
        projectId: s.world.otherProjectId,
        studyId: foreignStudy.id,
        theme: "data",
        title: { original: "es", es: "x" },
        description: { original: "es", es: "x" },
      }),
    );
    expect(expectFailure(await createAction(s.manager, form(s, { findingIds: [foreign.id] }))).fieldErrors?.findingIds).toEqual({ key: "notProjectFinding" });
    expect(expectFailure(await createAction(s.manager, form(s, { ownerId: s.world.userIds.loner }))).fieldErrors?.ownerId).toEqual({ key: "notProjectMember" });
    expect(expectFailure(await createAction(s.manager, form(s, { dueDate: "2019-01-01" }))).fieldErrors?.dueDate).toEqual({ key: "endBeforeStart" });
    expect(expectFailure(await createAction(s.manager, form(s, { progress: 101 }))).fieldErrors?.progress).toBeDefined();
    const action = expectOk(await createAction(s.manager, form(s)));
    const edit = { ...form(s, { status: "under_way" }), actionId: action.id, version: 1 };
    expectOk(await updateAction(s.manager, edit));
    expect(expectFailure(await updateAction(s.manager, { ...edit, status: "dropped" })).error).toBe("stale");
    expect(expectOk(await getAction(s.manager, { projectId: s.world.projectId, actionId: action.id })).action.status).toBe("under_way");
  });

  it("keep dated progress updates: who, when, what changed; the owner reports, a partner who does not own it cannot", async () => {
    const s = await setup();
    const action = expectOk(await createAction(s.manager, form(s)));
    const ids = { projectId: s.world.projectId, actionId: action.id };
    const field = await s.world.ctx("field");
    expectOk(await addActionUpdate(field, { ...ids, note: "Borrador del protocolo listo", progress: 40 }));
    expectOk(await addActionUpdate(field, { ...ids, status: "done" }));
    expect(expectFailure(await addActionUpdate(await s.world.ctx("partner"), { ...ids, note: "Hola" })).error).toBe("forbidden");
    expect(expectFailure(await addActionUpdate(field, ids)).fieldErrors?.note).toEqual({ key: "required" });
    const read = expectOk(await getAction(s.manager, ids));
    expect([read.action.status, read.action.progress]).toEqual(["done", 100]);
    expect(read.updates.map((u) => [u.note, u.changes])).toEqual([
      ["", { status: { before: "planned", after: "done" }, progress: { before: 40, after: 100 } }],
      ["Borrador del protocolo listo", { progress: { before: 0, after: 40 } }],
    ]);
    expect(read.updates.every((u) => u.authorName?.startsWith("field "))).toBe(true);
  });
});
