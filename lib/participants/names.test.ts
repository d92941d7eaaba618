import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { createTestDatabase } from "@/db/testing";
import { expectOk } from "@/lib/testing/helpers";
import { nameKeysOf, participantForm, participantRow } from "@/lib/testing/participants";
import { createWorld, type World } from "@/lib/testing/world";
import { isFullKey, participantNameKeys, participantSearchText, soundKey } from "./names";
import { createParticipant } from "./use-cases";

let database: Database;
let world: World;

beforeAll(async () => {
  database = await createTestDatabase();
  world = await createWorld(database.db);
});
afterAll(() => database.close());

const sharesAKey = (a: string[], b: string[]) => a.some((key) => b.includes(key));

describe("participantNameKeys", () => {
  it("gives 'José Luis Martínez' and 'Jose L. Martinez Lopez' a common key", () => {
    const full = participantNameKeys("José Luis", "Martínez");
    const abbreviated = participantNameKeys("Jose L.", "Martinez Lopez");
    expect(full).toEqual(["martines|jose"]);
    expect(abbreviated).toEqual(["+lopes martines|jose", "martines|jose", "lopes|jose"]);
    expect(sharesAKey(full, abbreviated)).toBe(true);
  });

  it("folds the spellings of a name that sound alike", () => {
    expect(participantNameKeys("María Fernanda", "López")).toEqual(participantNameKeys("Maria Fernanda", "Lopes"));
    expect(participantNameKeys("Rosa", "Hernández")).toEqual(participantNameKeys("Rosa", "Ernandez"));
    expect(soundKey("vasquez")).toBe(soundKey("bazquez"));
  });

  it("gives the same keys whatever the order of the two family names", () => {
    expect(participantNameKeys("Ana", "García López").sort()).toEqual(participantNameKeys("Ana", "López García").sort());
  });

  it("keeps apart two people whose second family names differ", () => {
    const full = (keys: string[]) => keys.filter(isFullKey);
    expect(sharesAKey(full(participantNameKeys("María", "López García")), full(participantNameKeys("María", "López Castro")))).toBe(false);
  });

  it("ignores the particles that join family names", () => {
    expect(participantNameKeys("Juana", "de la Cruz y Hernández")).toEqual(["+ernandes krus|juana", "krus|juana", "ernandes|juana"]);
    expect(participantNameKeys("Pedro", "Del Valle")).toEqual(participantNameKeys("Pedro", "Valle"));
  });

  it("keeps apart people whose first given names differ", () => {
    expect(sharesAKey(participantNameKeys("Luis", "Martínez"), participantNameKeys("José", "Martínez"))).toBe(false);
  });

  it("works with a one-word name, whichever field holds it", () => {
    expect(participantNameKeys("", "Xochitl")).toEqual(["xoxitl|"]);
    expect(participantNameKeys("Xochitl", "")).toEqual(["xoxitl|"]);
  });
});

describe("participantSearchText", () => {
  it("drops accents, case and extra spaces", () => {
    expect(participantSearchText("  JOSÉ   Luis ", "Martínez  Núñez")).toBe("jose luis martinez nunez");
    expect(participantSearchText("", "Ñandú")).toBe("nandu");
  });
});

describe("stored name data", () => {
  it("stores the search text and the name keys of a created participant", async () => {
    const created = expectOk(await createParticipant(await world.ctx("field"), participantForm(world.projectId, { givenNames: "José Luis", familyNames: "de la Cruz Hernández" })));
    expect((await participantRow(world.db, created.id))?.searchText).toBe("jose luis de la cruz hernandez");
    expect(await nameKeysOf(world.db, created.id)).toEqual(["+ernandes krus|jose", "ernandes|jose", "krus|jose"]);
  });
});
