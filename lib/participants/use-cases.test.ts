import crypto from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import type { Participant } from "@/db/schema";
import { createTestDatabase } from "@/db/testing";
import type { Ctx } from "@/lib/session-user";
import { isoDate, userWithRoles } from "@/lib/testing/directory";
import { auditEntriesFor, expectFailure, expectOk } from "@/lib/testing/helpers";
import {
  affiliationsOf,
  insertInstitution,
  linkToProject,
  participantCounts,
  participantEditForm,
  participantForm,
  participantRow,
  projectIdsOf,
} from "@/lib/testing/participants";
import { createWorld, type RoleName, type World } from "@/lib/testing/world";
import { findDuplicates } from "./duplicates";
import { eraseParticipant } from "./personal-data";
import type { CreateParticipantInput, ListParticipantsInput, UpdateParticipantInput } from "./schemas";
import { flushAccessLog } from "@/lib/access-recording";
import { listPersonAccesses } from "@/lib/access-log/use-cases";
import { exportParticipants, createParticipant, getParticipant, listParticipants, updateParticipant } from "./use-cases";

let database: Database;
let world: World;

beforeAll(async () => {
  database = await createTestDatabase();
  world = await createWorld(database.db);
});
afterAll(() => database.close());

/** A world of its own, so what its staff see is only what the test made. */
const freshWorld = () => createWorld(database.db);

async function create(w: World, overrides: Partial<CreateParticipantInput> = {}, role: RoleName = "field") {
  return expectOk(await createParticipant(await w.ctx(role), participantForm(w.projectId, overrides)));
}

/** A participant created by the outsider, so known only to the world's other project. */
async function createElsewhere(w: World, overrides: Partial<CreateParticipantInput> = {}) {
  return expectOk(await createParticipant(await w.ctx("outsider"), participantForm(w.otherProjectId, overrides)));
}

async function update(participant: Participant, overrides: Partial<UpdateParticipantInput> = {}, role: RoleName = "field") {
  return updateParticipant(await world.ctx(role), participantEditForm(participant, overrides));
}

async function listedBy(ctx: Ctx | Promise<Ctx>, input: ListParticipantsInput = {}) {
  const page = expectOk(await listParticipants(await ctx, { pageSize: 100, ...input }));
  return page.items.map((p) => p.id);
}

const getBy = async (ctx: Ctx | Promise<Ctx>, participantId: string) => getParticipant(await ctx, { participantId });
const sorted = (ids: string[]) => [...ids].sort();
const writtenRows = () => participantCounts(world.db);

describe("createParticipant", () => {
  it.each([
    ["accents", "José Ángel", "Núñez Peña"],
    ["a compound family name", "Juana", "de la Cruz Hernández"],
    ["only given names", "Xochitl", ""],
    ["only family names", "", "Tzul"],
  ])("accepts names with %s and finds the person by them", async (_label, givenNames, familyNames) => {
    const w = await freshWorld();
    const created = await create(w, { givenNames: `  ${givenNames}`, familyNames: `${familyNames}  ` });
    expect(created).toMatchObject({ givenNames, familyNames, version: 1, isErased: false });
    expect((await getBy(w.ctx("field"), created.id)).ok).toBe(true);
    expect(await listedBy(w.ctx("field"), { q: `${givenNames} ${familyNames}`.trim() })).toEqual([created.id]);
  });

  it.each([
    ["no name at all", { givenNames: "  ", familyNames: "" }, "familyNames", "nameRequired"],
    ["a consent date without its form", { consentDate: "2024-03-01" }, "consentForm", "consentIncomplete"],
    ["a consent form without its date", { consentForm: "written" as const }, "consentForm", "consentIncomplete"],
    ["a malformed e-mail", { email: "ana@" }, "email", "invalidEmail"],
    ["an institution that does not exist", { institutionId: crypto.randomUUID() }, "institutionId", "unknownInstitution"],
  ])("refuses %s and writes nothing", async (_label, overrides, field, key) => {
    const before = await writtenRows();
    const failure = expectFailure(await createParticipant(await world.ctx("field"), participantForm(world.projectId, overrides)));
    expect(failure.error).toBe("invalid");
    expect(failure.fieldErrors?.[field]).toEqual({ key });
    expect(await writtenRows()).toEqual(before);
  });

  it("records who took the consent, and no one when there is none", async () => {
    const withConsent = await create(world, { consentDate: "2024-03-01", consentForm: "written" });
    expect(withConsent).toMatchObject({ consentDate: "2024-03-01", consentForm: "written", consentRecordedById: world.userIds.field });
    expect((await create(world)).consentRecordedById).toBeNull();
  });

  it("links the person to the project, opens their current job and audits the creation", async () => {
    const institution = await insertInstitution(world.db);
    const created = await create(world, { institutionId: institution.id, position: "Fiscal", email: "ANA.P@Example.org " });
    expect(created.email).toBe("ana.p@example.org");
    expect(await projectIdsOf(world.db, created.id)).toEqual([world.projectId]);
    expect(await affiliationsOf(world.db, created.id)).toEqual([{ institutionId: institution.id, position: "Fiscal", startDate: isoDate(0), endDate: null }]);

    const [entry, ...others] = await auditEntriesFor(world.db, created.id);
    expect(others).toEqual([]);
    expect(entry).toMatchObject({ action: "participants.create", entityType: "participant", actorId: world.userIds.field, projectId: world.projectId });
    expect(entry!.changes.familyNames).toEqual({ before: null, after: "Prueba" });
  });

  it("answers a create retried with the same client id with the same person, written once", async () => {
    const id = crypto.randomUUID();
    const first = await create(world, { id, familyNames: "Reintento" });
    const before = await writtenRows();
    const retried = [await create(world, { id, familyNames: "Reintento" }), await create(world, { id, familyNames: "Reintento" })];
    expect(retried.map((p) => p.id)).toEqual([id, id]);
    expect(retried[1]).toEqual(first);
    expect(await writtenRows()).toEqual(before);
    expect((await auditEntriesFor(world.db, id)).length).toBe(1);
  });

  it("refuses a client id already used in another project, without linking or revealing the person", async () => {
    const id = crypto.randomUUID();
    await create(world, { id, givenNames: "Secreta", familyNames: "Persona", email: "secreta@example.org" });
    const before = await writtenRows();
    const outsider = await world.ctx("outsider");
    expect(await createParticipant(outsider, participantForm(world.otherProjectId, { id, familyNames: "Otra" }))).toEqual({ ok: false, error: "conflict" });
    expect(await writtenRows()).toEqual(before);
    expect(await projectIdsOf(world.db, id)).toEqual([world.projectId]);
    expect(await getBy(outsider, id)).toEqual({ ok: false, error: "not_found" });
    expect(await participantRow(world.db, id)).toMatchObject({ givenNames: "Secreta", familyNames: "Persona" });
  });
});

describe("who sees whom", () => {
  it("hides a participant known only to another project from that project's staff; the admin sees both", async () => {
    const w = await freshWorld();
    const ours = await create(w, { familyNames: "Nuestra" });
    const theirs = await createElsewhere(w, { familyNames: "Ajena" });

    expect(await listedBy(w.ctx("field"))).toEqual([ours.id]);
    expect(await listedBy(w.ctx("manager"))).toEqual([ours.id]);
    expect(await getBy(w.ctx("field"), theirs.id)).toEqual({ ok: false, error: "not_found" });
    expect(await listedBy(w.ctx("outsider"))).toEqual([theirs.id]);
    expect(await getBy(w.ctx("outsider"), ours.id)).toEqual({ ok: false, error: "not_found" });

    const admin = w.ctx("admin");
    expect(await listedBy(admin, { projectId: w.projectId })).toEqual([ours.id]);
    expect(await listedBy(admin, { projectId: w.otherProjectId })).toEqual([theirs.id]);
    expect(expectOk(await getBy(admin, theirs.id)).participant.familyNames).toBe("Ajena");
  });

  it("shows a person known to both projects to the staff of each, naming only their own project", async () => {
    const w = await freshWorld();
    const shared = await createElsewhere(w, { familyNames: "Compartida" });
    await linkToProject(w.db, shared.id, w.projectId);
    const ownProjects = { field: [w.projectId], manager: [w.projectId], outsider: [w.otherProjectId] };

    for (const role of ["field", "manager", "outsider"] as const) {
      expect(await listedBy(w.ctx(role)), role).toEqual([shared.id]);
      const details = expectOk(await getBy(w.ctx(role), shared.id));
      expect(
        details.projects.map((p) => p.id),
        role,
      ).toEqual(ownProjects[role]);
      expect(details.alsoKnownElsewhere, role).toBe(true);
      expect(JSON.stringify(details), role).not.toContain(role === "outsider" ? w.projectId : w.otherProjectId);
    }
    for (const role of ["admin", "split"] as const) {
      const details = expectOk(await getBy(w.ctx(role), shared.id));
      expect(sorted(details.projects.map((p) => p.id)), role).toEqual(sorted([w.projectId, w.otherProjectId]));
      expect(details.alsoKnownElsewhere, role).toBe(false);
    }
  });

  it("does not name a project where the user is only a partner, nor list its workshops", async () => {
    const w = await freshWorld();
    const shared = await createElsewhere(w, { familyNames: "Compartida" });
    await linkToProject(w.db, shared.id, w.projectId);
    const ctx = await userWithRoles(w.db, { [w.projectId]: "partner", [w.otherProjectId]: "field" });
    const details = expectOk(await getBy(ctx, shared.id));
    expect(details.projects.map((p) => p.id)).toEqual([w.otherProjectId]);
    expect(details.alsoKnownElsewhere).toBe(true);
  });

  it("lists who downloaded a shared person's data without naming the other project to staff outside it", async () => {
    const w = await freshWorld();
    const shared = await createElsewhere(w, { familyNames: "Compartida" });
    await linkToProject(w.db, shared.id, w.projectId);
    expectOk(await exportParticipants(await w.ctx("outsider"), { projectId: w.otherProjectId, format: "csv" }));
    await flushAccessLog();
    const accessesReadBy = async (role: RoleName) => expectOk(await listPersonAccesses(await w.ctx(role), { participantId: shared.id })).items;

    const seenByManager = await accessesReadBy("manager");
    expect(seenByManager.map((a) => a.resource)).toContain("participants.export");
    expect(JSON.stringify(seenByManager)).not.toContain(w.otherProjectId);
    expect(seenByManager.every((a) => a.projectCode === null)).toBe(true);
    expect((await accessesReadBy("admin")).map((a) => a.projectId)).toContain(w.otherProjectId);
  });

  it("refuses a project filter outside the user's own projects, in the list and its export", async () => {
    const w = await freshWorld();
    await createElsewhere(w);
    const refused = { ok: false, error: "invalid", fieldErrors: { projectId: { key: "notYourProject" } } };
    expect(await listParticipants(await w.ctx("field"), { projectId: w.otherProjectId })).toEqual(refused);
    expect(await exportParticipants(await w.ctx("field"), { projectId: w.otherProjectId, format: "csv" })).toEqual(refused);
    // A partner of a project does not see its people, so may not filter by it either.
    const partnerThere = await userWithRoles(w.db, { [w.otherProjectId]: "partner", [w.projectId]: "field" });
    expect(await listParticipants(partnerThere, { projectId: w.otherProjectId })).toEqual(refused);
    expect(await listedBy(w.ctx("admin"), { projectId: w.otherProjectId })).toHaveLength(1);
    expect(await listedBy(w.ctx("split"), { projectId: w.otherProjectId })).toHaveLength(1);
  });

  it("refuses partners the list, the duplicate check and the record, so no name reaches them", async () => {
    const w = await freshWorld();
    const person = await create(w, { givenNames: "Oculta", familyNames: "Nombre" });
    const partner = await w.ctx("partner");
    const answers = [
      await listParticipants(partner, {}),
      await findDuplicates(partner, { givenNames: "Oculta", familyNames: "Nombre" }),
      await getParticipant(partner, { participantId: person.id }),
    ];
    expect(answers).toEqual([
      { ok: false, error: "forbidden" },
      { ok: false, error: "forbidden" },
      { ok: false, error: "forbidden" },
    ]);
  });

  it("shows a partner of one project who is field staff in another only the people of the second", async () => {
    const w = await freshWorld();
    const partnersProject = await create(w, { givenNames: "Oculta", familyNames: "Nombre" });
    const fieldProject = await createElsewhere(w, { givenNames: "Oculto", familyNames: "Nombre" });
    const ctx = await userWithRoles(w.db, { [w.projectId]: "partner", [w.otherProjectId]: "field" });

    expect(await listedBy(ctx)).toEqual([fieldProject.id]);
    expect(await getBy(ctx, partnersProject.id)).toEqual({ ok: false, error: "not_found" });
    expect(expectOk(await findDuplicates(ctx, { givenNames: "Oculta", familyNames: "Nombre" })).map((c) => c.id)).toEqual([fieldProject.id]);
  });
});

describe("listParticipants", () => {
  it("finds people whatever the accents and case of the search", async () => {
    const w = await freshWorld();
    const jose = await create(w, { givenNames: "José", familyNames: "Martínez" });
    await create(w, { givenNames: "Josefina", familyNames: "Ramírez" });
    for (const q of ["jose martinez", "JOSÉ  MARTÍNEZ", "martínez", "MARTI"]) {
      expect(await listedBy(w.ctx("field"), { q }), q).toEqual([jose.id]);
    }
    expect(await listedBy(w.ctx("field"), { q: "jose ramirez" })).toEqual([]);
  });

  it("filters by institution, sex and project", async () => {
    const w = await freshWorld();
    const [fiscalia, policia] = [await insertInstitution(w.db), await insertInstitution(w.db)];
    const ana = await create(w, { givenNames: "Ana", sex: "woman", institutionId: fiscalia.id });
    const luis = await create(w, { givenNames: "Luis", sex: "man", institutionId: policia.id });
    const eva = await createElsewhere(w, { givenNames: "Eva", sex: "woman", institutionId: fiscalia.id });
    const both = await userWithRoles(w.db, { [w.projectId]: "field", [w.otherProjectId]: "manager" });

    const cases: [ListParticipantsInput, string[]][] = [
      [{}, [ana.id, eva.id, luis.id]],
      [{ institutionId: fiscalia.id }, [ana.id, eva.id]],
      [{ sex: "man" }, [luis.id]],
      [{ sex: "woman", projectId: w.projectId }, [ana.id]],
      [{ projectId: w.otherProjectId }, [eva.id]],
      [{ institutionId: policia.id, projectId: w.otherProjectId }, []],
    ];
    for (const [filter, expected] of cases) {
      expect(sorted(await listedBy(both, filter)), JSON.stringify(filter)).toEqual(sorted(expected));
    }
  });

  it("pages through the people in name order, keeping the total of all matches", async () => {
    const w = await freshWorld();
    const [c, a, b] = [await create(w, { familyNames: "Castro" }), await create(w, { familyNames: "Alvarado" }), await create(w, { familyNames: "Bonilla" })];
    const ctx = await w.ctx("field");
    const first = expectOk(await listParticipants(ctx, { pageSize: 2 }));
    const second = expectOk(await listParticipants(ctx, { pageSize: 2, page: 2 }));
    expect(first).toMatchObject({ total: 3, page: 1, pageSize: 2 });
    expect(second).toMatchObject({ total: 3, page: 2, pageSize: 2 });
    expect([...first.items, ...second.items].map((p) => p.id)).toEqual([a.id, b.id, c.id]);
    expect(await listedBy(ctx, { sort: "familyNames", dir: "desc" })).toEqual([c.id, b.id, a.id]);
    expect(await listedBy(ctx, { page: 3, pageSize: 2 })).toEqual([]);
  });

  it("sorts family names alphabetically whatever their accents and case", async () => {
    const w = await freshWorld();
    for (const familyNames of ["Zelaya", "de la Cruz", "Álvarez", "Bonilla"]) await create(w, { familyNames });
    const page = expectOk(await listParticipants(await w.ctx("field"), {}));
    expect(page.items.map((p) => p.familyNames)).toEqual(["Álvarez", "Bonilla", "de la Cruz", "Zelaya"]);
  });

  it("no longer lists a person once erased", async () => {
    const w = await freshWorld();
    const [kept, erased] = [await create(w, { familyNames: "Queda" }), await create(w, { familyNames: "Borrada" })];
    expectOk(await eraseParticipant(await w.ctx("manager"), { participantId: erased.id }));
    const page = expectOk(await listParticipants(await w.ctx("field"), {}));
    expect(page.items.map((p) => p.id)).toEqual([kept.id]);
    expect(page.total).toBe(1);
    expect(await listedBy(w.ctx("admin"), { projectId: w.projectId })).toEqual([kept.id]);
  });
});

describe("updateParticipant", () => {
  it("keeps the old job as history when the institution changes", async () => {
    const [before, after] = [await insertInstitution(world.db), await insertInstitution(world.db)];
    const person = await create(world, { institutionId: before.id, position: "Jueza" });
    const updated = expectOk(await update(person, { institutionId: after.id }));
    expect(updated).toMatchObject({ institutionId: after.id, version: 2 });

    const details = expectOk(await getBy(world.ctx("field"), person.id));
    expect(details.institution).toEqual({ id: after.id, name: after.name });
    expect(sorted(details.affiliations.map((a) => `${a.institutionName} ${a.position} ${a.startDate} ${a.endDate}`))).toEqual(
      sorted([`${before.name} Jueza ${isoDate(0)} ${isoDate(0)}`, `${after.name} Jueza ${isoDate(0)} null`]),
    );
  });

  it("opens a new job when only the position changes, and none when neither changes", async () => {
    const institution = await insertInstitution(world.db);
    const person = await create(world, { institutionId: institution.id, position: "Agente" });
    const promoted = expectOk(await update(person, { position: "Inspectora" }));
    expect(await affiliationsOf(world.db, person.id)).toEqual([
      { institutionId: institution.id, position: "Agente", startDate: isoDate(0), endDate: isoDate(0) },
      { institutionId: institution.id, position: "Inspectora", startDate: isoDate(0), endDate: null },
    ]);

    expectOk(await update(promoted, { phone: "+504 9999-0000" }));
    expect((await affiliationsOf(world.db, person.id)).length).toBe(2);
  });

  it("records only the fields that changed, with before and after", async () => {
    const person = await create(world, { givenNames: "Rosa", familyNames: "Antes", email: "rosa@example.org" });
    expectOk(await update(person, { familyNames: "Después", email: "rosa.d@example.org" }, "manager"));
    const entry = (await auditEntriesFor(world.db, person.id)).find((e) => e.action === "participants.update");
    expect(entry).toMatchObject({ actorId: world.userIds.manager, entityType: "participant" });
    expect(entry!.changes).toEqual({
      familyNames: { before: "Antes", after: "Después" },
      email: { before: "rosa@example.org", after: "rosa.d@example.org" },
    });
  });

  it("refuses an edit made on a stale version and keeps the first editor's change", async () => {
    const person = await create(world);
    const first = expectOk(await update(person, { familyNames: "Primera" }));
    const before = await writtenRows();
    expect(await update(person, { familyNames: "Segunda" })).toEqual({ ok: false, error: "stale" });
    expect(await writtenRows()).toEqual(before);
    expect(await participantRow(world.db, person.id)).toEqual(first);
  });

  it("answers not_found to staff who cannot see the person, and changes nothing", async () => {
    const person = await create(world, { familyNames: "Intocable" });
    expect(await update(person, { familyNames: "Cambiada" }, "outsider")).toEqual({ ok: false, error: "not_found" });
    expect(await participantRow(world.db, person.id)).toEqual(person);
  });
});
