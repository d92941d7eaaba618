import { eq } from "drizzle-orm";
import JSZip from "jszip";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { createTestDatabase } from "@/db/testing";
import { auditEntries, findings, projectMembers, studies, studySources, users } from "@/db/schema";
import { documentToDocx } from "@/lib/documents/docx";
import { docxText } from "@/lib/documents/docx-text";
import { documentToPdf } from "@/lib/documents/pdf";
import { documentToXlsx } from "@/lib/documents/xlsx";
import { createFinding } from "@/lib/findings/use-cases";
import { wordingFor } from "@/lib/i18n/wording";
import { createAction } from "@/lib/improvement-actions/use-cases";
import { answerFinding, openRound } from "@/lib/reviews/use-cases";
import { pdfText, xlsxSheets } from "@/lib/testing/documents";
import { auditEntriesFor, ctxFor, expectFailure, expectOk, snapshotCounts } from "@/lib/testing/helpers";
import { createWorld } from "@/lib/testing/world";
import { getStudyReport } from "@/lib/reports/study-report";
import { maxSourceBytes } from "./schemas";
import { addSource, createStudy, getSourceFile, getStudy, listStudies, updateStudy } from "./use-cases";
import { actionPlan, studyDocument } from "@/lib/reports/study-report-document";

let database: Database;

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

async function setup() {
  const world = await createWorld(database.db);
  const manager = await world.ctx("manager");
  const study = expectOk(await createStudy(manager, { projectId: world.projectId, title: "Línea de base", periodStart: "2019-06-01", periodEnd: "2019-09-30" }));
  return { world, manager, study, ids: { projectId: world.projectId, studyId: study.id } };
}
type Setup = Awaited<ReturnType<typeof setup>>;

const finding = (s: Setup, title: Record<string, string>, overrides: Record<string, unknown> = {}) =>
  createFinding(s.manager, { ...s.ids, theme: "protection", title: { original: "es", ...title }, description: { original: "es", es: "Descripción" }, ...overrides }).then(expectOk);

/** A second partner of the project, from another organisation. */
async function secondPartner(s: Setup) {
  const [other] = await database.db
    .insert(users)
    .values({ email: `otra-${crypto.randomUUID()}@test.example`, name: "Otra Socia", locale: "es" })
    .returning();
  await database.db.insert(projectMembers).values({ projectId: s.world.projectId, userId: other!.id, role: "partner" });
  return other!;
}

const docx = async (s: Setup, locale: "fr" | "es" | "en") => {
  const report = expectOk(await getStudyReport(s.manager, s.ids));
  return documentToDocx(studyDocument(report, locale, wordingFor(locale)));
};

/** The paragraphs of a DOCX file as Word shows them, one string each. */
async function docxParagraphs(bytes: Uint8Array): Promise<string[]> {
  const xml = await (await JSZip.loadAsync(bytes)).file("word/document.xml")!.async("string");
  return xml
    .split("</w:p>")
    .map((p) => [...p.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(""))
    .filter(Boolean);
}

describe("a study's own fields", () => {
  it("refuses blank and over-long titles, impossible dates and odd versions, writing nothing", async () => {
    const s = await setup();
    const before = await snapshotCounts(database.db, { studies, auditEntries });
    const create = (fields: Record<string, unknown>) => createStudy(s.manager, { projectId: s.world.projectId, title: "Estudio", ...fields }).then(expectFailure);
    expect((await create({ title: "   " })).fieldErrors?.title).toEqual({ key: "required" });
    expect((await create({ title: "x".repeat(201) })).fieldErrors?.title).toEqual({ key: "tooLong", values: { max: 200 } });
    expect((await create({ periodStart: "2019-02-30" })).fieldErrors?.periodStart).toEqual({ key: "invalidDate" });
    expect((await create({ periodEnd: "30/06/2019" })).fieldErrors?.periodEnd).toEqual({ key: "invalidDate" });
    expect((await create({ status: "archived" })).fieldErrors?.status).toEqual({ key: "invalidChoice" });
    for (const version of [0, 1.5, "abc"]) {
      expect(expectFailure(await updateStudy(s.manager, { ...s.ids, title: "Otro", version })).fieldErrors?.version).toBeDefined();
    }
    expect(await snapshotCounts(database.db, { studies, auditEntries })).toEqual(before);
  });

  it("a stale save changes neither the study nor its history", async () => {
    const s = await setup();
    expectOk(await updateStudy(s.manager, { ...s.ids, title: "Primera", version: 1 }));
    const audited = (await auditEntriesFor(database.db, s.study.id)).length;
    expect(expectFailure(await updateStudy(await s.world.ctx("admin"), { ...s.ids, title: "Segunda", methodology: "Otra", version: 1 })).error).toBe("stale");
    expect(expectOk(await getStudy(s.manager, s.ids)).study).toMatchObject({ title: "Primera", methodology: "", version: 2 });
    expect(await auditEntriesFor(database.db, s.study.id)).toHaveLength(audited);
  });

  it("is written by managers only; the loner and the outsider do not see it, even through the outsider's own project", async () => {
    const s = await setup();
    for (const role of ["field", "partner"] as const) {
      const ctx = await s.world.ctx(role);
      expect(expectFailure(await updateStudy(ctx, { ...s.ids, title: "Cambio", version: 1 })).error).toBe("forbidden");
      expect(expectFailure(await addSource(ctx, { ...s.ids, kind: "interview", title: "Entrevista" })).error).toBe("forbidden");
    }
    for (const role of ["loner", "outsider"] as const) {
      const ctx = await s.world.ctx(role);
      expect(expectFailure(await getStudy(ctx, s.ids)).error).toBe("not_found");
      expect(expectFailure(await getStudyReport(ctx, s.ids)).error).toBe("not_found");
    }
    const outsider = await s.world.ctx("outsider");
    const throughOwn = { projectId: s.world.otherProjectId, studyId: s.study.id };
    expect(expectFailure(await getStudy(outsider, throughOwn)).error).toBe("not_found");
    expect(expectFailure(await updateStudy(outsider, { ...throughOwn, title: "Tomado", version: 1 })).error).toBe("not_found");
    expect(expectOk(await getStudy(s.manager, s.ids)).study.title).toBe("Línea de base");
  });

  it("counts a study's findings in the list of studies", async () => {
    const s = await setup();
    await finding(s, { es: "Uno" });
    await finding(s, { es: "Dos" });
    const [listed] = expectOk(await listStudies(s.manager, { projectId: s.world.projectId }));
    expect(listed!.findings).toBe(2);
  });

  it("tells partners how many findings they can read, not how many drafts there are", async () => {
    const s = await setup();
    await finding(s, { es: "Validado" }, { status: "validated" });
    await finding(s, { es: "Borrador uno" });
    await finding(s, { es: "Borrador dos" });
    const [listed] = expectOk(await listStudies(await s.world.ctx("partner"), { projectId: s.world.projectId }));
    expect(listed!.findings).toBe(1);
  });
});

describe("a study's uploaded sources", () => {
  const file = (data: string | Uint8Array, overrides: Record<string, unknown> = {}) => ({ name: "informe.pdf", type: "application/pdf", data, ...overrides });

  it("takes exactly 20 MB sent as base64 and refuses one byte more, and base64 that is not", async () => {
    const s = await setup();
    const full = Buffer.alloc(maxSourceBytes, 7);
    full.write("%PDF-1.4");
    const source = expectOk(await addSource(s.manager, { ...s.ids, kind: "document", title: "Exacto", file: file(full.toString("base64")) }));
    expect(source.fileSize).toBe(maxSourceBytes);
    const over = Buffer.alloc(maxSourceBytes + 1, 7).toString("base64");
    expect(expectFailure(await addSource(s.manager, { ...s.ids, kind: "document", title: "Grande", file: file(over) })).fieldErrors?.file).toEqual({ key: "sourceTooLarge" });
    expect(expectFailure(await addSource(s.manager, { ...s.ids, kind: "document", title: "Basura", file: file("%%% not base64 ***") })).error).toBe("invalid");
    expect(
      expectFailure(await addSource(s.manager, { ...s.ids, kind: "document", title: "Sin nombre", file: file("aGVsbG8=", { name: "  " }) })).fieldErrors?.["file.name"],
    ).toEqual({
      key: "required",
    });
    expect(expectOk(await getStudy(s.manager, s.ids)).sources.map((x) => x.title)).toEqual(["Exacto"]);
  });

  it("gives a file back under the very name it was uploaded with, slashes and quotes included", async () => {
    const s = await setup();
    const name = `../informes/"final" l'été.pdf`;
    const source = expectOk(await addSource(s.manager, { ...s.ids, kind: "document", title: "Informe", file: file(Buffer.from("%PDF-1.4").toString("base64"), { name }) }));
    const downloaded = expectOk(await getSourceFile(await s.world.ctx("field"), { ...s.ids, sourceId: source.id }));
    expect([downloaded.name, downloaded.data.toString()]).toEqual([name, "%PDF-1.4"]);
  });

  it("refuses an empty file", async () => {
    const s = await setup();
    expect(expectFailure(await addSource(s.manager, { ...s.ids, kind: "document", title: "Vacío", file: file("") })).error).toBe("invalid");
    expect(await database.db.select().from(studySources).where(eq(studySources.studyId, s.study.id))).toEqual([]);
  });
});

describe("a study's report", () => {
  it("shows a partner no draft, no other partner's name, and review outcomes as counts", async () => {
    const s = await setup();
    const other = await secondPartner(s);
    const shared = await finding(s, { es: "Compartido" });
    await finding(s, { es: "Borrador secreto" }, { description: { original: "es", es: "Sólo el equipo" } });
    const round = expectOk(await openRound(s.manager, { ...s.ids, title: "Ronda", findingIds: [shared.id], partnerIds: [s.world.userIds.partner, other.id] }));
    expectOk(
      await answerFinding(await ctxFor(database.db, other.id), {
        projectId: s.world.projectId,
        roundId: round.id,
        findingId: shared.id,
        answer: "disagree",
        comment: "Firmado: Otra Socia",
      }),
    );
    const report = expectOk(await getStudyReport(await s.world.ctx("partner"), s.ids));
    expect(report.findings.map((f) => [f.id, f.review])).toEqual([[shared.id, { disagree: 1 }]]);
    const text = JSON.stringify(report);
    expect(text).not.toContain("Otra Socia");
    expect(text).not.toContain("Borrador secreto");
  });

  it("does not give a partner another partner's name as an action's owner", async () => {
    const s = await setup();
    const other = await secondPartner(s);
    const validated = await finding(s, { es: "Validado" }, { status: "validated" });
    expectOk(await createAction(s.manager, { projectId: s.world.projectId, title: "Mesa de datos", findingIds: [validated.id], ownerId: other.id }));
    const report = expectOk(await getStudyReport(await s.world.ctx("partner"), s.ids));
    expect(report.actions).toHaveLength(1);
    expect(JSON.stringify(report)).not.toContain("Otra Socia");
  });
});

describe("a study's export", () => {
  it("keeps &, <, > and quotes as written in the DOCX, the PDF and the XLSX", async () => {
    const s = await setup();
    const title = `Policía & Fiscalía <CICESCT> "mesa" l'accord`;
    const f = await finding(s, { es: title });
    expectOk(await createAction(s.manager, { projectId: s.world.projectId, title: `Acción <1> & "2"`, findingIds: [f.id] }));
    const report = expectOk(await getStudyReport(s.manager, s.ids));
    const spec = studyDocument(report, "es", wordingFor("es"));
    expect(await docxText(await documentToDocx(spec))).toContain(title);
    expect((await pdfText(await documentToPdf(spec))).text).toContain(title);
    const [plan] = await xlsxSheets(await documentToXlsx({ ...spec, sections: [actionPlan(report, "es", wordingFor("es"))] }));
    expect(plan!.rows.some((row) => row[0] === `Acción <1> & "2"` && row[1] === title)).toBe(true);
  });

  it("exports an empty study, and says so where a finding has no evidence", async () => {
    const s = await setup();
    const empty = await docxText(await docx(s, "en"));
    expect(empty).toContain("No improvement action yet.");
    const spec = studyDocument(expectOk(await getStudyReport(s.manager, s.ids)), "en", wordingFor("en"));
    expect((await pdfText(await documentToPdf(spec))).text).toContain("No improvement action yet.");
    await finding(s, { es: "Sin evidencia" });
    expect(await docxText(await docx(s, "en"))).toContain("Workshops: None listed.");
  });

  it("marks in each language the text shown in another one", async () => {
    const s = await setup();
    await finding(s, { es: "Sin protocolo", fr: "Aucun protocole" });
    const fr = await docxText(await docx(s, "fr"));
    expect(fr).toContain("Aucun protocole");
    expect(fr).not.toContain("Aucun protocole (");
    expect(fr).toContain("Descripción (Pas encore traduit : affiché en espagnol)");
    const es = await docxText(await docx(s, "es"));
    expect(es).toContain("Sin protocolo\n");
    expect(es).not.toContain("Aún sin traducir");
    const en = await docxText(await docx(s, "en"));
    expect(en).toContain("Sin protocolo (Not yet translated: shown in Spanish)");
    expect(en).toContain("Descripción (Not yet translated: shown in Spanish)");
  });

  it("renders a very long finding in the PDF", async () => {
    const s = await setup();
    const long = `${"palabra ".repeat(2400)}final`;
    await finding(s, { es: "Largo" }, { description: { original: "es", es: long } });
    const spec = studyDocument(expectOk(await getStudyReport(s.manager, s.ids)), "es", wordingFor("es"));
    const pdf = await pdfText(await documentToPdf(spec));
    expect(pdf.pages).toBeGreaterThan(1);
    expect(pdf.text).toContain("palabra final");
  });

  it("marks untranslated finding titles in the action plan too", async () => {
    const s = await setup();
    const f = await finding(s, { es: "Sin protocolo" });
    expectOk(await createAction(s.manager, { projectId: s.world.projectId, title: "Protocolo", findingIds: [f.id] }));
    const plan = actionPlan(expectOk(await getStudyReport(s.manager, s.ids)), "en", wordingFor("en"));
    expect(plan.rows[0]![1]).toBe("Sin protocolo (Not yet translated: shown in Spanish)");
  });

  it("keeps the methodology's paragraphs apart in the DOCX", async () => {
    const s = await setup();
    expectOk(await updateStudy(s.manager, { ...s.ids, title: "Línea de base", methodology: "Talleres en tres ciudades.\n\nEntrevistas con la fiscalía.", version: 1 }));
    expect(await docxParagraphs(await docx(s, "es"))).toContain("Entrevistas con la fiscalía.");
  });

  it("shows the start of a study whose end is not known yet", async () => {
    const s = await setup();
    expectOk(await updateStudy(s.manager, { ...s.ids, title: "Línea de base", periodStart: "2019-06-01", periodEnd: null, version: 1 }));
    expect(await docxText(await docx(s, "en"))).toMatch(/Period: Jun 1, 2019/);
  });

  it("writes a DOCX that Word can open when a stored text holds a control character", async () => {
    const s = await setup();
    // Input refuses control characters now; text stored before that, or by an old import, may hold one.
    const created = await finding(s, { es: "Primera línea" });
    await database.db
      .update(findings)
      .set({ title: { original: "es", es: "Primera línea\u000bsegunda línea" } })
      .where(eq(findings.id, created.id));
    const xml = await (await JSZip.loadAsync(await docx(s, "es"))).file("word/document.xml")!.async("string");
    expect(xml).toContain("Primera línea");
    // biome-ignore lint/suspicious/noControlCharactersInRegex: the document must hold none of these characters.
    expect(xml).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/);
  });
});
