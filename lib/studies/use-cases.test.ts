import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { createTestDatabase } from "@/db/testing";
import { auditEntries, studySources } from "@/db/schema";
import { expectFailure, expectOk } from "@/lib/testing/helpers";
import { insertWorkshop } from "@/lib/testing/workshops";
import { createWorld } from "@/lib/testing/world";
import { maxSourceBytes } from "./schemas";
import { addSource, createStudy, getSourceFile, getStudy, listStudies, removeSource, shareSource, updateStudy } from "./use-cases";

let database: Database;

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

async function setup() {
  const world = await createWorld(database.db);
  const manager = await world.ctx("manager");
  const study = expectOk(
    await createStudy(manager, {
      projectId: world.projectId,
      title: "Línea de base Honduras",
      periodStart: "2019-06-01",
      periodEnd: "2019-09-30",
      methodology: "Talleres y entrevistas",
    }),
  );
  return { world, manager, study, ids: { projectId: world.projectId, studyId: study.id } };
}

const sourceCount = async (studyId: string) => Number((await database.db.select({ n: count() }).from(studySources).where(eq(studySources.studyId, studyId)))[0]!.n);

describe("baseline studies", () => {
  it("a manager plans one; the whole team, partners included, reads it", async () => {
    const s = await setup();
    expect(s.study).toMatchObject({ status: "planning", version: 1, periodStart: "2019-06-01" });
    for (const role of ["field", "partner"] as const) {
      const ctx = await s.world.ctx(role);
      expect(expectOk(await listStudies(ctx, { projectId: s.world.projectId })).map((x) => [x.title, x.findings])).toEqual([["Línea de base Honduras", 0]]);
      expect(expectOk(await getStudy(ctx, s.ids)).canEdit).toBe(false);
    }
    expect(expectFailure(await createStudy(await s.world.ctx("field"), { projectId: s.world.projectId, title: "Otro" })).error).toBe("forbidden");
    expect(expectFailure(await getStudy(await s.world.ctx("outsider"), s.ids)).error).toBe("not_found");
  });

  it("refuses a period that ends before it starts, and a second save of the same version", async () => {
    const s = await setup();
    const bad = expectFailure(await createStudy(s.manager, { projectId: s.world.projectId, title: "X", periodStart: "2019-06-01", periodEnd: "2019-05-01" }));
    expect(bad.fieldErrors?.periodEnd).toEqual({ key: "endBeforeStart" });
    const edit = { ...s.ids, title: "Línea de base", status: "collecting" as const, version: 1 };
    expect(expectOk(await updateStudy(s.manager, edit))).toMatchObject({ status: "collecting", version: 2 });
    expect(expectFailure(await updateStudy(s.manager, { ...edit, status: "analysing" })).error).toBe("stale");
    expect(expectOk(await getStudy(s.manager, s.ids)).study.status).toBe("collecting");
  });
});

describe("study sources", () => {
  it("a workshop of the project, an interview with a link, a document with its file, which the staff downloads", async () => {
    const s = await setup();
    const workshop = await insertWorkshop(database.db, s.world.projectId, { title: "Taller de Tegucigalpa" });
    expectOk(await addSource(s.manager, { ...s.ids, kind: "workshop", title: "Taller", workshopId: workshop.id, date: "2019-06-18" }));
    expectOk(await addSource(s.manager, { ...s.ids, kind: "interview", title: "Entrevista con la fiscalía", url: "https://example.org/notas" }));
    const file = { name: "informe.pdf", type: "application/pdf", data: Buffer.from("%PDF-1.4 informe").toString("base64") };
    const document = expectOk(await addSource(s.manager, { ...s.ids, kind: "document", title: "Informe CICESCT", file }));
    expect(document.fileSize).toBe(16);
    const { sources } = expectOk(await getStudy(await s.world.ctx("field"), s.ids));
    expect(sources.map((x) => [x.kind, x.title, x.workshopTitle, x.url, x.fileName])).toEqual([
      ["workshop", "Taller", "Taller de Tegucigalpa", null, null],
      ["interview", "Entrevista con la fiscalía", null, "https://example.org/notas", null],
      ["document", "Informe CICESCT", null, null, "informe.pdf"],
    ]);
    const downloaded = expectOk(await getSourceFile(await s.world.ctx("field"), { ...s.ids, sourceId: document.id }));
    expect(downloaded.data.toString()).toBe("%PDF-1.4 informe");
    expect(downloaded).toMatchObject({ name: "informe.pdf", type: "application/pdf" });
  });

  it("refuses a file over 20 MB, a file type that is not a document or picture, and another project's workshop, writing nothing", async () => {
    const s = await setup();
    const big = { name: "grande.pdf", type: "application/pdf", data: new Uint8Array(maxSourceBytes + 1) };
    expect(expectFailure(await addSource(s.manager, { ...s.ids, kind: "document", title: "Grande", file: big })).fieldErrors?.file).toEqual({ key: "sourceTooLarge" });
    const script = { name: "macro.js", type: "text/javascript", data: Buffer.from("alert(1)").toString("base64") };
    expect(expectFailure(await addSource(s.manager, { ...s.ids, kind: "document", title: "Script", file: script })).fieldErrors?.["file.type"]).toEqual({ key: "fileType" });
    const elsewhere = await insertWorkshop(database.db, s.world.otherProjectId);
    expect(expectFailure(await addSource(s.manager, { ...s.ids, kind: "workshop", title: "Ajeno", workshopId: elsewhere.id })).fieldErrors?.workshopId).toEqual({
      key: "notProjectWorkshop",
    });
    expect(expectFailure(await addSource(s.manager, { ...s.ids, kind: "workshop", title: "Sin taller" })).fieldErrors?.workshopId).toEqual({ key: "required" });
    expect(expectFailure(await addSource(s.manager, { ...s.ids, kind: "interview", title: "Enlace", url: "javascript:alert(1)" })).fieldErrors?.url).toBeDefined();
    expect(await sourceCount(s.study.id)).toBe(0);
  });

  it("a file of exactly 20 MB is accepted; only managers add or remove sources", async () => {
    const s = await setup();
    const full = { name: "exacto.pdf", type: "application/pdf", data: new Uint8Array(maxSourceBytes) };
    full.data.set(Buffer.from("%PDF-1.4"));
    const source = expectOk(await addSource(s.manager, { ...s.ids, kind: "document", title: "Exacto", file: full }));
    expect(source.fileSize).toBe(maxSourceBytes);
    expect(expectFailure(await removeSource(await s.world.ctx("field"), { ...s.ids, sourceId: source.id })).error).toBe("forbidden");
    expect(expectOk(await removeSource(s.manager, { ...s.ids, sourceId: source.id }))).toEqual({ removed: true });
    expect(await sourceCount(s.study.id)).toBe(0);
  });

  it("a partner sees that a source exists, and reaches its file and link only once a manager shares it and the study leaves planning", async () => {
    const s = await setup();
    const partner = await s.world.ctx("partner");
    const file = { name: "notas-entrevista.pdf", type: "application/pdf", data: Buffer.from("%PDF-1.4 notas").toString("base64") };
    const notes = expectOk(
      await addSource(s.manager, { ...s.ids, kind: "interview", title: "Entrevista con la fiscalía", date: "2019-06-20", url: "https://example.org/notas", file }),
    );
    const sourceIds = { ...s.ids, sourceId: notes.id };
    const partnerSees = async () =>
      expectOk(await getStudy(partner, s.ids)).sources.map((x) => ({ title: x.title, kind: x.kind, date: x.date, url: x.url, fileName: x.fileName, fileSize: x.fileSize }));
    const hidden = [{ title: "Entrevista con la fiscalía", kind: "interview", date: "2019-06-20", url: null, fileName: null, fileSize: null }];
    const open = [{ ...hidden[0], url: "https://example.org/notas", fileName: "notas-entrevista.pdf", fileSize: 14 }];

    // Not shared, in planning: the title, kind and date only, and the file does not exist for them.
    expect(await partnerSees()).toEqual(hidden);
    expect(expectFailure(await getSourceFile(partner, sourceIds)).error).toBe("not_found");

    // Shared while the study is still in planning: still closed.
    expect(expectOk(await shareSource(s.manager, { ...sourceIds, sharedWithPartners: true }))).toEqual({ sharedWithPartners: true, changed: true });
    expect(await partnerSees()).toEqual(hidden);
    expect(expectFailure(await getSourceFile(partner, sourceIds)).error).toBe("not_found");

    // Out of planning and shared: open.
    expectOk(await updateStudy(s.manager, { ...s.ids, title: s.study.title, status: "collecting", version: 1 }));
    expect(await partnerSees()).toEqual(open);
    expect(expectOk(await getSourceFile(partner, sourceIds)).data.toString()).toBe("%PDF-1.4 notas");

    // Closed again by the manager: hidden again.
    expectOk(await shareSource(s.manager, { ...sourceIds, sharedWithPartners: "false" }));
    expect(await partnerSees()).toEqual(hidden);
    expect(expectFailure(await getSourceFile(partner, sourceIds)).error).toBe("not_found");
    // Staff always reach it.
    expect(expectOk(await getSourceFile(await s.world.ctx("field"), sourceIds)).name).toBe("notas-entrevista.pdf");
  });

  it("only a manager shares a source, each change is audited, and a source of another study is not found", async () => {
    const s = await setup();
    const source = expectOk(await addSource(s.manager, { ...s.ids, kind: "document", title: "Informe", url: "https://example.org/informe" }));
    const sourceIds = { ...s.ids, sourceId: source.id };
    for (const role of ["field", "partner"] as const) {
      expect(expectFailure(await shareSource(await s.world.ctx(role), { ...sourceIds, sharedWithPartners: true })).error).toBe("forbidden");
    }
    expect(expectFailure(await shareSource(s.manager, { ...sourceIds, sharedWithPartners: "yes" })).fieldErrors?.sharedWithPartners).toBeDefined();
    const other = expectOk(await createStudy(s.manager, { projectId: s.world.projectId, title: "Otro estudio" }));
    expect(expectFailure(await shareSource(s.manager, { ...sourceIds, studyId: other.id, sharedWithPartners: true })).error).toBe("not_found");

    expectOk(await shareSource(s.manager, { ...sourceIds, sharedWithPartners: true }));
    expect(expectOk(await shareSource(s.manager, { ...sourceIds, sharedWithPartners: true })).changed).toBe(false);
    const entries = await database.db.select().from(auditEntries).where(eq(auditEntries.action, "studies.shareSource"));
    const mine = entries.filter((e) => e.entityId === s.study.id);
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ actorId: s.world.userIds.manager, projectId: s.world.projectId, changes: { [`source:${source.id}`]: { before: false, after: true } } });
  });
});
