import crypto from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { auditEntries, bodyMemberships, coordinationBodies, type CoordinationBody, type Institution } from "@/db/schema";
import { createTestDatabase } from "@/db/testing";
import { createInstitution, getInstitution, listInstitutions } from "@/lib/institutions/use-cases";
import { bodyEditForm, bodyForm, directoryState, institutionForm, isoDate } from "@/lib/testing/directory";
import { auditEntriesFor, expectFailure, expectOk, snapshotCounts } from "@/lib/testing/helpers";
import { createWorld, type World } from "@/lib/testing/world";
import type { CreateBodyInput, UpdateBodyInput } from "./schemas";
import { addBodyMember, createBody, endBodyMembership, getBody, listBodies, removeBodyMembership, updateBody } from "./use-cases";

let database: Database;
let world: World;

beforeAll(async () => {
  database = await createTestDatabase();
  world = await createWorld(database.db);
});
afterAll(() => database.close());

const manager = () => world.ctx("manager");

async function newBody(overrides: Partial<CreateBodyInput> = {}) {
  return expectOk(await createBody(await manager(), bodyForm(overrides)));
}

async function newInstitution(name?: string) {
  return expectOk(await createInstitution(await manager(), institutionForm(name ? { name } : {})));
}

async function update(body: CoordinationBody, overrides: Partial<UpdateBodyInput> = {}) {
  return updateBody(await manager(), bodyEditForm(body, overrides));
}

async function join(bodyId: string, institutionId: string, startDate = "2020-01-01", endDate: string | null = null) {
  return addBodyMember(await manager(), { bodyId, institutionId, startDate, endDate });
}

const member = async (...args: Parameters<typeof join>) => expectOk(await join(...args));

async function end(bodyId: string, membershipId: string, endDate: string) {
  return endBodyMembership(await manager(), { bodyId, membershipId, endDate });
}

async function open(bodyId: string) {
  return expectOk(await getBody(await manager(), { bodyId }));
}

/** The row the bodies list shows for this body. */
async function listedRow(bodyId: string) {
  return expectOk(await listBodies(await manager(), {})).find((b) => b.id === bodyId);
}

const currentMembers = async (bodyId: string) => (await listedRow(bodyId))?.currentMembers;

/** The institutions the directory shows as current members of a body (its body filter). */
async function currentInstitutions(bodyId: string) {
  return expectOk(await listInstitutions(await manager(), { bodyId, status: "all" })).items.map((i) => i.id);
}

/** The bodies an institution's page lists. */
async function bodiesOf(institution: Institution) {
  return expectOk(await getInstitution(await manager(), { institutionId: institution.id })).bodies;
}

const writtenRows = () => snapshotCounts(world.db, { coordinationBodies, bodyMemberships, auditEntries });
const state = () => directoryState(world.db);

describe("createBody and updateBody", () => {
  it("creates a body that the list then shows without members, and audits it", async () => {
    const created = await newBody({ name: "  Comisión Interinstitucional  ", acronym: " CICESCT ", country: "hn" });
    expect(created).toMatchObject({ name: "Comisión Interinstitucional", acronym: "CICESCT", country: "HN", version: 1 });
    expect(await listedRow(created.id)).toEqual({
      id: created.id,
      name: created.name,
      acronym: "CICESCT",
      country: "HN",
      currentMembers: 0,
    });
    expect((await open(created.id)).body).toEqual(created);

    const [entry, ...others] = await auditEntriesFor(world.db, created.id);
    expect(others).toEqual([]);
    expect(entry).toMatchObject({ action: "bodies.create", entityType: "coordination_body", actorId: world.userIds.manager });
    expect(entry!.changes.name).toEqual({ before: null, after: created.name });
  });

  it.each([
    ["an empty name", { name: "  " }, "name", "required"],
    ["a country that is not a two-letter code", { country: "Honduras" }, "country", "invalidFormat"],
  ])("refuses %s and writes nothing", async (_label, overrides, field, key) => {
    const before = await writtenRows();
    const failure = expectFailure(await createBody(await manager(), bodyForm(overrides)));
    expect(failure.error).toBe("invalid");
    expect(failure.fieldErrors?.[field]).toEqual({ key });
    expect(await writtenRows()).toEqual(before);
  });

  it("saves an edit, bumps the version and records only the fields that changed", async () => {
    const body = await newBody({ description: "First description" });
    const updated = expectOk(await update(body, { name: "CONATT", description: "Second description" }));
    expect(updated).toMatchObject({ name: "CONATT", description: "Second description", version: 2 });
    expect((await open(body.id)).body).toEqual(updated);

    const entry = (await auditEntriesFor(world.db, body.id)).find((e) => e.action === "bodies.update");
    expect(entry!.changes).toEqual({
      name: { before: body.name, after: "CONATT" },
      description: { before: "First description", after: "Second description" },
    });
  });

  it("refuses an edit made on a stale version and keeps the first editor's change", async () => {
    const body = await newBody();
    const first = expectOk(await update(body, { name: "First editor" }));
    const before = await state();
    expect(await update(body, { name: "Second editor" })).toEqual({ ok: false, error: "stale" });
    expect(await state()).toEqual(before);
    expect((await open(body.id)).body).toEqual(first);
  });

  it("answers not_found for a body that does not exist", async () => {
    const ghost = { ...(await newBody()), id: crypto.randomUUID() };
    expect(await update(ghost)).toEqual({ ok: false, error: "not_found" });
    expect(await getBody(await manager(), { bodyId: ghost.id })).toEqual({ ok: false, error: "not_found" });
  });
});

describe("listBodies and getBody", () => {
  it("counts as current members only the memberships that have not ended before today", async () => {
    const body = await newBody();
    await member(body.id, (await newInstitution()).id);
    await member(body.id, (await newInstitution()).id, "2020-01-01", isoDate(0));
    await member(body.id, (await newInstitution()).id, "2020-01-01", isoDate(90));
    await member(body.id, (await newInstitution()).id, "2020-01-01", isoDate(-1));
    expect(await currentMembers(body.id)).toBe(3);
    expect((await open(body.id)).members).toHaveLength(4);
  });

  it("lists the members with their dates, by name and most recent membership first", async () => {
    const body = await newBody();
    const zeta = await newInstitution(`Zeta ${crypto.randomUUID()}`);
    const alpha = await newInstitution(`Alpha ${crypto.randomUUID()}`);
    const zetaMembership = await member(body.id, zeta.id, "2022-07-01");
    const alphaFirst = await member(body.id, alpha.id, "2015-01-01", "2016-12-31");
    const alphaAgain = await member(body.id, alpha.id, "2019-03-01");

    const row = (institution: Institution, membership: { id: string }, startDate: string, endDate: string | null) => ({
      membershipId: membership.id,
      institutionId: institution.id,
      name: institution.name,
      acronym: "",
      sector: "state",
      startDate,
      endDate,
    });
    expect((await open(body.id)).members).toEqual([
      row(alpha, alphaAgain, "2019-03-01", null),
      row(alpha, alphaFirst, "2015-01-01", "2016-12-31"),
      row(zeta, zetaMembership, "2022-07-01", null),
    ]);
  });
});

describe("addBodyMember", () => {
  it("adds an institution to a body and audits it on the body", async () => {
    const [body, institution] = [await newBody(), await newInstitution()];
    const membership = await member(body.id, institution.id, "2021-03-01");
    expect(membership).toMatchObject({ bodyId: body.id, institutionId: institution.id, startDate: "2021-03-01", endDate: null });

    const entry = (await auditEntriesFor(world.db, body.id)).find((e) => e.action === "bodies.addMember");
    expect(entry).toMatchObject({ entityType: "coordination_body", actorId: world.userIds.manager });
    expect(entry!.changes).toEqual({
      member: { before: null, after: { institutionId: institution.id, startDate: "2021-03-01", endDate: null } },
    });
  });

  it("lets an institution belong to several bodies at once", async () => {
    const [first, second, institution] = [await newBody(), await newBody(), await newInstitution()];
    await member(first.id, institution.id);
    await member(second.id, institution.id, "2023-06-01");

    expect((await bodiesOf(institution)).map((b) => b.bodyId).sort()).toEqual([first.id, second.id].sort());
    for (const body of [first, second]) {
      expect((await open(body.id)).members.map((m) => m.institutionId)).toEqual([institution.id]);
      expect(await currentInstitutions(body.id)).toEqual([institution.id]);
    }
  });

  it.each<[string, (body: CoordinationBody, institution: Institution) => Parameters<typeof join>, object]>([
    ["an institution that does not exist", (body) => [body.id, crypto.randomUUID()], { error: "invalid", fieldErrors: { institutionId: { key: "unknownInstitution" } } }],
    [
      "an end before the start",
      (body, institution) => [body.id, institution.id, "2021-05-01", "2021-04-30"],
      { error: "invalid", fieldErrors: { endDate: { key: "endBeforeStart" } } },
    ],
    ["a body that does not exist", (_body, institution) => [crypto.randomUUID(), institution.id], { error: "not_found" }],
  ])("refuses %s and writes nothing", async (_label, args, expected) => {
    const [body, institution] = [await newBody(), await newInstitution()];
    const before = await writtenRows();
    expect(await join(...args(body, institution))).toEqual({ ok: false, ...expected });
    expect(await writtenRows()).toEqual(before);
  });

  it("accepts a membership that ends on the day it starts", async () => {
    const [body, institution] = [await newBody(), await newInstitution()];
    expect(await member(body.id, institution.id, "2021-05-01", "2021-05-01")).toMatchObject({ endDate: "2021-05-01" });
  });

  it("refuses the same membership twice, but lets an institution rejoin later", async () => {
    const [body, institution] = [await newBody(), await newInstitution()];
    await member(body.id, institution.id, "2020-01-01", "2020-12-31");
    const before = await writtenRows();
    expect(await join(body.id, institution.id, "2020-01-01")).toEqual({ ok: false, error: "conflict" });
    expect(await writtenRows()).toEqual(before);

    await member(body.id, institution.id, "2022-01-01");
    expect((await bodiesOf(institution)).map((b) => b.startDate)).toEqual(["2022-01-01", "2020-01-01"]);
  });
});

describe("endBodyMembership and removeBodyMembership", () => {
  it("ends a membership: the body no longer counts the member, shows the end date, and audits it", async () => {
    const [body, institution] = [await newBody(), await newInstitution()];
    const membership = await member(body.id, institution.id, "2020-01-01");
    const endDate = isoDate(-1);
    expect(expectOk(await end(body.id, membership.id, endDate))).toEqual({ changed: true });

    expect(await currentInstitutions(body.id)).toEqual([]);
    expect((await open(body.id)).members).toEqual([expect.objectContaining({ membershipId: membership.id, endDate })]);
    const entry = (await auditEntriesFor(world.db, body.id)).find((e) => e.action === "bodies.endMembership");
    expect(entry).toMatchObject({ actorId: world.userIds.manager, entityType: "coordination_body" });
    expect(entry!.changes).toEqual({ [`member:${institution.id}`]: { before: null, after: endDate } });
  });

  it("refuses an end date before the start and changes nothing", async () => {
    const [body, institution] = [await newBody(), await newInstitution()];
    const membership = await member(body.id, institution.id, "2021-05-01");
    const before = await state();
    expect(await end(body.id, membership.id, "2021-04-30")).toEqual({
      ok: false,
      error: "invalid",
      fieldErrors: { endDate: { key: "endBeforeStart" } },
    });
    expect(await state()).toEqual(before);
    expect(await currentInstitutions(body.id)).toEqual([institution.id]);
  });

  it("removes a membership from the body and the institution's page, and audits what it was", async () => {
    const [body, institution] = [await newBody(), await newInstitution()];
    const membership = await member(body.id, institution.id, "2019-01-01", "2020-06-30");
    expect(expectOk(await removeBodyMembership(await manager(), { bodyId: body.id, membershipId: membership.id }))).toEqual({ changed: true });

    expect((await open(body.id)).members).toEqual([]);
    expect(await bodiesOf(institution)).toEqual([]);
    const entry = (await auditEntriesFor(world.db, body.id)).find((e) => e.action === "bodies.removeMembership");
    expect(entry).toMatchObject({ actorId: world.userIds.manager, entityType: "coordination_body" });
    expect(entry!.changes).toEqual({
      member: { before: { institutionId: institution.id, startDate: "2019-01-01", endDate: "2020-06-30" }, after: null },
    });
  });

  it("answers not_found for a membership that does not exist, and changes nothing", async () => {
    const [bodyId, membershipId] = [(await newBody()).id, crypto.randomUUID()];
    const before = await state();
    expect(await end(bodyId, membershipId, "2024-01-01")).toEqual({ ok: false, error: "not_found" });
    expect(await removeBodyMembership(await manager(), { bodyId, membershipId })).toEqual({ ok: false, error: "not_found" });
    expect(await state()).toEqual(before);
  });

  it("answers not_found for a membership named under another body's path, and changes nothing", async () => {
    const [body, otherBody, institution] = [await newBody(), await newBody(), await newInstitution()];
    const membership = await member(body.id, institution.id, "2020-01-01");
    const before = await state();
    expect(await end(otherBody.id, membership.id, "2024-01-01")).toEqual({ ok: false, error: "not_found" });
    expect(await removeBodyMembership(await manager(), { bodyId: otherBody.id, membershipId: membership.id })).toEqual({ ok: false, error: "not_found" });
    expect(await state()).toEqual(before);
    expect(await currentInstitutions(body.id)).toEqual([institution.id]);
  });
});
