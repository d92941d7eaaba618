import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { createTestDatabase } from "@/db/testing";
import { expectFailure, expectOk, uniqueTag } from "@/lib/testing/helpers";
import { csvBytes, upload } from "@/lib/testing/imports";
import { createWorld } from "@/lib/testing/world";
import { commitInstitutionImport } from "./institutions";
import { participantImportFields } from "./fields";
import { guessMapping } from "./mapping";
import { commitParticipantImport } from "./participants";
import { readImportFile } from "./read";

let database: Database;

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

describe("guessMapping with remembered choices", () => {
  it("prefers a header someone mapped before over the built-in names, and ignores fields of another kind", () => {
    const remembered = new Map([
      ["nombre", "familyNames"],
      ["sigla", "acronym"],
    ]);
    expect(guessMapping(["Nombre", "Apellidos", "Sigla"], participantImportFields, remembered)).toMatchObject({ familyNames: 0, givenNames: null });
  });
});

describe("imports remember the mapping of a committed file", () => {
  it("maps a team's own headers by itself on the next import, whatever their order", async () => {
    const world = await createWorld(database.db);
    const field = await world.ctx("field");
    const tag = uniqueTag();
    const headers = [`Participante ${tag}`, `Familia ${tag}`, "Sexo"];
    const first = expectOk(await readImportFile(field, upload("hoja.csv", csvBytes([headers, ["Ana", "Pérez", "M"]]))));
    expect(first.guesses.participants).toMatchObject({ givenNames: null, familyNames: null, sex: 2 });

    const mapping = { ...first.guesses.participants, givenNames: 0, familyNames: 1 };
    expectOk(await commitParticipantImport(field, { projectId: world.projectId, headers, rows: [["Ana", `Pérez ${tag}`, "M"]], mapping }));

    const reordered = ["Sexo", `FAMILIA ${tag}`, `participante ${tag}`];
    const again = expectOk(await readImportFile(await world.ctx("manager"), upload("hoja-2.csv", csvBytes([reordered, ["H", "Díaz", "Luis"]]))));
    expect(again.guesses.participants).toMatchObject({ givenNames: 2, familyNames: 1, sex: 0 });
    // The choice belongs to participant imports only.
    expect(again.guesses.institutions).toMatchObject({ name: null });
  });

  it("remembers nothing from a file that was refused", async () => {
    const world = await createWorld(database.db);
    const field = await world.ctx("field");
    const tag = uniqueTag();
    const headers = [`Persona ${tag}`, "Apellidos", "Sexo"];
    const mapping = { givenNames: 0, familyNames: 1, sex: 2 };
    expectFailure(await commitParticipantImport(field, { projectId: world.projectId, headers, rows: [["Ana", "Pérez", "??"]], mapping }));
    const read = expectOk(await readImportFile(field, upload("hoja.csv", csvBytes([headers, ["Ana", "Pérez", "M"]]))));
    expect(read.guesses.participants).toMatchObject({ givenNames: null });
  });

  it("forgets a header's field once someone imports with that column left unmapped", async () => {
    const world = await createWorld(database.db);
    const manager = await world.ctx("manager");
    const tag = uniqueTag();
    const headers = ["Nombre", `Código ${tag}`, "País", "Sector"];
    const commit = (mapping: Record<string, number | null>, acronym: string) =>
      commitInstitutionImport(manager, { headers, rows: [[`Instituto ${acronym}`, acronym, "HN", "Estado"]], mapping });
    expectOk(await commit({ name: 0, acronym: 1, country: 2, sector: 3 }, `A${tag}`));
    const read = async () => expectOk(await readImportFile(manager, upload("i.csv", csvBytes([headers, ["X", "Y", "HN", "Estado"]])))).guesses.institutions;
    expect(await read()).toMatchObject({ name: 0, acronym: 1 });
    expectOk(await commit({ name: 0, acronym: null, country: 2, sector: 3 }, `B${tag}`));
    expect(await read()).toMatchObject({ name: 0, acronym: null });
  });
});
