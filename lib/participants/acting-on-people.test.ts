import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import type { Participant } from "@/db/schema";
import { createTestDatabase } from "@/db/testing";
import { listPersonAccesses } from "@/lib/access-log/use-cases";
import type { Ctx } from "@/lib/session-user";
import { userWithRoles } from "@/lib/testing/directory";
import { auditEntriesFor, expectOk } from "@/lib/testing/helpers";
import { linkToProject, participantForm, participantRow } from "@/lib/testing/participants";
import { createWorld, type World } from "@/lib/testing/world";
import { listDuplicatePairs, markDistinct, mergeParticipants } from "./duplicates";
import { eraseParticipant, exportParticipantData } from "./personal-data";
import { createParticipant, getParticipant } from "./use-cases";

let database: Database;

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

/**
 * In every world, "split" manages the other project and is only field staff of the fixture
 * project: their manager's role must lend nothing over the fixture project's people.
 */
const freshWorld = () => createWorld(database.db);

/** Two records of one person, known to `projectId` only. */
async function twoRecords(w: World, projectId: string) {
  const creator = await w.ctx(projectId === w.projectId ? "field" : "outsider");
  const make = async (givenNames: string, familyNames: string) => expectOk(await createParticipant(creator, participantForm(projectId, { givenNames, familyNames })));
  return [await make("María Fernanda", "López"), await make("Maria Fernanda", "Lopes")] as const;
}

/** What each curator's act answers for `split` on these two people. */
async function curatorActs(ctx: Ctx, [first, second]: readonly [Participant, Participant]) {
  return {
    exportData: (await exportParticipantData(ctx, { participantId: first.id })).ok,
    accesses: (await listPersonAccesses(ctx, { participantId: first.id })).ok,
    markDistinct: (await markDistinct(ctx, { keepId: first.id, otherId: second.id })).ok,
    merge: (await mergeParticipants(ctx, { keepId: first.id, otherId: second.id })).ok,
    erase: (await eraseParticipant(ctx, { participantId: first.id })).ok,
  };
}

const allowed = { exportData: true, accesses: true, markDistinct: true, merge: true, erase: true };
const refused = { exportData: false, accesses: false, markDistinct: false, merge: false, erase: false };

describe("a role counts only in a project that knows the person", () => {
  it("refuses a manager of another project who is field staff here to export, merge, mark distinct or erase this project's people", async () => {
    const w = await freshWorld();
    const people = await twoRecords(w, w.projectId);
    const split = await w.ctx("split");

    expect(await curatorActs(split, people)).toEqual(refused);
    expect(await eraseParticipant(split, { participantId: people[0].id })).toEqual({ ok: false, error: "forbidden" });
    for (const person of people) {
      expect(await participantRow(w.db, person.id)).toMatchObject({ givenNames: person.givenNames, isErased: false });
      expect((await auditEntriesFor(w.db, person.id)).map((e) => e.action)).toEqual(["participants.create"]);
    }
    // As the field staff they are here, they still read the record, without a curator's actions.
    expect(expectOk(await getParticipant(split, { participantId: people[0].id })).canCurate).toBe(false);
    expect(expectOk(await listDuplicatePairs(split, {})).total).toBe(0);
  });

  it("lets the same user do all of it to the people of the project they manage", async () => {
    const w = await freshWorld();
    const people = await twoRecords(w, w.otherProjectId);
    const split = await w.ctx("split");

    expect(expectOk(await getParticipant(split, { participantId: people[0].id })).canCurate).toBe(true);
    expect(expectOk(await listDuplicatePairs(split, {})).total).toBe(1);
    expect(await curatorActs(split, people)).toEqual(allowed);
  });

  it("lets them act on someone known to both projects, through the one they manage", async () => {
    const w = await freshWorld();
    const [person] = await twoRecords(w, w.projectId);
    await linkToProject(w.db, person.id, w.otherProjectId);
    expect(await eraseParticipant(await w.ctx("split"), { participantId: person.id })).toEqual({ ok: true, data: { changed: true } });
  });

  it("merges two people only in a project that knows both, even for a manager of each one's project", async () => {
    const w = await freshWorld();
    const [ours] = await twoRecords(w, w.projectId);
    const [, theirs] = await twoRecords(w, w.otherProjectId);
    const managerOfBoth = await userWithRoles(w.db, { [w.projectId]: "manager", [w.otherProjectId]: "manager" });
    const pair = { keepId: ours.id, otherId: theirs.id };

    expect(await mergeParticipants(managerOfBoth, pair)).toEqual({ ok: false, error: "forbidden" });
    expect(await markDistinct(managerOfBoth, pair)).toEqual({ ok: false, error: "forbidden" });
    expect(expectOk(await listDuplicatePairs(managerOfBoth, {})).items.map((p) => [p.first.id, p.second.id].sort())).not.toContainEqual([ours.id, theirs.id].sort());

    await linkToProject(w.db, theirs.id, w.projectId);
    expect(expectOk(await mergeParticipants(managerOfBoth, pair)).id).toBe(ours.id);
  });

  it("answers not_found, not forbidden, to someone who does not see one of the people", async () => {
    const w = await freshWorld();
    const [ours] = await twoRecords(w, w.projectId);
    const [, theirs] = await twoRecords(w, w.otherProjectId);
    expect(await mergeParticipants(await w.ctx("manager"), { keepId: ours.id, otherId: theirs.id })).toEqual({ ok: false, error: "not_found" });
    expect(await eraseParticipant(await w.ctx("outsider"), { participantId: ours.id })).toEqual({ ok: false, error: "not_found" });
  });
});
