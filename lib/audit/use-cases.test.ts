import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { auditEntries } from "@/db/schema";
import { createTestDatabase } from "@/db/testing";
import { setLocale } from "@/lib/account/use-cases";
import { ctxFor, expectFailure, expectOk, insertUser, written } from "@/lib/testing/helpers";
import { createWorld, type World } from "@/lib/testing/world";
import en from "@/lib/i18n/messages/en.json";
import es from "@/lib/i18n/messages/es.json";
import fr from "@/lib/i18n/messages/fr.json";
import { createEvaluation } from "@/lib/evaluations/use-cases";
import { auditEntityTypes } from "@/lib/audit";
import type { ListAuditInput } from "./schemas";
import { listAudit } from "./use-cases";

let database: Database;
let world: World;

beforeAll(async () => {
  database = await createTestDatabase();
  world = await createWorld(database.db);
});
afterAll(() => database.close());

type EntityType = "user" | "project" | "project_member";

/** A fresh actor, so each test sees only the entries it wrote. */
async function newActor() {
  return (await insertUser(world.db)).id;
}

async function writeEntries(actorId: string, entries: { at: string; entityType?: EntityType; action?: string }[]) {
  await world.db.insert(auditEntries).values(
    entries.map(({ at, entityType = "user", action = `test.${at}` }) => ({
      actorId,
      at: new Date(at),
      action,
      entityType,
      entityId: actorId,
    })),
  );
}

async function list(input: ListAuditInput) {
  return expectOk(await listAudit(await world.ctx("admin"), input));
}

const actionsListed = async (input: ListAuditInput) => (await list(input)).items.map((e) => e.action);

describe("listAudit", () => {
  it("filters by actor, newest first, naming the actor", async () => {
    const [actor, someoneElse] = [await newActor(), await newActor()];
    await writeEntries(actor, [
      { at: "2021-01-01T10:00:00Z", action: "older" },
      { at: "2021-01-02T10:00:00Z", action: "newer" },
    ]);
    await writeEntries(someoneElse, [{ at: "2021-01-03T10:00:00Z", action: "not mine" }]);

    const page = await list({ actorId: actor });
    expect(page.items.map((e) => e.action)).toEqual(["newer", "older"]);
    expect(page.total).toBe(2);
    expect(page.items[0]).toMatchObject({ actorId: actor, actorName: expect.stringContaining("Person"), entityType: "user" });
  });

  it("filters by entity type", async () => {
    const actor = await newActor();
    await writeEntries(actor, [
      { at: "2021-02-01T10:00:00Z", entityType: "user", action: "on a user" },
      { at: "2021-02-02T10:00:00Z", entityType: "project", action: "on a project" },
      { at: "2021-02-03T10:00:00Z", entityType: "project_member", action: "on a membership" },
    ]);
    expect(await actionsListed({ actorId: actor, entityType: "project" })).toEqual(["on a project"]);
    expect(await actionsListed({ actorId: actor, entityType: "project_member" })).toEqual(["on a membership"]);
  });

  it("filters by dates, the whole of the 'to' day included", async () => {
    const actor = await newActor();
    await writeEntries(actor, [
      { at: "2021-03-09T23:59:59.999Z", action: "day before" },
      { at: "2021-03-10T00:00:00.000Z", action: "first moment" },
      { at: "2021-03-12T23:59:59.999Z", action: "last moment" },
      { at: "2021-03-13T00:00:00.000Z", action: "day after" },
    ]);
    expect(await actionsListed({ actorId: actor, from: "2021-03-10", to: "2021-03-12" })).toEqual(["last moment", "first moment"]);
    expect(await actionsListed({ actorId: actor, from: "2021-03-12", to: "2021-03-12" })).toEqual(["last moment"]);
    expect(await actionsListed({ actorId: actor, from: "2021-03-13" })).toEqual(["day after"]);
    expect(await actionsListed({ actorId: actor, to: "2021-03-09" })).toEqual(["day before"]);
  });

  it("treats empty form fields as no filter", async () => {
    const actor = await newActor();
    await writeEntries(actor, [{ at: "2021-04-01T10:00:00Z", action: "only entry" }]);
    expect(await actionsListed({ actorId: actor, entityType: "", from: "", to: "" })).toEqual(["only entry"]);
  });

  it("pages through the entries, keeping the total", async () => {
    const actor = await newActor();
    const days = ["01", "02", "03", "04", "05"];
    await writeEntries(
      actor,
      days.map((d) => ({ at: `2021-05-${d}T12:00:00Z`, action: `day ${d}` })),
    );

    const page2 = await list({ actorId: actor, page: 2, pageSize: 2 });
    expect(page2).toMatchObject({ total: 5, page: 2, pageSize: 2 });
    expect(page2.items.map((e) => e.action)).toEqual(["day 03", "day 02"]);
    expect(await actionsListed({ actorId: actor, page: 3, pageSize: 2 })).toEqual(["day 01"]);
    expect(await actionsListed({ actorId: actor, page: 4, pageSize: 2 })).toEqual([]);
  });

  it("refuses a 'from' date after the 'to' date", async () => {
    const failure = expectFailure(await listAudit(await world.ctx("admin"), { from: "2021-03-12", to: "2021-03-10" }));
    expect(failure).toEqual({ ok: false, error: "invalid", fieldErrors: { to: { key: "endBeforeStart" } } });
  });

  it("refuses a malformed date or actor", async () => {
    const failure = expectFailure(await listAudit(await world.ctx("admin"), { from: "12/03/2021", actorId: "someone" }));
    expect(failure.fieldErrors).toMatchObject({ from: { key: "invalidDate" }, actorId: { key: "invalidFormat" } });
  });

  it("shows what a user just did through the application", async () => {
    const actor = await newActor();
    expectOk(await setLocale(await ctxFor(world.db, actor), { locale: "es" }));
    const [entry] = (await list({ actorId: actor })).items;
    expect(entry).toMatchObject({ action: "account.setLocale", entityId: actor, changes: { locale: { before: "en", after: "es" } } });
  });

  it("lists an evaluation's entries under their own kind, named in French, Spanish and English like every kind the trail holds", async () => {
    const evaluation = expectOk(
      await createEvaluation(await world.ctx("manager"), {
        projectId: world.projectId,
        title: written("Evaluación final", "es"),
        scaleSize: 5,
        agreeLevels: [4, 5],
        groups: [{ key: "state", name: { original: "es", es: "Estado" } }],
        statements: [{ key: "q1", text: { original: "es", es: "Enunciado" } }],
      }),
    );
    const page = await list({ actorId: world.userIds.manager, entityType: "evaluation" });
    expect(page.items.map((e) => e.entityId)).toContain(evaluation.id);

    for (const catalogue of [fr, es, en]) {
      const names = catalogue.audit.entities as Record<string, string>;
      for (const type of auditEntityTypes) expect(names[type], `audit.entities.${type}`).toMatch(/\S/);
    }
    const kindsWritten = await world.db.selectDistinct({ type: auditEntries.entityType }).from(auditEntries);
    for (const { type } of kindsWritten) expect(auditEntityTypes).toContain(type);
  });
});
