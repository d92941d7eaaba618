import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { createTestDatabase } from "@/db/testing";
import { auditEntries, findingInstitutions, findings, findingSources, findingWorkshops } from "@/db/schema";
import { addSource, createStudy } from "@/lib/studies/use-cases";
import { auditEntriesFor, expectFailure, expectOk, snapshotCounts } from "@/lib/testing/helpers";
import { insertInstitution, insertWorkshop } from "@/lib/testing/workshops";
import { createWorld } from "@/lib/testing/world";
import { getInstitutionStudyLinks } from "@/lib/improvement-actions/for-institution";
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
  const workshop = await insertWorkshop(database.db, world.projectId, { title: "Taller de Tegucigalpa", startDate: "2019-06-18", endDate: "2019-06-19" });
  const labour = await insertInstitution(database.db, `Secretaría de Trabajo ${crypto.randomUUID()}`);
  const source = expectOk(await addSource(manager, { ...ids, kind: "interview", title: "Entrevista con inspectores" }));
  return { world, manager, ids, workshop, labour, source };
}
type Setup = Awaited<ReturnType<typeof setup>>;

const form = (s: Setup, overrides: Partial<CreateFindingInput> = {}): CreateFindingInput => ({
  ...s.ids,
  theme: "protection",
  title: { original: "es", es: "Los inspectores no identifican a las víctimas" },
  description: { original: "es", es: "Ningún protocolo de identificación." },
  workshops: [{ workshopId: s.workshop.id, day: "2019-06-18" }],
  sourceIds: [s.source.id],
  institutions: [{ institutionId: s.labour.id, role: "concerned" }],
  ...overrides,
});

const everything = { findings, findingWorkshops, findingSources, findingInstitutions, auditEntries };

describe("a finding's text", () => {
  it("refuses an original language left blank while another is written, and texts over the limit, writing nothing", async () => {
    const s = await setup();
    const before = await snapshotCounts(database.db, everything);
    const refused = async (overrides: Partial<CreateFindingInput>) => expectFailure(await createFinding(s.manager, form(s, overrides))).fieldErrors;
    expect((await refused({ title: { original: "es", es: "   ", fr: "Les inspecteurs" } }))?.["title.es"]).toEqual({ key: "required" });
    expect((await refused({ description: { original: "en", en: "", es: "Ningún protocolo" } }))?.["description.en"]).toEqual({ key: "required" });
    expect((await refused({ title: { original: "es", es: "x".repeat(301) } }))?.["title.es"]).toEqual({ key: "tooLong", values: { max: 300 } });
    expect((await refused({ title: { original: "es", es: "Corto", fr: "x".repeat(301) } }))?.["title.fr"]).toEqual({ key: "tooLong", values: { max: 300 } });
    expect((await refused({ title: { original: "de" as "es", es: "Hallazgo" } }))?.["title.original"]).toEqual({ key: "invalidChoice" });
    expect((await refused({ workshops: [{ workshopId: s.workshop.id, day: "2019-06-31" }] }))?.["workshops.0.day"]).toEqual({ key: "invalidDate" });
    expect(await snapshotCounts(database.db, everything)).toEqual(before);
  });

  it("keeps exactly 300 characters, trimmed", async () => {
    const s = await setup();
    const title = "x".repeat(300);
    const created = expectOk(await createFinding(s.manager, form(s, { title: { original: "es", es: `  ${title}  ` } })));
    expect(created.title).toEqual({ original: "es", es: title });
  });
});

describe("a finding's evidence", () => {
  it("takes the same source, institution and day once however often they are sent", async () => {
    const s = await setup();
    const twice = form(s, {
      workshops: [
        { workshopId: s.workshop.id, day: "2019-06-18" },
        { workshopId: s.workshop.id, day: "2019-06-18" },
      ],
      sourceIds: [s.source.id, s.source.id],
      institutions: [
        { institutionId: s.labour.id, role: "concerned" },
        { institutionId: s.labour.id, role: "concerned" },
      ],
    });
    const created = expectOk(await createFinding(s.manager, twice));
    const read = expectOk(await getFinding(s.manager, { ...s.ids, findingId: created.id }));
    expect([read.workshops.length, read.sources.length, read.institutions.length]).toEqual([1, 1, 1]);
  });

  it("refuses a workshop of another project and a source of another study of the same project, writing nothing", async () => {
    const s = await setup();
    const otherStudy = expectOk(await createStudy(s.manager, { projectId: s.world.projectId, title: "Segundo estudio" }));
    const foreign = expectOk(await addSource(s.manager, { projectId: s.world.projectId, studyId: otherStudy.id, kind: "document", title: "Ajena" }));
    const elsewhere = await insertWorkshop(database.db, s.world.otherProjectId);
    const created = expectOk(await createFinding(s.manager, form(s)));
    const before = await snapshotCounts(database.db, everything);
    const edit = { ...form(s), findingId: created.id, version: 1 };
    expect(expectFailure(await updateFinding(s.manager, { ...edit, sourceIds: [s.source.id, foreign.id] })).fieldErrors?.sourceIds).toEqual({ key: "notStudySource" });
    expect(expectFailure(await updateFinding(s.manager, { ...edit, workshops: [{ workshopId: elsewhere.id, day: null }] })).fieldErrors?.workshops).toEqual({
      key: "notProjectWorkshop",
    });
    expect(await snapshotCounts(database.db, everything)).toEqual(before);
  });

  it("refuses a day on which the workshop was not held", async () => {
    const s = await setup();
    const result = await createFinding(s.manager, form(s, { workshops: [{ workshopId: s.workshop.id, day: "2025-01-01" }] }));
    expect(expectFailure(result).fieldErrors?.workshops).toBeDefined();
  });

  it("counts a workshop once in the list, whatever the number of its days named", async () => {
    const s = await setup();
    const days = [
      { workshopId: s.workshop.id, day: "2019-06-18" },
      { workshopId: s.workshop.id, day: "2019-06-19" },
    ];
    expectOk(await createFinding(s.manager, form(s, { workshops: days })));
    const [listed] = expectOk(await listFindings(s.manager, s.ids));
    expect(listed!.workshops).toBe(1);
  });

  it("records no evidence change in the history when an edit leaves the evidence as it was", async () => {
    const s = await setup();
    const created = expectOk(await createFinding(s.manager, form(s)));
    expectOk(await updateFinding(s.manager, { ...form(s, { priority: "high" }), findingId: created.id, version: 1 }));
    const [update] = (await auditEntriesFor(database.db, created.id)).filter((e) => e.action === "findings.update");
    expect(update!.changes).toEqual({ priority: { before: "medium", after: "high" } });
  });
});

describe("editing a finding", () => {
  it("a stale save writes no evidence and no history, and keeps the other person's version", async () => {
    const s = await setup();
    const created = expectOk(await createFinding(s.manager, form(s)));
    expectOk(await updateFinding(s.manager, { ...form(s, { priority: "low" }), findingId: created.id, version: 1 }));
    const before = await snapshotCounts(database.db, everything);
    const stale = {
      ...form(s, { priority: "high", workshops: [], sourceIds: [], institutions: [{ institutionId: s.labour.id, role: "reported" }] }),
      findingId: created.id,
      version: 1,
    };
    expect(expectFailure(await updateFinding(s.manager, stale)).error).toBe("stale");
    expect(await snapshotCounts(database.db, everything)).toEqual(before);
    const kept = expectOk(await getFinding(s.manager, { ...s.ids, findingId: created.id }));
    expect([kept.finding.priority, kept.workshops.length, kept.sources.length, kept.institutions.map((i) => i.role)]).toEqual(["low", 1, 1, ["concerned"]]);
  });

  it("is refused to field staff and partners, who still read it; the loner and the outsider do not see it", async () => {
    const s = await setup();
    const created = expectOk(await createFinding(s.manager, form(s, { status: "validated" })));
    const ref = { ...s.ids, findingId: created.id };
    for (const role of ["field", "partner"] as const) {
      const ctx = await s.world.ctx(role);
      expect(expectOk(await getFinding(ctx, ref)).canEdit).toBe(false);
      expect(expectFailure(await updateFinding(ctx, { ...form(s), findingId: created.id, version: 1 })).error).toBe("forbidden");
      expect(expectFailure(await createProjectTheme(ctx, { projectId: s.world.projectId, name: { original: "es", es: "Migración" } })).error).toBe("forbidden");
    }
    for (const role of ["loner", "outsider"] as const) {
      const ctx = await s.world.ctx(role);
      expect(expectFailure(await getFinding(ctx, ref)).error).toBe("not_found");
      expect(expectFailure(await listFindings(ctx, s.ids)).error).toBe("not_found");
    }
    const outsider = await s.world.ctx("outsider");
    expect(expectFailure(await getFinding(outsider, { ...ref, projectId: s.world.otherProjectId })).error).toBe("not_found");
    expect(expectOk(await getFinding(s.manager, ref)).finding.version).toBe(1);
  });

  it("is hidden from partners while a draft, on the institution's page too", async () => {
    const s = await setup();
    const draft = expectOk(await createFinding(s.manager, form(s, { title: { original: "es", es: "Borrador secreto" } })));
    const partner = await s.world.ctx("partner");
    expect(expectFailure(await getFinding(partner, { ...s.ids, findingId: draft.id })).error).toBe("not_found");
    expect(expectOk(await listFindings(partner, { ...s.ids, q: "secreto" }))).toEqual([]);
    expect(expectOk(await listFindings(partner, { ...s.ids, status: "draft" }))).toEqual([]);
    expect(expectOk(await getInstitutionStudyLinks(partner, { institutionId: s.labour.id })).findings).toEqual([]);
    expect(expectFailure(await getInstitutionStudyLinks(await s.world.ctx("loner"), { institutionId: s.labour.id })).error).toBe("not_found");
  });
});

describe("searching and filtering findings", () => {
  it("takes %, _ and backslashes literally, and combines filters", async () => {
    const s = await setup();
    const percent = expectOk(await createFinding(s.manager, form(s, { title: { original: "es", es: "Sólo el 5% de los casos_denunciados" }, priority: "high" })));
    const other = expectOk(await createFinding(s.manager, form(s, { title: { original: "fr", fr: "ÉTAT des lieux 50 cas" }, priority: "low", status: "validated" })));
    const ids = async (filters: Record<string, string>) => expectOk(await listFindings(s.manager, { ...s.ids, ...filters })).map((f) => f.id);
    expect(await ids({ q: "%" })).toEqual([percent.id]);
    expect(await ids({ q: "5%" })).toEqual([percent.id]);
    expect(await ids({ q: "_" })).toEqual([percent.id]);
    expect(await ids({ q: "\\" })).toEqual([]);
    expect(await ids({ q: "etat" })).toEqual([other.id]);
    expect(await ids({ q: "casos", priority: "low" })).toEqual([]);
    expect(await ids({ q: "cas", priority: "low", status: "validated", theme: "protection", institutionId: s.labour.id })).toEqual([other.id]);
  });

  it("answers a theme filter that is neither a usual theme nor an id without failing", async () => {
    const s = await setup();
    expectOk(await createFinding(s.manager, form(s)));
    expect(expectOk(await listFindings(s.manager, { ...s.ids, theme: "legal-framework" }))).toEqual([]);
  });

  it("finds a text whose accents were pasted as combining marks", async () => {
    const s = await setup();
    const decomposed = expectOk(await createFinding(s.manager, form(s, { title: { original: "fr", fr: "E\u0301tude de la le\u0301gislation" } })));
    expect(expectOk(await listFindings(s.manager, { ...s.ids, q: "législation" })).map((f) => f.id)).toEqual([decomposed.id]);
  });
});

describe("a project's own themes", () => {
  it("refuses another project's theme on a finding, writing nothing", async () => {
    const s = await setup();
    const outsider = await s.world.ctx("outsider");
    const foreign = expectOk(await createProjectTheme(outsider, { projectId: s.world.otherProjectId, name: { original: "es", es: "Ajeno" } }));
    const before = await snapshotCounts(database.db, everything);
    expect(expectFailure(await createFinding(s.manager, form(s, { theme: null, projectThemeId: foreign.id }))).fieldErrors?.theme).toEqual({ key: "invalidChoice" });
    expect(await snapshotCounts(database.db, everything)).toEqual(before);
    expect(await database.db.select().from(findings).where(eq(findings.projectThemeId, foreign.id))).toEqual([]);
  });
});
