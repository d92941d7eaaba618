import util from "node:util";
import { sql } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import type { Database } from "@/db/client";
import { createTestDatabase } from "@/db/testing";
import { redactDatabaseError } from "@/lib/database-errors";
import { commitParticipantImport } from "@/lib/imports/participants";
import { createParticipant, listParticipants } from "@/lib/participants/use-cases";
import { expectFailure, expectOk } from "@/lib/testing/helpers";
import { participantImport } from "@/lib/testing/imports";
import { participantCounts, participantForm } from "@/lib/testing/participants";
import { createWorld, type World } from "@/lib/testing/world";
import { defineUseCase } from "./use-case";
import en from "./i18n/messages/en.json";
import es from "./i18n/messages/es.json";
import fr from "./i18n/messages/fr.json";

let database: Database;
let world: World;

beforeAll(async () => {
  database = await createTestDatabase();
  world = await createWorld(database.db);
});
afterAll(() => database.close());
afterEach(() => vi.restoreAllMocks());

const person = { email: "ana.secreta@example.org", phone: "+504 9988 7766" };

describe("control characters in any use case's input", () => {
  it("refuses a NUL in a participant's name with that field's message, and writes nothing", async () => {
    const before = await participantCounts(database.db);
    const failure = expectFailure(await createParticipant(await world.ctx("manager"), participantForm(world.projectId, { givenNames: "Ana\u0000", ...person })));
    expect(failure).toEqual({ ok: false, error: "invalid", fieldErrors: { givenNames: { key: "controlCharacter" } } });
    expect(await participantCounts(database.db)).toEqual(before);
  });

  it.each([
    ["a bell (C0)", "\u0007"],
    ["an escape (C0)", "\u001B"],
    ["DEL", "\u007F"],
    ["a C1 control", "\u0085"],
    ["half of a surrogate pair", "\uD83D"],
  ])("refuses %s in any text field", async (_label, character) => {
    const failure = expectFailure(await createParticipant(await world.ctx("manager"), participantForm(world.projectId, { position: `Fiscal${character}`, ...person })));
    expect(failure.fieldErrors).toEqual({ position: { key: "controlCharacter" } });
  });

  it("keeps tabs and line breaks, and whole emoji", async () => {
    const created = expectOk(await createParticipant(await world.ctx("manager"), participantForm(world.projectId, { position: "Fiscal\tUnidad\r\ncontra la trata 🙂" })));
    expect(created).toBeTruthy();
  });

  it("finds one deep in the input, at the path zod would give, and in a search", async () => {
    const manager = await world.ctx("manager");
    const imported = expectFailure(
      await commitParticipantImport(
        manager,
        participantImport(
          world.projectId,
          ["Nombre", "Apellidos"],
          [
            ["Ana", "Pérez"],
            ["Luis", "Gó\u0000mez"],
          ],
        ),
      ),
    );
    expect(imported.fieldErrors).toEqual({ "rows.1.1": { key: "controlCharacter" } });
    const searched = expectFailure(await listParticipants(manager, { q: "Ana\u0000" }));
    expect(searched.fieldErrors).toEqual({ q: { key: "controlCharacter" } });
  });

  it("says so in French, Spanish and English", () => {
    const messages = [fr, es, en].map((catalogue) => catalogue.validation.controlCharacter);
    expect(new Set(messages).size).toBe(3);
  });
});

describe("database errors", () => {
  // A query the database refuses, holding a person's e-mail and phone among its parameters.
  const failingQuery = defineUseCase({
    name: "test.failingQuery",
    access: { kind: "user" },
    input: z.object({}),
    write: true,
    async run(ctx) {
      await ctx.db.execute(sql`select ${person.email}::text, ${person.phone}::text, ${"Ana\u0000"}::text`);
    },
  });

  /** What console.error would print for `args`, as Next.js logs an error a page or route throws. */
  function captureLog() {
    const lines: string[] = [];
    vi.spyOn(console, "error").mockImplementation((...args: unknown[]) => lines.push(util.format(...args)));
    return lines;
  }

  it("reach the log without the query's values, with the use case and the database's code", async () => {
    const lines = captureLog();
    const error = await failingQuery(await world.ctx("manager"), {}).catch((e: unknown) => e);
    console.error(error);
    const logged = lines.join("\n");
    expect(logged).toContain("test.failingQuery");
    expect(logged).toMatch(/22021|22P05/);
    expect(logged).not.toContain(person.email);
    expect(logged).not.toContain("9988");
  });

  it("are told without values even when wrapped by a library, as Auth.js wraps them", async () => {
    const lines = captureLog();
    const raw = await database.db.execute(sql`select ${person.email}::text, ${"\u0000"}::text`).catch((e: unknown) => e);
    console.error(redactDatabaseError("Logged", { message: "Sign-in failed", cause: { err: raw } }));
    expect(lines.join("\n")).not.toContain(person.email);
  });
});
