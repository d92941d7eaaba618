import { eq, ilike } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { institutions } from "@/db/schema";
import { createTestDatabase } from "@/db/testing";
import { exportInstitutions } from "@/lib/institutions/use-cases";
import type { ListInstitutionsInput } from "@/lib/institutions/schemas";
import { containsPattern } from "@/lib/search-text";
import type { Ctx } from "@/lib/session-user";
import { directoryState } from "@/lib/testing/directory";
import { expectFailure, expectOk, uniqueTag } from "@/lib/testing/helpers";
import { directoryInstitution, institutionImport } from "@/lib/testing/imports";
import { createWorld, type World } from "@/lib/testing/world";
import { commitInstitutionImport, previewInstitutionImport } from "./institutions";

let database: Database;
let world: World;
let field: Ctx;

beforeAll(async () => {
  database = await createTestDatabase();
  world = await createWorld(database.db);
  field = await world.ctx("field");
});
afterAll(() => database.close());

const headers = ["Nombre", "Sigla", "País", "Sector", "Tipo", "Nivel", "Ciudad"];

const commit = async (rows: string[][]) => commitInstitutionImport(field, institutionImport(headers, rows));
const preview = async (rows: string[][]) => expectOk(await previewInstitutionImport(field, institutionImport(headers, rows)));

/** The institutions whose name contains `tag`, as stored, in name order. */
async function namedWith(tag: string) {
  const rows = await database.db
    .select({
      name: institutions.name,
      acronym: institutions.acronym,
      country: institutions.country,
      sector: institutions.sector,
      kind: institutions.kind,
      level: institutions.level,
      city: institutions.city,
    })
    .from(institutions)
    .where(ilike(institutions.name, containsPattern(tag)));
  return rows.sort((a, b) => `${a.name}|${a.country}`.localeCompare(`${b.name}|${b.country}`));
}

describe("institutions.importCommit", () => {
  it("reads sector, kind, level and country given as labels in any language or as codes", async () => {
    const tag = uniqueTag();
    const rows = [
      [`Asociación Lenca ${tag}`, "", "Honduras", "Sociedad civil", "ONG", "Nacional", "Intibucá"],
      [`Association Caraïbe ${tag}`, "AC", "Costa Rica", "Société civile", "Organisation communautaire", "Régional", ""],
      [`Ministry of Security ${tag}`, "MS", "Mexico", "State", "Ministry", "National", ""],
      [`Alcaldía ${tag}`, "", "gt", "state", "government_agency", "local", "Xela"],
    ];
    expect(expectOk(await commit(rows))).toEqual({ created: 4, existing: 0 });
    expect(await namedWith(tag)).toEqual([
      { name: `Alcaldía ${tag}`, acronym: "", country: "GT", sector: "state", kind: "government_agency", level: "local", city: "Xela" },
      { name: `Asociación Lenca ${tag}`, acronym: "", country: "HN", sector: "civil_society", kind: "ngo", level: "national", city: "Intibucá" },
      { name: `Association Caraïbe ${tag}`, acronym: "AC", country: "CR", sector: "civil_society", kind: "community_organisation", level: "regional", city: "" },
      { name: `Ministry of Security ${tag}`, acronym: "MS", country: "MX", sector: "state", kind: "ministry", level: "national", city: "" },
    ]);
  });

  it("takes an institution without kind or level as a national institution of another kind", async () => {
    const tag = uniqueTag();
    expect(expectOk(await commit([[`Red de Mujeres ${tag}`, "", "HN", "Sociedad civil", "", "", ""]]))).toEqual({ created: 1, existing: 0 });
    expect(await namedWith(tag)).toMatchObject([{ kind: "other", level: "national" }]);
  });

  it("skips institutions already in the directory or repeated in the file (same name, same country)", async () => {
    const tag = uniqueTag();
    const rows = [
      [`Fiscalía General ${tag}`, "FG", "Honduras", "Estado", "Ministerio Público / Fiscalía", "Nacional", ""],
      [`FISCALIA GENERAL ${tag}`, "fg", "HN", "state", "prosecutor_office", "national", ""],
      [`Fiscalía General ${tag}`, "FG", "Costa Rica", "Estado", "Ministerio Público / Fiscalía", "Nacional", ""],
    ];
    expect((await preview(rows)).rows.map((r) => r.status)).toEqual(["new", "existing", "new"]);
    expect(expectOk(await commit(rows))).toEqual({ created: 2, existing: 1 });

    const before = await directoryState(database.db);
    const again = await preview(rows);
    expect(again.counts).toEqual({ new: 0, existing: 3, error: 0 });
    expect(again.rows[0]!.match?.label).toBe(`Fiscalía General ${tag}`);
    expect(expectOk(await commit(rows))).toEqual({ created: 0, existing: 3 });
    const after = await directoryState(database.db);
    expect(after.institutions).toEqual(before.institutions);
    expect(await namedWith(tag)).toHaveLength(2);
  });

  it("skips an institution already in the directory when the file leaves out its acronym", async () => {
    const tag = uniqueTag();
    await directoryInstitution(database.db, { name: `Ministerio de Salud ${tag}`, acronym: "MINSA", country: "HN" });
    const rows = [[`Ministerio de Salud ${tag}`, "", "Honduras", "Estado", "Ministerio / Secretaría", "Nacional", ""]];
    expect((await preview(rows)).rows[0]!.status).toBe("existing");
  });

  it("imports nothing at all when one row is wrong, naming the row and field", async () => {
    const tag = uniqueTag();
    const before = await directoryState(database.db);
    const failure = expectFailure(
      await commit([
        [`Cooperativa Sur ${tag}`, "", "Honduras", "Sector privado", "Gremio empresarial", "Local", ""],
        [`Cooperativa Norte ${tag}`, "", "Honduras", "Cooperativismo", "ONG", "Local", ""],
        [`Cooperativa Este ${tag}`, "", "Atlantis", "Sector privado", "ONG", "Local", ""],
      ]),
    );
    expect(failure).toEqual({
      ok: false,
      error: "invalid",
      fieldErrors: { "row 3 · sector": { key: "invalidChoice" }, "row 4 · country": { key: "invalidFormat" } },
    });
    expect(await directoryState(database.db)).toEqual(before);
  });
});

describe("institutions.export", () => {
  const exportedBy = async (input: ListInstitutionsInput) => expectOk(await exportInstitutions(field, { format: "xlsx", ...input })).rows;

  it("exports the institutions within the filters, sorted by name whatever the accents, with their parent", async () => {
    const tag = uniqueTag();
    const parent = await directoryInstitution(database.db, { name: `Secretaría de Seguridad ${tag}`, country: "HN" });
    await directoryInstitution(database.db, { name: `Órgano Policial ${tag}`, country: "HN", parentId: parent.id, kind: "police_unit" });
    await directoryInstitution(database.db, { name: `Asociación Costa ${tag}`, country: "CR", sector: "civil_society", kind: "ngo" });
    await directoryInstitution(database.db, { name: `zona Libre ${tag}`, country: "HN", sector: "private_sector", kind: "business_association" });

    expect((await exportedBy({ q: tag })).map((r) => r.name)).toEqual([`Asociación Costa ${tag}`, `Órgano Policial ${tag}`, `Secretaría de Seguridad ${tag}`, `zona Libre ${tag}`]);
    expect(await exportedBy({ q: tag, country: "hn", sector: "state" })).toEqual([
      expect.objectContaining({ name: `Órgano Policial ${tag}`, parent: parent.name, kind: "police_unit" }),
      expect.objectContaining({ name: `Secretaría de Seguridad ${tag}`, parent: null }),
    ]);
    expect((await exportedBy({ q: tag, kind: "ngo" })).map((r) => r.name)).toEqual([`Asociación Costa ${tag}`]);
  });

  it("leaves archived institutions out unless asked for them", async () => {
    const tag = uniqueTag();
    const archived = await directoryInstitution(database.db, { name: `Archivo ${tag}` });
    await database.db.update(institutions).set({ isActive: false }).where(eq(institutions.id, archived.id));
    expect(await exportedBy({ q: tag })).toEqual([]);
    expect((await exportedBy({ q: tag, status: "archived" })).map((r) => r.name)).toEqual([`Archivo ${tag}`]);
  });
});
