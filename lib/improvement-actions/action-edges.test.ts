import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { createTestDatabase } from "@/db/testing";
import { actionFindings, actionInstitutions, actionUpdates, auditEntries, improvementActions, projectMembers, users } from "@/db/schema";
import { createFinding } from "@/lib/findings/use-cases";
import type { Ctx } from "@/lib/session-user";
import { createStudy } from "@/lib/studies/use-cases";
import { isoDate } from "@/lib/testing/directory";
import { ctxFor, expectFailure, expectOk, snapshotCounts } from "@/lib/testing/helpers";
import { insertInstitution } from "@/lib/testing/workshops";
import { createWorld } from "@/lib/testing/world";
import type { CreateActionInput } from "./schemas";
import { addActionUpdate, createAction, getAction, listActions, updateAction } from "./use-cases";

let database: Database;

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

const everything = { improvementActions, actionFindings, actionInstitutions, actionUpdates, auditEntries };

async function setup() {
  const world = await createWorld(database.db);
  const manager = await world.ctx("manager");
  const study = expectOk(await createStudy(manager, { projectId: world.projectId, title: "Línea de base" }));
  const finding = (text: string, status: "draft" | "validated" = "draft") =>
    createFinding(manager, {
      projectId: world.projectId,
      studyId: study.id,
      theme: "protection",
      status,
      title: { original: "es", es: text },
      description: { original: "es", es: text },
    }).then(expectOk);
  const identification = await finding("Identificación de víctimas", "validated");
  const labour = await insertInstitution(database.db, `Secretaría de Trabajo ${crypto.randomUUID()}`);
  return { world, manager, study, finding, identification, labour };
}
type Setup = Awaited<ReturnType<typeof setup>>;

const form = (s: Setup, overrides: Partial<CreateActionInput> = {}): CreateActionInput => ({
  projectId: s.world.projectId,
  title: "Protocolo de identificación",
  findingIds: [s.identification.id],
  institutionIds: [s.labour.id],
  ownerId: s.world.userIds.field,
  startDate: "2020-01-01",
  dueDate: "2020-06-30",
  status: "planned",
  ...overrides,
});

/** A second partner of the project, from another organisation. */
async function secondPartner(s: Setup) {
  const [other] = await database.db
    .insert(users)
    .values({ email: `otra-${crypto.randomUUID()}@test.example`, name: "Otra Socia", locale: "es" })
    .returning();
  await database.db.insert(projectMembers).values({ projectId: s.world.projectId, userId: other!.id, role: "partner" });
  return ctxFor(database.db, other!.id);
}

describe("an action's fields", () => {
  it("refuses blank or over-long titles, progress outside 0–100 or not whole, and impossible dates, writing nothing", async () => {
    const s = await setup();
    const before = await snapshotCounts(database.db, everything);
    const refused = async (overrides: Record<string, unknown>) => expectFailure(await createAction(s.manager, { ...form(s), ...overrides })).fieldErrors;
    expect((await refused({ title: " \t " }))?.title).toEqual({ key: "required" });
    expect((await refused({ title: "x".repeat(301) }))?.title).toEqual({ key: "tooLong", values: { max: 300 } });
    for (const progress of [-1, 101, 40.5, "abc", "50%"]) expect((await refused({ progress }))?.progress).toBeDefined();
    expect((await refused({ dueDate: "2020-02-30" }))?.dueDate).toEqual({ key: "invalidDate" });
    expect((await refused({ status: "cancelled" }))?.status).toEqual({ key: "invalidChoice" });
    expect((await refused({ findingIds: [crypto.randomUUID()] }))?.findingIds).toEqual({ key: "notProjectFinding" });
    expect(await snapshotCounts(database.db, everything)).toEqual(before);
  });

  it("links a finding or an institution named twice once", async () => {
    const s = await setup();
    const action = expectOk(await createAction(s.manager, form(s, { findingIds: [s.identification.id, s.identification.id], institutionIds: `${s.labour.id},${s.labour.id}` })));
    const read = expectOk(await getAction(s.manager, { projectId: s.world.projectId, actionId: action.id }));
    expect([read.findings.length, read.institutions.length]).toEqual([1, 1]);
  });
});

describe("saving an action", () => {
  it("a stale save writes no link, no update and no history, and keeps the other person's version", async () => {
    const s = await setup();
    const action = expectOk(await createAction(s.manager, form(s)));
    expectOk(await updateAction(s.manager, { ...form(s, { progress: 30 }), actionId: action.id, version: 1 }));
    const before = await snapshotCounts(database.db, everything);
    const stale = { ...form(s, { status: "done", progress: 100, findingIds: [], institutionIds: [] }), actionId: action.id, version: 1 };
    expect(expectFailure(await updateAction(await s.world.ctx("admin"), stale)).error).toBe("stale");
    expect(await snapshotCounts(database.db, everything)).toEqual(before);
    const kept = expectOk(await getAction(s.manager, { projectId: s.world.projectId, actionId: action.id }));
    expect([kept.action.status, kept.action.progress, kept.action.version, kept.findings.length, kept.institutions.length]).toEqual(["planned", 30, 2, 1, 1]);
  });

  it("is for managers: field staff and partners read, the loner and the outsider do not see it", async () => {
    const s = await setup();
    const action = expectOk(await createAction(s.manager, form(s)));
    const ref = { projectId: s.world.projectId, actionId: action.id };
    for (const role of ["field", "partner"] as const) {
      const ctx = await s.world.ctx(role);
      expect(expectOk(await getAction(ctx, ref)).canEdit).toBe(false);
      expect(expectFailure(await createAction(ctx, form(s))).error).toBe("forbidden");
      expect(expectFailure(await updateAction(ctx, { ...form(s, { title: "Cambio" }), actionId: action.id, version: 1 })).error).toBe("forbidden");
    }
    for (const role of ["loner", "outsider"] as const) {
      const ctx = await s.world.ctx(role);
      expect(expectFailure(await getAction(ctx, ref)).error).toBe("not_found");
      expect(expectFailure(await addActionUpdate(ctx, { ...ref, note: "Hola" })).error).toBe("not_found");
    }
    const outsider = await s.world.ctx("outsider");
    expect(expectFailure(await getAction(outsider, { ...ref, projectId: s.world.otherProjectId })).error).toBe("not_found");
    expect(expectOk(await getAction(s.manager, ref)).action.title).toBe("Protocolo de identificación");
  });
});

describe("progress updates", () => {
  it("come from a manager or the owner, field staff or partner alike; not from anyone else", async () => {
    const s = await setup();
    const mine = expectOk(await createAction(s.manager, form(s, { ownerId: s.world.userIds.partner })));
    const partnerRef = { projectId: s.world.projectId, actionId: mine.id };
    expectOk(await addActionUpdate(await s.world.ctx("partner"), { ...partnerRef, note: "Reunión hecha", progress: "25" }));
    expect(expectFailure(await addActionUpdate(await s.world.ctx("field"), { ...partnerRef, note: "No es mía" })).error).toBe("forbidden");
    const read = expectOk(await getAction(await s.world.ctx("partner"), partnerRef));
    expect([read.canUpdate, read.action.progress, read.updates.map((u) => u.note)]).toEqual([true, 25, ["Reunión hecha"]]);
  });

  it("with nothing said or changed are refused and leave the action as it was", async () => {
    const s = await setup();
    const action = expectOk(await createAction(s.manager, form(s, { progress: 40 })));
    const ref = { projectId: s.world.projectId, actionId: action.id };
    const before = await snapshotCounts(database.db, everything);
    for (const update of [{}, { note: "   " }, { status: "planned", progress: 40 }, { status: "", progress: "" }]) {
      expect(expectFailure(await addActionUpdate(s.manager, { ...ref, ...update })).fieldErrors?.note).toEqual({ key: "required" });
    }
    expect(await snapshotCounts(database.db, everything)).toEqual(before);
    expect(expectOk(await getAction(s.manager, ref)).action).toMatchObject({ version: 1, updatedAt: action.updatedAt });
  });

  it("done without a progress means 100%; dropped is never overdue", async () => {
    const s = await setup();
    const done = expectOk(await createAction(s.manager, form(s, { progress: 60 })));
    expectOk(await addActionUpdate(s.manager, { projectId: s.world.projectId, actionId: done.id, status: "done" }));
    const dropped = expectOk(await createAction(s.manager, form(s, { title: "Abandonada", dueDate: isoDate(-30), startDate: null })));
    expectOk(await addActionUpdate(s.manager, { projectId: s.world.projectId, actionId: dropped.id, status: "dropped", note: "Sin fondos" }));
    const listed = expectOk(await listActions(s.manager, { projectId: s.world.projectId }));
    expect(listed.map((a) => [a.title, a.status, a.progress, a.overdue])).toEqual([
      ["Protocolo de identificación", "done", 100, false],
      ["Abandonada", "dropped", 0, false],
    ]);
  });

  it("are closed to an owner who has left the project", async () => {
    const s = await setup();
    const action = expectOk(await createAction(s.manager, form(s)));
    await database.db.delete(projectMembers).where(and(eq(projectMembers.projectId, s.world.projectId), eq(projectMembers.userId, s.world.userIds.field)));
    const ref = { projectId: s.world.projectId, actionId: action.id };
    expect(expectFailure(await addActionUpdate(await s.world.ctx("field"), { ...ref, progress: 90 })).error).toBe("not_found");
    expect(expectOk(await getAction(s.manager, ref)).action.progress).toBe(0);
  });
});

describe("overdue actions", () => {
  it("are those due before today: due today is not, yesterday is, in the list and on the action alike", async () => {
    const s = await setup();
    const today = expectOk(await createAction(s.manager, form(s, { title: "Hoy", startDate: null, dueDate: isoDate(0) })));
    const yesterday = expectOk(await createAction(s.manager, form(s, { title: "Ayer", startDate: null, dueDate: isoDate(-1) })));
    const listed = expectOk(await listActions(s.manager, { projectId: s.world.projectId }));
    expect(listed.map((a) => [a.id, a.overdue])).toEqual([
      [yesterday.id, true],
      [today.id, false],
    ]);
    for (const action of [today, yesterday]) {
      expect(expectOk(await getAction(s.manager, { projectId: s.world.projectId, actionId: action.id })).overdue).toBe(action.id === yesterday.id);
    }
  });

  it("are the same in the list and on the action whatever the database's time zone", async () => {
    const s = await setup();
    // A zone whose date differs from UTC's at the hour the test runs (Etc/GMT signs are inverted).
    const ahead = new Date().getUTCHours() >= 12;
    const action = expectOk(await createAction(s.manager, form(s, { startDate: null, dueDate: isoDate(ahead ? 0 : -1) })));
    const listed = await database.db.transaction(async (tx) => {
      await tx.execute(sql`select set_config('TimeZone', ${ahead ? "Etc/GMT-14" : "Etc/GMT+12"}, true)`);
      const ctx: Ctx = { db: tx, user: s.manager.user };
      return expectOk(await listActions(ctx, { projectId: s.world.projectId }));
    });
    const shown = expectOk(await getAction(s.manager, { projectId: s.world.projectId, actionId: action.id }));
    expect(listed.find((a) => a.id === action.id)!.overdue).toBe(shown.overdue);
  });
});

describe("what partners see of actions", () => {
  it("never give a partner another partner's name", async () => {
    const s = await setup();
    const other = await secondPartner(s);
    const action = expectOk(await createAction(s.manager, form(s, { ownerId: other.user!.id })));
    const ref = { projectId: s.world.projectId, actionId: action.id };
    expectOk(await addActionUpdate(other, { ...ref, note: "Avance", progress: 10 }));
    const partner = await s.world.ctx("partner");
    const seen = [expectOk(await getAction(partner, ref)), expectOk(await listActions(partner, { projectId: s.world.projectId }))];
    expect(JSON.stringify(seen)).not.toContain("Otra Socia");
  });

  it("count for partners only the findings they can read", async () => {
    const s = await setup();
    const drafts = [await s.finding("Borrador uno"), await s.finding("Borrador dos")];
    const action = expectOk(await createAction(s.manager, form(s, { findingIds: [s.identification.id, ...drafts.map((d) => d.id)] })));
    const partner = await s.world.ctx("partner");
    expect(expectOk(await getAction(partner, { projectId: s.world.projectId, actionId: action.id })).findings).toHaveLength(1);
    const [listed] = expectOk(await listActions(partner, { projectId: s.world.projectId }));
    expect(listed!.findings).toBe(1);
  });
});

describe("searching actions", () => {
  it("takes %, _ and accents as written, in any case, with filters combined", async () => {
    const s = await setup();
    const half = expectOk(await createAction(s.manager, form(s, { title: "Cubrir el 50% de las inspecciones", status: "under_way" })));
    const under = expectOk(await createAction(s.manager, form(s, { title: "Formación_inspectores", description: "Módulo de IDENTIFICACIÓN", ownerId: null })));
    const ids = async (filters: Record<string, string>) => expectOk(await listActions(s.manager, { projectId: s.world.projectId, ...filters })).map((a) => a.id);
    expect(await ids({ q: "%" })).toEqual([half.id]);
    expect(await ids({ q: "_" })).toEqual([under.id]);
    expect(await ids({ q: "identificacion" })).toEqual([under.id]);
    expect(await ids({ q: "inspec", status: "under_way", ownerId: s.world.userIds.field, institutionId: s.labour.id })).toEqual([half.id]);
    expect(await ids({ q: "inspec", ownerId: s.world.userIds.field, status: "planned" })).toEqual([]);
  });
});
