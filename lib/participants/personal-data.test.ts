import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { projects, type Participant } from "@/db/schema";
import { createTestDatabase } from "@/db/testing";
import { isoDate } from "@/lib/testing/directory";
import { auditEntriesFor, expectOk, uniqueTag } from "@/lib/testing/helpers";
import {
  affiliationsOf,
  auditEntriesMentioning,
  insertInstitution,
  linkToProject,
  nameKeysOf,
  participantEditForm,
  participantForm,
  participantRow,
} from "@/lib/testing/participants";
import { createWorld, type RoleName, type World } from "@/lib/testing/world";
import { findDuplicates, markDistinct, mergeParticipants } from "./duplicates";
import { eraseParticipant, exportParticipantData } from "./personal-data";
import type { CreateParticipantInput } from "./schemas";
import { createParticipant, getParticipant, listParticipants, updateParticipant } from "./use-cases";

let database: Database;
let world: World;

beforeAll(async () => {
  database = await createTestDatabase();
  world = await createWorld(database.db);
});
afterAll(() => database.close());

/** Someone with names and an e-mail no other test uses, so they can be searched for anywhere. */
async function create(overrides: Partial<CreateParticipantInput> = {}) {
  const tag = uniqueTag();
  return expectOk(
    await createParticipant(
      await world.ctx("field"),
      participantForm(world.projectId, { givenNames: "Rigoberta", familyNames: `Quispe${tag}`, email: `rq-${tag}@example.org`, ...overrides }),
    ),
  );
}

const as = (role: RoleName) => world.ctx(role);
const exportData = async (participant: Participant, role: RoleName = "manager") => exportParticipantData(await as(role), { participantId: participant.id });
const erase = async (participant: Participant, role: RoleName = "manager") => eraseParticipant(await as(role), { participantId: participant.id });

async function projectRow(projectId: string) {
  const [row] = await world.db.select({ code: projects.code, name: projects.name }).from(projects).where(eq(projects.id, projectId));
  return row!;
}

/** Where anything about the person might still be found by their old name or e-mail. */
async function tracesOf(participant: Participant) {
  const { familyNames, email } = participant;
  const visibleTo = async (role: RoleName) => expectOk(await listParticipants(await as(role), { q: familyNames })).items.length;
  return {
    auditByName: (await auditEntriesMentioning(world.db, familyNames)).map((e) => e.action),
    auditByEmail: (await auditEntriesMentioning(world.db, email!)).map((e) => e.action),
    listedToManager: await visibleTo("manager"),
    listedToAdmin: await visibleTo("admin"),
    suggested: expectOk(await findDuplicates(await as("manager"), { givenNames: participant.givenNames, familyNames, email })).some((c) => c.id === participant.id),
  };
}
const noTraces = { auditByName: [], auditByEmail: [], listedToManager: 0, listedToAdmin: 0, suggested: false };

describe("exportParticipantData", () => {
  it("gives everything held about the person: names, contacts, jobs, projects and history", async () => {
    const [first, second] = [await insertInstitution(world.db), await insertInstitution(world.db)];
    const person = await create({
      sex: "woman",
      phone: "+504 2222-3333",
      preferredLanguage: "es",
      institutionId: first.id,
      position: "Fiscal",
      consentDate: "2024-02-01",
      consentForm: "written",
    });
    const moved = expectOk(await updateParticipant(await as("field"), participantEditForm(person, { institutionId: second.id })));
    await linkToProject(world.db, person.id, world.otherProjectId);

    const data = expectOk(await exportData(person));
    expect(data.person).toMatchObject({
      id: person.id,
      givenNames: "Rigoberta",
      familyNames: person.familyNames,
      sex: "woman",
      email: person.email,
      phone: "+504 2222-3333",
      preferredLanguage: "es",
      position: "Fiscal",
      institution: second.name,
      consent: { date: "2024-02-01", form: "written" },
    });
    expect(data.person.updatedAt).toEqual(moved.updatedAt);
    expect(data.affiliations.map((a) => `${a.institution} ${a.position} ${a.from} ${a.to}`).sort()).toEqual(
      [`${first.name} Fiscal ${isoDate(0)} ${isoDate(0)}`, `${second.name} Fiscal ${isoDate(0)} null`].sort(),
    );
    // The manager is not in the other project: it is said to exist, never named.
    expect(data.projects).toEqual([await projectRow(world.projectId)]);
    expect(data.alsoKnownToAnotherProject).toBe(true);
    const other = await projectRow(world.otherProjectId);
    expect(JSON.stringify(data)).not.toContain(other.code);
    expect(expectOk(await exportData(person, "admin"))).toMatchObject({
      projects: [await projectRow(world.projectId), other].sort((a, b) => a.code.localeCompare(b.code)),
      alsoKnownToAnotherProject: false,
    });
    expect(data.history.map((h) => h.action)).toEqual(["participants.create", "participants.update"]);
    expect(data.history[1]!.changes).toEqual({ institutionId: { before: first.id, after: second.id } });
  });

  it("is recorded in the audit trail, naming who asked", async () => {
    const person = await create();
    expectOk(await exportData(person));
    const entries = (await auditEntriesFor(world.db, person.id)).filter((e) => e.action === "participants.exportData");
    expect(entries).toMatchObject([{ actorId: world.userIds.manager, entityType: "participant", changes: {} }]);
  });

  it("answers not_found for a person the manager cannot see, and records nothing", async () => {
    const person = await create();
    const before = await auditEntriesFor(world.db, person.id);
    expect(await exportData(person, "outsider")).toEqual({ ok: false, error: "not_found" });
    expect(await auditEntriesFor(world.db, person.id)).toEqual(before);
  });

  it("includes the history of a record merged into the person", async () => {
    const [kept, merged] = [await create(), await create()];
    expectOk(await mergeParticipants(await as("manager"), { keepId: kept.id, otherId: merged.id }));
    const data = expectOk(await exportData(kept));
    expect(JSON.stringify(data.history)).toContain(merged.email);
  });
});

describe("eraseParticipant", () => {
  it("removes names, contacts and positions but keeps sex and institution", async () => {
    const institution = await insertInstitution(world.db);
    const person = await create({ sex: "woman", phone: "9999-0000", preferredLanguage: "fr", institutionId: institution.id, position: "Jueza" });
    expect(expectOk(await erase(person))).toEqual({ changed: true });

    expect(await participantRow(world.db, person.id)).toMatchObject({
      givenNames: "",
      familyNames: "",
      email: null,
      phone: null,
      position: "",
      preferredLanguage: null,
      searchText: "",
      sex: "woman",
      institutionId: institution.id,
      isErased: true,
    });
    expect(await affiliationsOf(world.db, person.id)).toEqual([{ institutionId: institution.id, position: "", startDate: isoDate(0), endDate: null }]);
    expect(await nameKeysOf(world.db, person.id)).toEqual([]);
  });

  it("leaves no trace of the old names or e-mail: not listed, not suggested, not in the audit trail", async () => {
    const person = await create();
    const renamed = expectOk(await updateParticipant(await as("field"), participantEditForm(person, { familyNames: `${person.familyNames}Bis`, phone: "2222-1111" })));
    const twin = await create({ givenNames: "Rigoberta", familyNames: person.familyNames });
    expectOk(await markDistinct(await as("manager"), { keepId: person.id, otherId: twin.id }));
    expectOk(await erase(twin));
    expect(await tracesOf(person)).not.toEqual(noTraces);

    expectOk(await erase(renamed));
    expect(await tracesOf(person)).toEqual(noTraces);
    expect(await tracesOf(renamed)).toEqual(noTraces);
    expect(await auditEntriesMentioning(world.db, "2222-1111")).toEqual([]);
  });

  it("is recorded in the audit trail, and erasing twice changes nothing", async () => {
    const person = await create();
    expectOk(await erase(person));
    const trail = await auditEntriesFor(world.db, person.id);
    expect(trail.filter((e) => e.action === "participants.erase")).toMatchObject([{ actorId: world.userIds.manager, entityType: "participant" }]);

    const row = await participantRow(world.db, person.id);
    expect(expectOk(await erase(person))).toEqual({ changed: false });
    expect(await auditEntriesFor(world.db, person.id)).toEqual(trail);
    expect(await participantRow(world.db, person.id)).toEqual(row);
  });

  it("lets no one edit an erased person back into the directory", async () => {
    const person = await create();
    expectOk(await erase(person));
    const row = await participantRow(world.db, person.id);
    const edit = participantEditForm(row!, { givenNames: "Rigoberta", familyNames: person.familyNames });
    expect(await updateParticipant(await as("field"), edit)).toEqual({ ok: false, error: "not_found" });
    expect(await updateParticipant(await as("admin"), edit)).toEqual({ ok: false, error: "not_found" });
    expect(await participantRow(world.db, person.id)).toEqual(row);
  });

  it("answers not_found for a person the manager cannot see, and erases nothing", async () => {
    const person = await create();
    expect(await erase(person, "outsider")).toEqual({ ok: false, error: "not_found" });
    expect(await participantRow(world.db, person.id)).toEqual(person);
  });

  it("keeps an erased person's record visible only as an anonymous one", async () => {
    const person = await create({ sex: "man" });
    expectOk(await erase(person));
    const details = expectOk(await getParticipant(await as("field"), { participantId: person.id }));
    expect(details.participant).toMatchObject({ givenNames: "", familyNames: "", email: null, sex: "man", isErased: true });
  });

  it("also erases what was recorded under a record merged into the person", async () => {
    const [kept, merged] = [await create(), await create()];
    expectOk(await mergeParticipants(await as("manager"), { keepId: kept.id, otherId: merged.id }));
    expectOk(await erase(kept));
    expect(await auditEntriesMentioning(world.db, merged.email!)).toEqual([]);
    expect(await auditEntriesMentioning(world.db, merged.familyNames)).toEqual([]);
  });
});
