import crypto from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import type { Participant } from "@/db/schema";
import { createTestDatabase } from "@/db/testing";
import type { Ctx } from "@/lib/session-user";
import { auditEntriesFor, expectFailure, expectOk } from "@/lib/testing/helpers";
import { affiliationsOf, insertInstitution, linkToProject, nameKeysOf, participantCounts, participantForm, participantRow, projectIdsOf } from "@/lib/testing/participants";
import { createWorld, type RoleName, type World } from "@/lib/testing/world";
import { findDuplicates, listDuplicatePairs, markDistinct, mergeParticipants, nameThreshold } from "./duplicates";
import { participantNameKeys } from "./names";
import { eraseParticipant } from "./personal-data";
import type { CreateParticipantInput, FindDuplicatesInput } from "./schemas";
import { createParticipant, getParticipant } from "./use-cases";

let database: Database;

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

/**
 * Every test gets a world of its own: its staff see only the people the test made, so the
 * suggestions and the queue hold nothing from other tests.
 */
const freshWorld = () => createWorld(database.db);

async function person(w: World, givenNames: string, familyNames: string, overrides: Partial<CreateParticipantInput> = {}) {
  return expectOk(await createParticipant(await w.ctx("field"), participantForm(w.projectId, { givenNames, familyNames, sex: "not_stated", ...overrides })));
}

async function suggestions(w: World, input: FindDuplicatesInput, role: RoleName = "field") {
  return expectOk(await findDuplicates(await w.ctx(role), input));
}

const suggestedIds = async (w: World, input: FindDuplicatesInput) => (await suggestions(w, input)).map((c) => c.id);

const pairKey = (a: Pick<Participant, "id">, b: Pick<Participant, "id">) => [a.id, b.id].sort().join(" ");

/** The queue as the user sees it: each pair by its two ids (in any order), with score and reasons. */
async function queue(ctx: Ctx | Promise<Ctx>, page = {}) {
  const result = expectOk(await listDuplicatePairs(await ctx, { pageSize: 100, ...page }));
  return { ...result, pairs: result.items.map((p) => ({ key: pairKey(p.first, p.second), score: p.score, reasons: p.reasons })) };
}

const queuedKeys = async (ctx: Ctx | Promise<Ctx>) => (await queue(ctx)).pairs.map((p) => p.key);

describe("findDuplicates", () => {
  it("suggests 'José Luis Martínez' when 'Jose L. Martinez Lopez' is entered", async () => {
    const w = await freshWorld();
    const jose = await person(w, "José Luis", "Martínez");
    await person(w, "Carmen", "Suazo");
    const [candidate, ...others] = await suggestions(w, { givenNames: "Jose L.", familyNames: "Martinez Lopez" });
    expect(others).toEqual([]);
    expect(candidate).toMatchObject({ id: jose.id, givenNames: "José Luis", familyNames: "Martínez", reasons: ["similarName"] });
    expect(candidate!.score).toBeGreaterThanOrEqual(nameThreshold);
    expect(candidate!.score).toBeLessThan(1);
  });

  it("decides on a same e-mail, whatever the name", async () => {
    const w = await freshWorld();
    const ana = await person(w, "Ana", "Pérez", { email: "ana.perez@example.org" });
    const [candidate, ...others] = await suggestions(w, { givenNames: "Carlos", familyNames: "Ruiz", email: " Ana.Perez@Example.org" });
    expect(others).toEqual([]);
    expect(candidate).toMatchObject({ id: ana.id, score: 1, reasons: ["sameEmail"] });
  });

  it("matches phone numbers whatever their spaces, dashes and brackets", async () => {
    const w = await freshWorld();
    const rosa = await person(w, "Rosa", "Mejía", { phone: "+504 2222-3333" });
    for (const phone of ["50422223333", "(504) 2222 3333"]) {
      const found = await suggestions(w, { givenNames: "Pedro", familyNames: "Ulloa", phone });
      expect(
        found.map((c) => [c.id, c.score, c.reasons]),
        phone,
      ).toEqual([[rosa.id, 0.9, ["samePhone"]]]);
    }
    expect(await suggestedIds(w, { givenNames: "Pedro", familyNames: "Ulloa", phone: "50422223334" })).toEqual([]);
  });

  it("raises the score of someone from the same institution", async () => {
    const w = await freshWorld();
    const institution = await insertInstitution(w.db);
    const jose = await person(w, "José Luis", "Martínez", { institutionId: institution.id });
    const entered = { givenNames: "Jose L.", familyNames: "Martinez Lopez" };
    const [plain] = await suggestions(w, entered);
    const [sameInstitution] = await suggestions(w, { ...entered, institutionId: institution.id });
    expect(sameInstitution).toMatchObject({ id: jose.id, reasons: ["similarName", "sameInstitution"] });
    expect(sameInstitution!.score).toBeCloseTo(plain!.score + 0.1, 2);
  });

  it("lowers the score when the entered and stored sexes are both stated and differ", async () => {
    const w = await freshWorld();
    await person(w, "María", "López", { sex: "woman" });
    const entered = { givenNames: "Mario", familyNames: "López" };
    const [unstated] = await suggestions(w, entered);
    const [man] = await suggestions(w, { ...entered, sex: "man" } as FindDuplicatesInput);
    expect(man?.reasons).toContain("differentSex");
    expect(man!.score).toBeCloseTo(unstated!.score - 0.25, 2);
  });

  it("never suggests people the user cannot see, nor erased people", async () => {
    const w = await freshWorld();
    const entered = { givenNames: "Lucía", familyNames: "Zelaya", email: "lucia@example.org", phone: "9999-8888" };
    const elsewhere = expectOk(await createParticipant(await w.ctx("outsider"), participantForm(w.otherProjectId, entered)));
    const erased = await person(w, "Lucía", "Zelaya");
    const visible = await person(w, "Lucia", "Zelaya");
    expectOk(await eraseParticipant(await w.ctx("manager"), { participantId: erased.id }));

    expect(await suggestedIds(w, entered)).toEqual([visible.id]);
    expect(await suggestedIds(w, { email: entered.email })).toEqual([]);
    expect(await suggestedIds(w, { phone: entered.phone })).toEqual([]);
    // The outsider, who manages the other project, is offered their own person.
    expect(expectOk(await findDuplicates(await w.ctx("outsider"), entered)).map((c) => c.id)).toEqual([elsewhere.id]);
  });

  it("leaves out the person being edited", async () => {
    const w = await freshWorld();
    const edited = await person(w, "Marta", "Cálix", { email: "marta@example.org" });
    const twin = await person(w, "Marta", "Calix");
    const input = { givenNames: "Marta", familyNames: "Cálix", email: "marta@example.org" };
    expect((await suggestedIds(w, input)).sort()).toEqual([edited.id, twin.id].sort());
    expect(await suggestedIds(w, { ...input, excludeId: edited.id })).toEqual([twin.id]);
  });

  it("suggests nothing for an empty form", async () => {
    const w = await freshWorld();
    await person(w, "Ana", "Prueba");
    expect(await suggestions(w, {})).toEqual([]);
  });
});

describe("listDuplicatePairs", () => {
  it("lists near-duplicate pairs best first, with their score and reasons, and leaves others out", async () => {
    const w = await freshWorld();
    const [maria, marie] = [await person(w, "María Fernanda", "López"), await person(w, "Maria Fernanda", "Lopes")];
    const [jose, joseL] = [await person(w, "José Luis", "Martínez"), await person(w, "Jose L.", "Martinez Lopez")];
    await person(w, "Julia", "Lorenzana");

    const { pairs, total } = await queue(w.ctx("manager"));
    expect(pairs.map((p) => [p.key, p.reasons])).toEqual([
      [pairKey(maria, marie), ["similarName"]],
      [pairKey(jose, joseL), ["similarName"]],
    ]);
    expect(pairs[0]!.score).toBeGreaterThan(pairs[1]!.score);
    expect(pairs[1]!.score).toBeGreaterThanOrEqual(nameThreshold);
    expect(total).toBe(2);
  });

  it("shows each person of a pair by name and institution", async () => {
    const w = await freshWorld();
    const institution = await insertInstitution(w.db);
    const [maria, marie] = [await person(w, "María Fernanda", "López", { institutionId: institution.id }), await person(w, "Maria Fernanda", "Lopes")];
    const [pair] = (await queue(w.ctx("manager"))).items;
    expect([pair!.first, pair!.second].sort((a, b) => a.id.localeCompare(b.id))).toEqual(
      [
        { id: maria.id, givenNames: "María Fernanda", familyNames: "López", institutionName: institution.name },
        { id: marie.id, givenNames: "Maria Fernanda", familyNames: "Lopes", institutionName: null },
      ].sort((a, b) => a.id.localeCompare(b.id)),
    );
  });

  it("lists a pair that shares only an e-mail", async () => {
    const w = await freshWorld();
    const [ana, carlos] = [await person(w, "Ana", "Pérez", { email: "shared@example.org" }), await person(w, "Carlos", "Ruiz", { email: "shared@example.org" })];
    expect((await queue(w.ctx("manager"))).pairs).toEqual([{ key: pairKey(ana, carlos), score: 1, reasons: ["sameEmail"] }]);
  });

  it("lowers the score of a pair whose stated sexes differ", async () => {
    const w = await freshWorld();
    const [maria, marie] = [await person(w, "María Fernanda", "López", { sex: "woman" }), await person(w, "Maria Fernanda", "Lopes", { sex: "not_stated" })];
    const [mario, marioS] = [await person(w, "María Fernanda", "López", { sex: "man" }), await person(w, "Maria Fernanda", "Lopes", { sex: "woman" })];
    const pairs = (await queue(w.ctx("manager"))).pairs;
    const scoreOf = (key: string) => pairs.find((p) => p.key === key);
    expect(scoreOf(pairKey(maria, marie))?.reasons).toEqual(["similarName"]);
    expect(scoreOf(pairKey(mario, marioS))?.reasons).toEqual(["similarName", "differentSex"]);
    expect(scoreOf(pairKey(mario, marioS))!.score).toBeCloseTo(scoreOf(pairKey(maria, marie))!.score - 0.25, 2);
  });

  it("never proposes again a pair marked as two different people, whichever order the ids came in", async () => {
    const w = await freshWorld();
    const manager = await w.ctx("manager");
    const first = [await person(w, "María Fernanda", "López"), await person(w, "Maria Fernanda", "Lopes")];
    const second = [await person(w, "José Luis", "Martínez"), await person(w, "Jose L.", "Martinez Lopez")];
    const ascending = (pair: Participant[]) => [...pair].sort((a, b) => a.id.localeCompare(b.id));
    const [a, b] = ascending(first);
    const [d, c] = ascending(second).reverse();

    expect(expectOk(await markDistinct(manager, { keepId: a!.id, otherId: b!.id }))).toEqual({ changed: true });
    expect(await queuedKeys(manager)).toEqual([pairKey(c!, d!)]);
    expectOk(await markDistinct(manager, { keepId: d!.id, otherId: c!.id }));
    expect(await queuedKeys(manager)).toEqual([]);

    // Deciding again, or editing one of them, does not bring the pair back.
    expectOk(await markDistinct(manager, { keepId: b!.id, otherId: a!.id }));
    expectOk(await markDistinct(manager, { keepId: c!.id, otherId: d!.id }));
    expect(await queuedKeys(manager)).toEqual([]);
    expect((await auditEntriesFor(w.db, a!.id)).filter((e) => e.action === "participants.markDistinct")).toHaveLength(2);
  });

  it("shows a manager only the pairs whose two people they may both see", async () => {
    const w = await freshWorld();
    const ours = await person(w, "María Fernanda", "López");
    const theirs = expectOk(await createParticipant(await w.ctx("outsider"), participantForm(w.otherProjectId, { givenNames: "Maria Fernanda", familyNames: "Lopes" })));
    expect(await queuedKeys(w.ctx("manager"))).toEqual([]);
    expect(await queuedKeys(w.ctx("outsider"))).toEqual([]);
    expect(await queuedKeys(w.ctx("admin"))).toContain(pairKey(ours, theirs));

    await linkToProject(w.db, theirs.id, w.projectId);
    expect(await queuedKeys(w.ctx("manager"))).toEqual([pairKey(ours, theirs)]);
  });

  it("pages through the pairs, keeping the total of all pairs", async () => {
    const w = await freshWorld();
    for (const family of ["Alvarado", "Bonilla", "Cáceres"]) {
      await person(w, "María Fernanda", family);
      await person(w, "Maria Fernanda", family);
    }
    const manager = await w.ctx("manager");
    const first = await queue(manager, { pageSize: 2 });
    const second = await queue(manager, { pageSize: 2, page: 2 });
    expect(first).toMatchObject({ total: 3, page: 1, pageSize: 2 });
    expect(second).toMatchObject({ total: 3, page: 2, pageSize: 2 });
    expect(new Set([...first.pairs, ...second.pairs].map((p) => p.key)).size).toBe(3);
  });

  it("still reports the total on a page past the end, as after resolving the last pair of the last page", async () => {
    const w = await freshWorld();
    await person(w, "María Fernanda", "López");
    await person(w, "Maria Fernanda", "Lopes");
    expect(await queue(w.ctx("manager"), { page: 2, pageSize: 1 })).toMatchObject({ items: [], total: 1 });
  });

  it("refuses to mark a person as distinct from themselves", async () => {
    const w = await freshWorld();
    const ana = await person(w, "Ana", "Prueba");
    expect(await markDistinct(await w.ctx("manager"), { keepId: ana.id, otherId: ana.id })).toEqual({
      ok: false,
      error: "invalid",
      fieldErrors: { otherId: { key: "mergeSame" } },
    });
  });
});

describe("mergeParticipants", () => {
  /** The kept record lacks contact details and a job; the duplicate has them and another project. */
  async function mergeScenario() {
    const w = await freshWorld();
    const institution = await insertInstitution(w.db);
    const keep = await person(w, "María Fernanda", "López", { sex: "woman" });
    const other = await person(w, "Maria Fernanda", "Lopes", {
      sex: "man",
      email: "mf.lopes@example.org",
      phone: "+504 3333-4444",
      institutionId: institution.id,
      position: "Fiscal",
    });
    await linkToProject(w.db, other.id, w.otherProjectId);
    return { w, institution, keep, other };
  }

  const merge = async (w: World, keep: Participant, other: Participant, role: RoleName = "manager") => mergeParticipants(await w.ctx(role), { keepId: keep.id, otherId: other.id });

  it("moves history and projects to the kept person, fills its blank fields and deletes the other", async () => {
    const { w, institution, keep, other } = await mergeScenario();
    const merged = expectOk(await merge(w, keep, other));
    expect(merged).toMatchObject({
      id: keep.id,
      givenNames: "María Fernanda",
      familyNames: "López",
      sex: "woman",
      email: "mf.lopes@example.org",
      phone: "+504 3333-4444",
      institutionId: institution.id,
      position: "Fiscal",
      version: 2,
    });
    expect(await participantRow(w.db, other.id)).toBeUndefined();
    expect(await getParticipant(await w.ctx("manager"), { participantId: other.id })).toEqual({ ok: false, error: "not_found" });
    expect(await projectIdsOf(w.db, keep.id)).toEqual([w.projectId, w.otherProjectId].sort());
    expect((await affiliationsOf(w.db, keep.id)).map((a) => [a.institutionId, a.position]).sort()).toEqual(
      [
        [institution.id, "Fiscal"],
        [null, ""],
      ].sort(),
    );
    // The other project's staff now find the person under the kept record.
    expect(expectOk(await getParticipant(await w.ctx("outsider"), { participantId: keep.id })).participant.email).toBe("mf.lopes@example.org");
  });

  it("records the merge on the kept person, naming the merged record", async () => {
    const { w, institution, keep, other } = await mergeScenario();
    expectOk(await merge(w, keep, other));
    const entry = (await auditEntriesFor(w.db, keep.id)).find((e) => e.action === "participants.merge");
    expect(entry).toMatchObject({ actorId: w.userIds.manager, entityType: "participant" });
    expect(entry!.changes).toEqual({
      email: { before: null, after: "mf.lopes@example.org" },
      phone: { before: null, after: "+504 3333-4444" },
      position: { before: "", after: "Fiscal" },
      institutionId: { before: null, after: institution.id },
      mergedFrom: { before: { id: other.id, givenNames: "Maria Fernanda", familyNames: "Lopes" }, after: null },
    });
  });

  it("takes the pair out of the queue and keeps the kept person's name keys", async () => {
    const { w, keep, other } = await mergeScenario();
    const third = await person(w, "Maria Fernanda", "Lopez");
    const manager = await w.ctx("manager");
    expect((await queuedKeys(manager)).sort()).toEqual([pairKey(keep, other), pairKey(keep, third), pairKey(other, third)].sort());

    expectOk(await merge(w, keep, other));
    expect(await queuedKeys(manager)).toEqual([pairKey(keep, third)]);
    expect(await nameKeysOf(w.db, other.id)).toEqual([]);
    expect(await nameKeysOf(w.db, keep.id)).toEqual(participantNameKeys("María Fernanda", "López").sort());
  });

  it("refuses to merge a person with itself and changes nothing", async () => {
    const { w, keep } = await mergeScenario();
    const before = await participantCounts(w.db);
    expect(expectFailure(await merge(w, keep, keep))).toEqual({ ok: false, error: "invalid", fieldErrors: { otherId: { key: "mergeSame" } } });
    expect(await participantCounts(w.db)).toEqual(before);
  });

  it("answers not_found for a person the manager cannot see, or that does not exist, and changes nothing", async () => {
    const { w, keep } = await mergeScenario();
    const hidden = expectOk(await createParticipant(await w.ctx("outsider"), participantForm(w.otherProjectId, { givenNames: "María Fernanda", familyNames: "López" })));
    const before = await participantCounts(w.db);
    expect(await merge(w, keep, hidden)).toEqual({ ok: false, error: "not_found" });
    expect(await merge(w, hidden, keep)).toEqual({ ok: false, error: "not_found" });
    expect(await merge(w, keep, { ...keep, id: crypto.randomUUID() })).toEqual({ ok: false, error: "not_found" });
    expect(await participantCounts(w.db)).toEqual(before);
    expect(await participantRow(w.db, hidden.id)).toEqual(hidden);
  });
});
