import crypto from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { auditEntries, institutions, participantAffiliations, participants, users, type Institution } from "@/db/schema";
import { createTestDatabase } from "@/db/testing";
import { addBodyMember, createBody } from "@/lib/bodies/use-cases";
import type { Ctx } from "@/lib/session-user";
import { directoryState, institutionEditForm, institutionForm, isoDate, userWithRoles } from "@/lib/testing/directory";
import { auditEntriesFor, ctxFor, expectFailure, expectOk, insertUser, snapshotCounts, uniqueTag } from "@/lib/testing/helpers";
import { createWorld, type RoleName, type World } from "@/lib/testing/world";
import type { CreateInstitutionInput, ListInstitutionsInput, UpdateInstitutionInput } from "./schemas";
import { createInstitution, getInstitution, listInstitutions, mergeInstitutions, setInstitutionActive, updateInstitution } from "./use-cases";

let database: Database;
let world: World;

beforeAll(async () => {
  database = await createTestDatabase();
  world = await createWorld(database.db);
});
afterAll(() => database.close());

const manager = () => world.ctx("manager");

async function create(overrides: Partial<CreateInstitutionInput> = {}, role: RoleName = "manager") {
  return expectOk(await createInstitution(await world.ctx(role), institutionForm(overrides)));
}

async function update(institution: Institution, overrides: Partial<UpdateInstitutionInput> = {}) {
  return updateInstitution(await manager(), institutionEditForm(institution, overrides));
}

async function get(institutionId: string) {
  return expectOk(await getInstitution(await manager(), { institutionId }));
}

async function list(input: ListInstitutionsInput = {}) {
  return expectOk(await listInstitutions(await manager(), { pageSize: 100, ...input }));
}

/** The ids the list shows, in its order. */
const listed = async (input: ListInstitutionsInput) => (await list(input)).items.map((i) => i.id);
const sorted = (ids: string[]) => [...ids].sort();

async function archive(institution: Institution, isActive = false, ctx?: Ctx) {
  return setInstitutionActive(ctx ?? (await manager()), { institutionId: institution.id, isActive });
}

async function merge(source: Institution, target: Institution, ctx?: Ctx) {
  return mergeInstitutions(ctx ?? (await manager()), { sourceId: source.id, targetId: target.id });
}

async function newBody() {
  return expectOk(await createBody(await manager(), { name: `Mesa ${uniqueTag()}`, country: "HN" }));
}

async function join(bodyId: string, institutionId: string, startDate: string, endDate: string | null = null) {
  return expectOk(await addBodyMember(await manager(), { bodyId, institutionId, startDate, endDate }));
}

/** root → child → grandchild. */
async function family() {
  const root = await create({ name: `Root ${uniqueTag()}` });
  const child = await create({ name: `Child ${uniqueTag()}`, parentId: root.id });
  const grandchild = await create({ name: `Grandchild ${uniqueTag()}`, parentId: child.id });
  return { root, child, grandchild };
}
type Family = Awaited<ReturnType<typeof family>>;

const writtenRows = () => snapshotCounts(world.db, { institutions, auditEntries });
const state = () => directoryState(world.db);

/**
 * A duplicate (source) with two sub-institutions and two body memberships, one of which the
 * kept record (target) already has; the target lacks acronym and website but has its own city.
 */
async function mergeScenario() {
  const tag = uniqueTag();
  const source = await create({
    name: `Duplicate ${tag}`,
    acronym: `S${tag}`.toUpperCase(),
    city: "Tegucigalpa",
    website: "https://source.example.org",
    notes: "Notes of the duplicate",
  });
  const target = await create({ name: `Kept ${tag}`, city: "San Pedro Sula" });
  const children = [await create({ parentId: source.id }), await create({ parentId: source.id })];
  const [shared, other] = [await newBody(), await newBody()];
  await join(shared.id, source.id, "2020-01-01");
  await join(shared.id, target.id, "2020-01-01");
  await join(other.id, source.id, "2021-05-01", "2022-04-30");
  return { source, target, children, shared, other };
}

describe("createInstitution and getInstitution", () => {
  it("creates an institution under its parent, which then lists it among its children", async () => {
    const parent = await create({ name: `Secretaría ${uniqueTag()}`, acronym: "SEC" });
    const created = await create({
      name: "  Dirección de Niñez  ",
      acronym: " DINAF ",
      parentId: parent.id,
      website: "https://dinaf.example.org",
    });
    expect(created).toMatchObject({ name: "Dirección de Niñez", acronym: "DINAF", parentId: parent.id, isActive: true, version: 1 });

    const opened = await get(created.id);
    expect(opened.institution).toEqual(created);
    expect(opened.parent).toEqual({ id: parent.id, name: parent.name, acronym: "SEC" });
    expect((await get(parent.id)).children).toEqual([{ id: created.id, name: created.name, acronym: "DINAF", isActive: true }]);
  });

  it("records the creation in the audit trail, naming who did it", async () => {
    const created = await create({ acronym: "AUD" }, "field");
    const [entry, ...others] = await auditEntriesFor(world.db, created.id);
    expect(others).toEqual([]);
    expect(entry).toMatchObject({ action: "institutions.create", entityType: "institution", actorId: world.userIds.field, projectId: null });
    expect(entry!.changes.name).toEqual({ before: null, after: created.name });
    expect(entry!.changes.acronym).toEqual({ before: null, after: "AUD" });
  });

  it.each([
    ["an empty name", { name: "   " }, "name", "required"],
    ["an unknown sector", { sector: "bank" as never }, "sector", "invalidChoice"],
    ["a javascript: website", { website: "javascript:alert(1)" }, "website", "invalidFormat"],
    ["a website that is not http(s)", { website: "ftp://files.example.org" }, "website", "invalidFormat"],
    ["a country that is not a two-letter code", { country: "Honduras" }, "country", "invalidFormat"],
    ["a parent that does not exist", { parentId: crypto.randomUUID() }, "parentId", "unknownInstitution"],
  ])("refuses %s and writes nothing", async (_label, overrides, field, key) => {
    const before = await writtenRows();
    const failure = expectFailure(await createInstitution(await manager(), institutionForm(overrides)));
    expect(failure.error).toBe("invalid");
    expect(failure.fieldErrors?.[field]).toEqual({ key });
    expect(await writtenRows()).toEqual(before);
  });

  it("answers not_found for an institution that does not exist", async () => {
    expect(await getInstitution(await manager(), { institutionId: crypto.randomUUID() })).toEqual({ ok: false, error: "not_found" });
  });

  it("lists the bodies an institution belongs to, with the dates of each membership", async () => {
    const institution = await create();
    const body = await newBody();
    const past = await join(body.id, institution.id, "2018-02-01", "2019-12-31");
    const current = await join(body.id, institution.id, "2021-03-15");
    expect((await get(institution.id)).bodies).toEqual([
      { membershipId: current.id, bodyId: body.id, name: body.name, acronym: "", startDate: "2021-03-15", endDate: null },
      { membershipId: past.id, bodyId: body.id, name: body.name, acronym: "", startDate: "2018-02-01", endDate: "2019-12-31" },
    ]);
  });
});

describe("listInstitutions: search", () => {
  it("finds an institution whatever the accents and case, and by its acronym", async () => {
    const education = await create({ name: "Ministerio de Educación", acronym: "SEDUC", country: "GT" });
    const secretariat = await create({ name: "Secretaría de Educación Pública", acronym: "SEP", country: "GT" });
    await create({ name: "Ministerio de Salud", acronym: "MINSAL", country: "GT" });

    for (const q of ["ministerio de educacion", "MINISTERIO  DE   EDUCACIÓN", "SEDUC", "seduc"]) {
      const found = await list({ q });
      expect(
        found.items.map((i) => i.id),
        q,
      ).toEqual([education.id]);
      expect(found.total, q).toBe(1);
    }
    expect(sorted(await listed({ q: "EDUCACIÓN" }))).toEqual(sorted([education.id, secretariat.id]));
  });

  it("takes % and _ in the search as plain characters", async () => {
    const tag = uniqueTag();
    const percent = await create({ name: `Fondo ${tag} 100% mujeres` });
    const underscore = await create({ name: `Red_${tag}` });
    await create({ name: `Fondo ${tag} 100x mujeres` });
    await create({ name: `Redx${tag}` });

    expect(await listed({ q: `${tag} 100%` })).toEqual([percent.id]);
    expect(await listed({ q: `d_${tag}` })).toEqual([underscore.id]);
    expect(await listed({ q: `${tag}%mujeres` })).toEqual([]);
  });

  it("follows a rename: the new name is found, the old one no longer", async () => {
    const tag = uniqueTag();
    const institution = await create({ name: `Old name ${tag}` });
    expectOk(await update(institution, { name: `Nuevo nombre ${tag}`, acronym: `N${tag}` }));
    expect(await listed({ q: `old name ${tag}` })).toEqual([]);
    expect(await listed({ q: `nuevo nombre ${tag}` })).toEqual([institution.id]);
    expect(await listed({ q: `n${tag}` })).toEqual([institution.id]);
  });
});

describe("listInstitutions: filters, order and pages", () => {
  it("filters by country, sector, kind and level", async () => {
    const tag = uniqueTag();
    const ministry = await create({ name: `A ${tag}`, country: "HN", sector: "state", kind: "ministry", level: "national" });
    const ngo = await create({ name: `B ${tag}`, country: "GT", sector: "civil_society", kind: "ngo", level: "local" });
    const agency = await create({
      name: `C ${tag}`,
      country: "HN",
      sector: "international",
      kind: "international_agency",
      level: "regional",
    });
    const cases: [ListInstitutionsInput, string[]][] = [
      [{ country: "hn" }, [ministry.id, agency.id]],
      [{ country: "GT" }, [ngo.id]],
      [{ sector: "civil_society" }, [ngo.id]],
      [{ kind: "international_agency" }, [agency.id]],
      [{ level: "national" }, [ministry.id]],
      [{ country: "HN", sector: "civil_society" }, []],
    ];
    for (const [filter, expected] of cases) {
      expect(await listed({ q: tag, ...filter }), JSON.stringify(filter)).toEqual(expected);
    }
    expect(expectFailure(await listInstitutions(await manager(), { sector: "bank" }))).toMatchObject({
      error: "invalid",
      fieldErrors: { sector: { key: "invalidChoice" } },
    });
  });

  it("filters by body, counting only memberships that still hold today", async () => {
    const body = await newBody();
    const [open, endsToday, endsLater, ended, elsewhere] = [await create(), await create(), await create(), await create(), await create()];
    await join(body.id, open.id, "2020-01-01");
    await join(body.id, endsToday.id, "2020-01-01", isoDate(0));
    await join(body.id, endsLater.id, "2020-01-01", isoDate(30));
    await join(body.id, ended.id, "2020-01-01", isoDate(-1));
    await join((await newBody()).id, elsewhere.id, "2020-01-01");

    const found = await list({ bodyId: body.id });
    expect(sorted(found.items.map((i) => i.id))).toEqual(sorted([open.id, endsToday.id, endsLater.id]));
    expect(found.total).toBe(3);
  });

  it("does not list under a body an institution whose membership has not started yet", async () => {
    const [body, joinsLater] = [await newBody(), await create()];
    await join(body.id, joinsLater.id, isoDate(30));
    expect(await listed({ bodyId: body.id })).toEqual([]);
  });

  it("shows active institutions by default, archived ones on request, or all", async () => {
    const tag = uniqueTag();
    const [kept, archived] = [await create({ name: `Kept ${tag}` }), await create({ name: `Gone ${tag}` })];
    expectOk(await archive(archived));
    expect(await listed({ q: tag })).toEqual([kept.id]);
    expect(await listed({ q: tag, status: "active" })).toEqual([kept.id]);
    expect(await listed({ q: tag, status: "archived" })).toEqual([archived.id]);
    expect(sorted(await listed({ q: tag, status: "all" }))).toEqual(sorted([kept.id, archived.id]));
  });

  it("sorts by name or acronym in either direction and pages, keeping the total of all matches", async () => {
    const tag = uniqueTag();
    const alpha = await create({ name: `Alpha ${tag}`, acronym: "ZZ" });
    const bravo = await create({ name: `Bravo ${tag}`, acronym: "" });
    const charlie = await create({ name: `Charlie ${tag}`, acronym: "MM" });
    const order = (input: ListInstitutionsInput) => listed({ q: tag, ...input });

    expect(await order({})).toEqual([alpha.id, bravo.id, charlie.id]);
    expect(await order({ sort: "name", dir: "desc" })).toEqual([charlie.id, bravo.id, alpha.id]);
    expect(await order({ sort: "acronym" })).toEqual([bravo.id, charlie.id, alpha.id]);
    expect(await order({ sort: "acronym", dir: "desc" })).toEqual([alpha.id, charlie.id, bravo.id]);

    const second = await list({ q: tag, page: 2, pageSize: 2 });
    expect(second).toMatchObject({ total: 3, page: 2, pageSize: 2 });
    expect(second.items.map((i) => i.id)).toEqual([charlie.id]);
    expect(await listed({ q: tag, page: 3, pageSize: 2 })).toEqual([]);
  });

  it("shows the parent's name next to a sub-institution", async () => {
    const { root, child } = await family();
    const [row] = (await list({ q: child.name })).items;
    expect(row).toMatchObject({ id: child.id, parentName: root.name });
  });
});

describe("updateInstitution", () => {
  it("saves the changes, bumps the version and moves the institution under a new parent", async () => {
    const [institution, parent] = [await create(), await create()];
    const updated = expectOk(await update(institution, { name: "Renamed", city: "Comayagua", parentId: parent.id }));
    expect(updated).toMatchObject({ name: "Renamed", city: "Comayagua", parentId: parent.id, version: 2 });
    expect((await get(institution.id)).parent?.id).toBe(parent.id);

    const detached = expectOk(await update(updated, { parentId: "" as never }));
    expect(detached).toMatchObject({ parentId: null, version: 3 });
    expect((await get(parent.id)).children).toEqual([]);
  });

  it("records only the fields that changed, with before and after", async () => {
    const institution = await create({ city: "La Ceiba" });
    expectOk(await update(institution, { name: "Second name", city: "Choluteca" }));
    const entry = (await auditEntriesFor(world.db, institution.id)).find((e) => e.action === "institutions.update");
    expect(entry).toMatchObject({ actorId: world.userIds.manager, entityType: "institution" });
    expect(entry!.changes).toEqual({
      name: { before: institution.name, after: "Second name" },
      city: { before: "La Ceiba", after: "Choluteca" },
    });
  });

  it.each<[string, (f: Family) => Institution]>([
    ["itself", (f) => f.root],
    ["its own grandchild", (f) => f.grandchild],
  ])("refuses to place an institution under %s and changes nothing", async (_label, pick) => {
    const f = await family();
    const before = await state();
    const failure = expectFailure(await update(f.root, { parentId: pick(f).id }));
    expect(failure).toEqual({ ok: false, error: "invalid", fieldErrors: { parentId: { key: "parentCycle" } } });
    expect(await state()).toEqual(before);
  });

  it("refuses a parent that does not exist and changes nothing", async () => {
    const institution = await create();
    const before = await state();
    const failure = expectFailure(await update(institution, { parentId: crypto.randomUUID() }));
    expect(failure.fieldErrors).toEqual({ parentId: { key: "unknownInstitution" } });
    expect(await state()).toEqual(before);
  });

  it("refuses an edit made on a stale version and keeps the first editor's change", async () => {
    const institution = await create();
    const first = expectOk(await update(institution, { name: "First editor" }));
    const before = await state();
    expect(await update(institution, { name: "Second editor" })).toEqual({ ok: false, error: "stale" });
    expect(await state()).toEqual(before);
    expect((await get(institution.id)).institution).toEqual(first);
  });
});

describe("setInstitutionActive", () => {
  it("archives an institution: hidden from the default list, audited, and can be restored", async () => {
    const institution = await create({ name: `Archivable ${uniqueTag()}` });
    expect(expectOk(await archive(institution))).toEqual({ changed: true });
    expect(await listed({ q: institution.name })).toEqual([]);
    expect(await listed({ q: institution.name, status: "archived" })).toEqual([institution.id]);
    expect((await get(institution.id)).institution).toMatchObject({ isActive: false, version: 2 });

    expect(expectOk(await archive(institution, true))).toEqual({ changed: true });
    expect(await listed({ q: institution.name })).toEqual([institution.id]);

    const trail = (await auditEntriesFor(world.db, institution.id)).filter((e) => e.action !== "institutions.create");
    expect(trail.map((e) => [e.action, e.changes, e.actorId])).toEqual([
      ["institutions.setActive", { isActive: { before: true, after: false } }, world.userIds.manager],
      ["institutions.setActive", { isActive: { before: false, after: true } }, world.userIds.manager],
    ]);
  });

  it("does nothing, and records nothing, when the institution is already in that state", async () => {
    const institution = await create();
    const before = await state();
    expect(expectOk(await archive(institution, true))).toEqual({ changed: false });
    expect(await state()).toEqual(before);
  });
});

describe("mergeInstitutions", () => {
  it("folds the duplicate into the kept record: sub-institutions, memberships and blank fields move over", async () => {
    const { source, target, children, shared, other } = await mergeScenario();
    const result = expectOk(await merge(source, target));
    expect(result).toMatchObject({ movedChildren: 2, movedMemberships: 1 });
    expect(result.institution).toMatchObject({
      id: target.id,
      name: target.name,
      acronym: source.acronym,
      city: "San Pedro Sula",
      website: "https://source.example.org",
      notes: "",
      version: 2,
    });

    expect(await getInstitution(await manager(), { institutionId: source.id })).toEqual({ ok: false, error: "not_found" });
    const merged = await get(target.id);
    expect(sorted(merged.children.map((c) => c.id))).toEqual(sorted(children.map((c) => c.id)));
    expect(sorted(merged.bodies.map((b) => `${b.bodyId} ${b.startDate} ${b.endDate}`))).toEqual(sorted([`${shared.id} 2020-01-01 null`, `${other.id} 2021-05-01 2022-04-30`]));
    // The kept record is now found by the duplicate's acronym.
    expect(await listed({ q: source.acronym })).toEqual([target.id]);
  });

  it("records the merge on the kept record, with what it took from the duplicate", async () => {
    const { source, target } = await mergeScenario();
    expectOk(await merge(source, target));
    const entry = (await auditEntriesFor(world.db, target.id)).find((e) => e.action === "institutions.merge");
    expect(entry).toMatchObject({ actorId: world.userIds.manager, entityType: "institution" });
    expect(entry!.changes).toEqual({
      acronym: { before: "", after: source.acronym },
      website: { before: "", after: "https://source.example.org" },
      mergedFrom: { before: { id: source.id, name: source.name, acronym: source.acronym }, after: null },
      movedChildren: { before: null, after: 2 },
      movedMemberships: { before: null, after: 1 },
      movedParticipants: { before: null, after: 0 },
      movedAttendance: { before: null, after: 0 },
    });
  });

  it("moves the people who work at the duplicate, with their history, to the record kept", async () => {
    const { source, target } = await mergeScenario();
    const [person] = await world.db.insert(participants).values({ givenNames: "Rosa", familyNames: "Merge", institutionId: source.id, searchText: "rosa merge" }).returning();
    await world.db.insert(participantAffiliations).values({ participantId: person!.id, institutionId: source.id, startDate: "2020-01-01" });
    expectOk(await merge(source, target));
    const [after] = await world.db.select().from(participants).where(eq(participants.id, person!.id));
    expect(after?.institutionId).toBe(target.id);
    const history = await world.db.select().from(participantAffiliations).where(eq(participantAffiliations.participantId, person!.id));
    expect(history.map((a) => a.institutionId)).toEqual([target.id]);
  });

  it.each<[string, (f: Family) => Institution]>([
    ["its own sub-institution", (f) => f.child],
    ["its own grandchild", (f) => f.grandchild],
  ])("refuses to merge an institution into %s and changes nothing", async (_label, pick) => {
    const f = await family();
    const before = await state();
    const failure = expectFailure(await merge(f.root, pick(f)));
    expect(failure).toEqual({ ok: false, error: "invalid", fieldErrors: { targetId: { key: "mergeIntoDescendant" } } });
    expect(await state()).toEqual(before);
  });

  it("refuses to merge an institution with itself", async () => {
    const institution = await create();
    const before = await state();
    const failure = expectFailure(await merge(institution, institution));
    expect(failure).toEqual({ ok: false, error: "invalid", fieldErrors: { targetId: { key: "mergeSame" } } });
    expect(await state()).toEqual(before);
  });

  it("answers not_found when either side does not exist, and changes nothing", async () => {
    const institution = await create();
    const ghost = { ...institution, id: crypto.randomUUID() };
    const before = await state();
    expect(await merge(ghost, institution)).toEqual({ ok: false, error: "not_found" });
    expect(await merge(institution, ghost)).toEqual({ ok: false, error: "not_found" });
    expect(await state()).toEqual(before);
  });

  it("leaves everything as it was when the merge fails part-way", async () => {
    const { source, target } = await mergeScenario();
    // An admin whose account is deleted while the request runs: every step of the merge runs,
    // then its audit entry cannot name the actor, which fails the very last write.
    const doomed = await insertUser(world.db, { isAdmin: true });
    const ctx = await ctxFor(world.db, doomed.id);
    await world.db.delete(users).where(eq(users.id, doomed.id));
    const before = await state();

    // Failing at the audit insert proves children and memberships had already been moved: the
    // lost race answers "conflict", and nothing of the merge stays.
    expect(expectFailure(await merge(source, target, ctx)).error).toBe("conflict");
    expect(await state()).toEqual(before);
  });
});

describe("directory roles", () => {
  it("lets a partner of one project who manages another act as a manager: merge and archive", async () => {
    const ctx = await userWithRoles(world.db, { [world.projectId]: "partner", [world.otherProjectId]: "manager" });
    const { source, target } = await mergeScenario();
    expectOk(await merge(source, target, ctx));
    expect(expectOk(await archive(target, false, ctx))).toEqual({ changed: true });
    expect((await get(target.id)).institution.isActive).toBe(false);
  });

  it("lets field staff create and edit, but refuses them merge and archive without changing anything", async () => {
    const field = await world.ctx("field");
    const created = expectOk(await createInstitution(field, institutionForm()));
    expectOk(await updateInstitution(field, institutionEditForm(created, { city: "Danlí" })));

    const other = await create();
    const before = await state();
    expect(await merge(created, other, field)).toEqual({ ok: false, error: "forbidden" });
    expect(await archive(other, false, field)).toEqual({ ok: false, error: "forbidden" });
    expect(await state()).toEqual(before);
  });

  it("treats someone who is field staff in one project and partner in another as field staff", async () => {
    const ctx = await userWithRoles(world.db, { [world.projectId]: "partner", [world.otherProjectId]: "field" });
    const [source, target] = [await create(), await create()];
    expectOk(await createInstitution(ctx, institutionForm()));
    expect(await merge(source, target, ctx)).toEqual({ ok: false, error: "forbidden" });
  });
});
