import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { createTestDatabase } from "@/db/testing";
import { exportParticipants, createParticipant, listParticipants } from "@/lib/participants/use-cases";
import type { CreateParticipantInput, ListParticipantsInput } from "@/lib/participants/schemas";
import type { Ctx } from "@/lib/session-user";
import { userWithRoles } from "@/lib/testing/directory";
import { expectFailure, expectOk, uniqueTag } from "@/lib/testing/helpers";
import { directoryInstitution, participantImport } from "@/lib/testing/imports";
import { participantCounts, participantForm, participantRow, projectIdsOf } from "@/lib/testing/participants";
import { createWorld, type World } from "@/lib/testing/world";
import { commitParticipantImport, previewParticipantImport } from "./participants";

let database: Database;

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

const headers = ["Nombre", "Apellidos", "Sexo", "Institución", "Correo electrónico", "Fecha del consentimiento", "Consentimiento"];

/** A sign-in sheet row: name, sex, institution, e-mail, consent date and form. */
const row = (givenNames: string, familyNames: string, sex = "", institution = "", email = "", consentDate = "", consentForm = "") => [
  givenNames,
  familyNames,
  sex,
  institution,
  email,
  consentDate,
  consentForm,
];

type Setup = { world: World; field: Ctx; tag: string; institution: { id: string; name: string; acronym: string } };

/** A fresh project with its field staff, and a directory institution with an accented name and an acronym. */
async function setup(): Promise<Setup> {
  const world = await createWorld(database.db);
  const tag = uniqueTag();
  const institution = await directoryInstitution(database.db, { name: `Fiscalía Especial ${tag}`, acronym: `FE-${tag}` });
  return { world, field: await world.ctx("field"), tag, institution };
}

const preview = async (s: Setup, rows: string[][], ctx = s.field) => expectOk(await previewParticipantImport(ctx, participantImport(s.world.projectId, headers, rows)));
const commit = async (s: Setup, rows: string[][], ctx = s.field) => commitParticipantImport(ctx, participantImport(s.world.projectId, headers, rows));
const written = () => participantCounts(database.db);

async function listed(ctx: Ctx, input: ListParticipantsInput = {}) {
  return expectOk(await listParticipants(ctx, { pageSize: 100, ...input })).items;
}

describe("participants.importPreview", () => {
  it("flags each row that cannot be imported, says why, and writes nothing", async () => {
    const s = await setup();
    const before = await written();
    const result = await preview(s, [
      row("Ana", "Pérez", "M", s.institution.name, "ana@example.org"),
      row("Luis", "Gómez", "H", `Ministerio Fantasma ${s.tag}`),
      row("Rosa", "Díaz", "M", "", "rosa@"),
      row("Iris", "Mejía", "??"),
      row("Eva", "Cruz", "M", "", "", "June 18", "Escrito"),
    ]);
    expect(result.counts).toEqual({ new: 1, existing: 0, error: 4 });
    expect(result.rows.map((r) => [r.row, r.label, r.status, r.errors])).toEqual([
      [2, "Ana Pérez", "new", {}],
      [3, "Luis Gómez", "error", { institution: { key: "unknownInstitutionNamed", values: { name: `Ministerio Fantasma ${s.tag}` } } }],
      [4, "Rosa Díaz", "error", { email: { key: "invalidEmail" } }],
      [5, "Iris Mejía", "error", { sex: { key: "invalidChoice" } }],
      [6, "Eva Cruz", "error", { consentDate: { key: "invalidDate" }, consentForm: { key: "consentIncomplete" } }],
    ]);
    expect(await written()).toEqual(before);
  });
});

describe("participants.importCommit", () => {
  it("imports nothing at all when one row is wrong, naming the row and field", async () => {
    const s = await setup();
    const before = await written();
    const failure = expectFailure(
      await commit(s, [row("Ana", "Pérez", "F", s.institution.name), row("Luis", "Gómez", "M", "", "luis@"), row("Rosa", "Díaz", "F", `Ministerio Fantasma ${s.tag}`)]),
    );
    expect(failure).toEqual({
      ok: false,
      error: "invalid",
      fieldErrors: {
        "row 3 · email": { key: "invalidEmail" },
        "row 4 · institution": { key: "unknownInstitutionNamed", values: { name: `Ministerio Fantasma ${s.tag}` } },
      },
    });
    expect(await written()).toEqual(before);
    expect(await listed(s.field, { projectId: s.world.projectId })).toEqual([]);
  });

  it("imports a clean file, matching institutions by name or acronym whatever the accents and case", async () => {
    const s = await setup();
    const result = await commit(s, [
      row("Ana", "Pérez", "M", `FISCALIA ESPECIAL ${s.tag}`, "Ana@Example.org", "18/06/2019", "Escrito"),
      row("Luis", "Gómez", "H", `fe-${s.tag}`),
      row("Xochitl", "", ""),
    ]);
    expect(expectOk(result)).toEqual({ created: 3, existing: 0 });
    const people = await listed(s.field, { projectId: s.world.projectId, sort: "givenNames" });
    expect(people.map((p) => [p.givenNames, p.familyNames, p.sex, p.institutionId])).toEqual([
      ["Ana", "Pérez", "woman", s.institution.id],
      ["Luis", "Gómez", "man", s.institution.id],
      ["Xochitl", "", "not_stated", null],
    ]);
    expect(await participantRow(database.db, people[0]!.id)).toMatchObject({ email: "ana@example.org", consentDate: "2019-06-18", consentForm: "written" });
  });

  it("creates nothing when the same file is imported again, and links no one twice", async () => {
    const s = await setup();
    const rows = [row("Ana", "Pérez", "F", s.institution.name, "ana@example.org"), row("Luis", "Gómez", "M", s.institution.acronym), row("Xochitl", "")];
    expect(expectOk(await commit(s, rows))).toEqual({ created: 3, existing: 0 });
    const before = await written();

    const again = await preview(s, rows);
    expect(again.counts).toEqual({ new: 0, existing: 3, error: 0 });
    expect(again.rows.map((r) => r.match?.label)).toEqual(["Ana Pérez", "Luis Gómez", "Xochitl"]);
    expect(expectOk(await commit(s, rows))).toEqual({ created: 0, existing: 3 });

    const after = await written();
    expect(after).toEqual({ ...before, auditEntries: Number(before.auditEntries) + 1 }); // only the import itself is recorded
    expect(await listed(s.field, { projectId: s.world.projectId })).toHaveLength(3);
  });

  it("creates one person from two identical rows of the same file", async () => {
    const s = await setup();
    const rows = [row("Ana", "Pérez", "F", s.institution.name), row("ana", "perez", "F", s.institution.name)];
    const checked = await preview(s, rows);
    expect(checked.rows.map((r) => r.status)).toEqual(["new", "existing"]);
    expect(expectOk(await commit(s, rows))).toEqual({ created: 1, existing: 1 });
    expect(await listed(s.field, { projectId: s.world.projectId })).toHaveLength(1);
  });

  it("creates one person when a file names them twice, once with their e-mail", async () => {
    const s = await setup();
    const rows = [row("Ana", "Pérez", "F", s.institution.name, "ana@example.org"), row("Ana", "Pérez", "F", s.institution.name)];
    expect(expectOk(await commit(s, rows))).toEqual({ created: 1, existing: 1 });
  });

  describe("a person already on file in another project", () => {
    async function personElsewhere(s: Setup, overrides: Partial<CreateParticipantInput> = {}) {
      const form = participantForm(s.world.otherProjectId, { givenNames: "Lucía", familyNames: `Reyes ${s.tag}`, email: `lucia-${s.tag}@example.org`, ...overrides });
      return expectOk(await createParticipant(await s.world.ctx("outsider"), form));
    }

    it("is neither reported nor linked when the importer may not see them", async () => {
      const s = await setup();
      const hidden = await personElsewhere(s);
      const rows = [row("Lucía", `Reyes ${s.tag}`, "F", "", `lucia-${s.tag}@example.org`)];
      const checked = await preview(s, rows);
      expect(checked.rows[0]).toMatchObject({ status: "new" });
      expect(checked.rows[0]!.match).toBeUndefined();
      expect(JSON.stringify(checked)).not.toContain(hidden.id);

      expect(expectOk(await commit(s, rows))).toEqual({ created: 1, existing: 0 });
      expect(await projectIdsOf(database.db, hidden.id)).toEqual([s.world.otherProjectId]);
      expect((await listed(s.field)).map((p) => p.id)).not.toContain(hidden.id);
    });

    it("is reported as existing and linked to the project when the importer may see them", async () => {
      const s = await setup();
      const known = await personElsewhere(s, { email: null });
      const staffOfBoth = await userWithRoles(database.db, { [s.world.projectId]: "field", [s.world.otherProjectId]: "field" });
      const rows = [row("lucia", `reyes ${s.tag}`, "F")];
      const checked = await preview(s, rows, staffOfBoth);
      expect(checked.rows[0]).toMatchObject({ status: "existing", match: { id: known.id, label: `Lucía Reyes ${s.tag}` } });

      const before = await written();
      expect(expectOk(await commit(s, rows, staffOfBoth))).toEqual({ created: 0, existing: 1 });
      expect((await written()).participants).toBe(before.participants);
      expect(await projectIdsOf(database.db, known.id)).toEqual([s.world.projectId, s.world.otherProjectId].sort());
      // Now the project's own field staff find them too.
      expect((await listed(s.field, { projectId: s.world.projectId })).map((p) => p.id)).toEqual([known.id]);
    });
  });
});

describe("participants.export", () => {
  async function exportedBy(ctx: Ctx, input: ListParticipantsInput = {}) {
    return expectOk(await exportParticipants(ctx, { format: "csv", ...input })).rows;
  }

  it("exports only the people the user may see, sorted by family name whatever the accents and case, within the filters", async () => {
    const s = await setup();
    for (const [familyNames, sex] of [
      ["Zúñiga", "man"],
      ["álvarez", "woman"],
      ["Bonilla", "man"],
      ["Ávila", "woman"],
    ] as const) {
      expectOk(await createParticipant(s.field, participantForm(s.world.projectId, { givenNames: "Ana", familyNames, sex, institutionId: s.institution.id })));
    }
    expectOk(await createParticipant(await s.world.ctx("outsider"), participantForm(s.world.otherProjectId, { familyNames: "Aaron" })));

    const all = await exportedBy(s.field);
    expect(all.map((r) => r.familyNames)).toEqual(["álvarez", "Ávila", "Bonilla", "Zúñiga"]);
    expect(all[0]).toMatchObject({ givenNames: "Ana", sex: "woman", institution: s.institution.name });
    expect((await exportedBy(s.field, { sex: "man" })).map((r) => r.familyNames)).toEqual(["Bonilla", "Zúñiga"]);
    expect((await exportedBy(s.field, { q: "zuniga" })).map((r) => r.familyNames)).toEqual(["Zúñiga"]);
    expect(expectFailure(await exportParticipants(s.field, { format: "csv", projectId: s.world.otherProjectId })).fieldErrors).toHaveProperty("projectId");
    expect((await exportedBy(await s.world.ctx("outsider"))).map((r) => r.familyNames)).toEqual(["Aaron"]);
  });
});
