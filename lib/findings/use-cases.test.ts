import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { createTestDatabase } from "@/db/testing";
import { mergeInstitutions } from "@/lib/institutions/use-cases";
import { addSource, createStudy } from "@/lib/studies/use-cases";
import { expectFailure, expectOk } from "@/lib/testing/helpers";
import { insertInstitution, insertWorkshop } from "@/lib/testing/workshops";
import { createWorld } from "@/lib/testing/world";
import { narrativeFor } from "@/lib/narrative";
import type { CreateFindingInput } from "./schemas";
import { createFinding, createProjectTheme, getFinding, listFindings, updateFinding } from "./use-cases";

let database: Database;

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

async function setup() {
  const world = await createWorld(database.db);
  const manager = await world.ctx("manager");
  const study = expectOk(await createStudy(manager, { projectId: world.projectId, title: "Línea de base" }));
  const ids = { projectId: world.projectId, studyId: study.id };
  const workshop = await insertWorkshop(database.db, world.projectId, { title: "Taller de Tegucigalpa" });
  const labour = await insertInstitution(database.db, `Secretaría de Trabajo ${crypto.randomUUID()}`);
  const police = await insertInstitution(database.db, `Policía Nacional ${crypto.randomUUID()}`);
  const source = expectOk(await addSource(manager, { ...ids, kind: "interview", title: "Entrevista con inspectores" }));
  return { world, manager, ids, workshop, labour, police, source };
}
type Setup = Awaited<ReturnType<typeof setup>>;

const form = (s: Setup, overrides: Partial<CreateFindingInput> = {}): CreateFindingInput => ({
  ...s.ids,
  theme: "protection",
  title: { original: "es", es: "Los inspectores de trabajo no identifican a las víctimas" },
  description: { original: "es", es: "Ningún protocolo de identificación en las inspecciones." },
  priority: "high",
  workshops: [{ workshopId: s.workshop.id, day: "2019-06-18" }],
  sourceIds: [s.source.id],
  institutions: [
    { institutionId: s.labour.id, role: "concerned" },
    { institutionId: s.police.id, role: "reported" },
  ],
  ...overrides,
});

describe("findings with their evidence", () => {
  it("links workshops (with the day), sources and institutions, read back from the finding", async () => {
    const s = await setup();
    const finding = expectOk(await createFinding(s.manager, form(s)));
    const read = expectOk(await getFinding(await s.world.ctx("field"), { ...s.ids, findingId: finding.id }));
    expect(read.workshops.map((w) => [w.title, w.day])).toEqual([["Taller de Tegucigalpa", "2019-06-18"]]);
    expect(read.sources.map((x) => x.title)).toEqual(["Entrevista con inspectores"]);
    expect(read.institutions.map((i) => [i.institutionId, i.role])).toEqual([
      [s.police.id, "reported"],
      [s.labour.id, "concerned"],
    ]);
    expect(read.canEdit).toBe(false);
  });

  it("one institution may both report and be concerned; an edit replaces the evidence as a whole", async () => {
    const s = await setup();
    const both = [
      { institutionId: s.labour.id, role: "reported" as const },
      { institutionId: s.labour.id, role: "concerned" as const },
      { institutionId: s.labour.id, role: "concerned" as const },
    ];
    const finding = expectOk(await createFinding(s.manager, form(s, { institutions: both })));
    expect(expectOk(await getFinding(s.manager, { ...s.ids, findingId: finding.id })).institutions).toHaveLength(2);
    expectOk(await updateFinding(s.manager, { ...form(s, { workshops: [], sourceIds: [], institutions: [] }), findingId: finding.id, version: 1 }));
    const after = expectOk(await getFinding(s.manager, { ...s.ids, findingId: finding.id }));
    expect([after.workshops, after.sources, after.institutions]).toEqual([[], [], []]);
  });

  it("refuses evidence from outside the project or the study, and a finding with two themes or none, writing nothing", async () => {
    const s = await setup();
    const elsewhere = await insertWorkshop(database.db, s.world.otherProjectId);
    expect(expectFailure(await createFinding(s.manager, form(s, { workshops: [{ workshopId: elsewhere.id }] }))).fieldErrors?.workshops).toEqual({ key: "notProjectWorkshop" });
    const otherStudy = expectOk(await createStudy(s.manager, { projectId: s.world.projectId, title: "Otro estudio" }));
    const foreign = expectOk(await addSource(s.manager, { projectId: s.world.projectId, studyId: otherStudy.id, kind: "interview", title: "Ajena" }));
    expect(expectFailure(await createFinding(s.manager, form(s, { sourceIds: [foreign.id] }))).fieldErrors?.sourceIds).toEqual({ key: "notStudySource" });
    expect(expectFailure(await createFinding(s.manager, form(s, { institutions: [{ institutionId: crypto.randomUUID(), role: "reported" }] }))).fieldErrors?.institutions).toEqual({
      key: "unknownInstitution",
    });
    const theme = expectOk(await createProjectTheme(s.manager, { projectId: s.world.projectId, name: { original: "es", es: "Migración" } }));
    expect(expectFailure(await createFinding(s.manager, form(s, { projectThemeId: theme.id }))).fieldErrors?.theme).toEqual({ key: "chooseTheme" });
    expect(expectFailure(await createFinding(s.manager, form(s, { theme: null }))).fieldErrors?.theme).toEqual({ key: "chooseTheme" });
    expect(expectFailure(await createFinding(s.manager, form(s, { title: { original: "fr", es: "Sólo en español" } }))).fieldErrors?.["title.fr"]).toEqual({ key: "required" });
    expect(expectOk(await listFindings(s.manager, s.ids))).toEqual([]);
  });

  it("refuses the second of two saves of the same version, keeping the first", async () => {
    const s = await setup();
    const finding = expectOk(await createFinding(s.manager, form(s)));
    const first = { ...form(s, { priority: "low" }), findingId: finding.id, version: 1 };
    expectOk(await updateFinding(s.manager, first));
    const second = expectFailure(await updateFinding(await s.world.ctx("admin"), { ...first, priority: "medium", institutions: [] }));
    expect(second.error).toBe("stale");
    const kept = expectOk(await getFinding(s.manager, { ...s.ids, findingId: finding.id }));
    expect([kept.finding.priority, kept.finding.version, kept.institutions.length]).toEqual(["low", 2, 2]);
  });

  it("keeps its evidence when an institution behind it is merged into another", async () => {
    const s = await setup();
    const finding = expectOk(await createFinding(s.manager, form(s)));
    expectOk(await mergeInstitutions(s.manager, { sourceId: s.police.id, targetId: s.labour.id }));
    const read = expectOk(await getFinding(s.manager, { ...s.ids, findingId: finding.id }));
    expect(read.institutions.map((i) => [i.institutionId, i.role])).toEqual([
      [s.labour.id, "reported"],
      [s.labour.id, "concerned"],
    ]);
  });
});

describe("the findings of a study", () => {
  it("filter by theme (usual or the project's own), priority, status and institution, and search every language, accents aside", async () => {
    const s = await setup();
    const migration = expectOk(await createProjectTheme(s.manager, { projectId: s.world.projectId, name: { original: "es", es: "Migración", fr: "Migration" } }));
    const a = expectOk(await createFinding(s.manager, form(s)));
    const b = expectOk(
      await createFinding(
        s.manager,
        form(s, {
          theme: null,
          projectThemeId: migration.id,
          priority: "low",
          status: "validated",
          title: { original: "fr", fr: "Données de migration non partagées", es: "Datos migratorios no compartidos" },
          description: { original: "fr", fr: "Chaque institution garde ses propres registres." },
          institutions: [],
        }),
      ),
    );
    const ids = async (filters: Record<string, string>) => expectOk(await listFindings(s.manager, { ...s.ids, ...filters })).map((f) => f.id);
    expect(await ids({})).toEqual([a.id, b.id]);
    expect(await ids({ theme: "protection" })).toEqual([a.id]);
    expect(await ids({ theme: migration.id })).toEqual([b.id]);
    expect(await ids({ priority: "low" })).toEqual([b.id]);
    expect(await ids({ status: "draft" })).toEqual([a.id]);
    expect(await ids({ institutionId: s.police.id })).toEqual([a.id]);
    expect(await ids({ q: "DONNEES" })).toEqual([b.id]);
    expect(await ids({ q: "vÍctimas" })).toEqual([a.id]);
    expect(await ids({ q: "protocolo identificacion" })).toEqual([]);
    expect(await ids({ q: "protocolo de identificacion" })).toEqual([a.id]);
  });

  it("partners read findings once they leave the draft stage, never a draft", async () => {
    const s = await setup();
    const draft = expectOk(await createFinding(s.manager, form(s)));
    const inReview = expectOk(await createFinding(s.manager, form(s, { status: "in_review" })));
    const partner = await s.world.ctx("partner");
    expect(expectOk(await listFindings(partner, s.ids)).map((f) => f.id)).toEqual([inReview.id]);
    expect(expectFailure(await getFinding(partner, { ...s.ids, findingId: draft.id })).error).toBe("not_found");
    expect(expectFailure(await createFinding(partner, form(s))).error).toBe("forbidden");
  });
});

describe("narrative text in several languages", () => {
  it("shows the reader's language when written, else the original marked as not yet translated", () => {
    const text = { original: "es" as const, es: "Hallazgo", fr: "Constat" };
    expect(narrativeFor(text, "fr")).toEqual({ text: "Constat", language: "fr", translated: true });
    expect(narrativeFor(text, "en")).toEqual({ text: "Hallazgo", language: "es", translated: false });
    expect(narrativeFor(text, "es")).toEqual({ text: "Hallazgo", language: "es", translated: true });
    expect(narrativeFor({ original: "fr", fr: "Constat", en: "  " }, "en")).toEqual({ text: "Constat", language: "fr", translated: false });
  });
});
