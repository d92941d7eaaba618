import fs from "node:fs";
import { docxText } from "../lib/documents/docx-text";
import { storageStateFor } from "./support/accounts";
import { expect, expectAccessible, originHeader, test } from "./support/fixtures";
import { messages } from "./support/messages";

const fr = messages.fr;
const es = messages.es;

test.describe("a baseline study, as the manager (French)", () => {
  test.use({ storageState: storageStateFor("manager") });

  test("a study with a source, a finding written in Spanish with its evidence, read back grouped by theme; the partner sees it once in review, marked as not translated", async ({
    page,
    browser,
  }) => {
    const t = fr.studies;
    const tf = fr.findings;
    const projects = (await (await page.request.get("/api/v1/projects?q=HN-PARCLC")).json()) as { items: { id: string }[] };
    const projectId = projects.items[0]!.id;
    const tag = Date.now().toString(36);

    await page.goto(`/projects/${projectId}`);
    await page.getByRole("link", { name: t.title }).click();
    await page.getByRole("link", { name: t.new }).click();
    await page.getByLabel(t.name).fill(`Étude de base ${tag}`);
    await page.getByLabel(t.periodStart).fill("2019-06-01");
    await page.getByLabel(t.periodEnd).fill("2019-09-30");
    await page.getByLabel(t.status).selectOption("analysing");
    await page.getByRole("button", { name: fr.common.save }).click();
    await expect(page.getByRole("heading", { name: `Étude de base ${tag}` })).toBeVisible();

    // A theme of the project's own joins the usual ones.
    await page.getByText(tf.ownTheme).click();
    const themeForm = page.getByRole("form", { name: tf.ownTheme });
    await themeForm.getByLabel(tf.ownThemeName).fill(`Migration ${tag}`);
    await themeForm.getByRole("button", { name: tf.addTheme }).click();
    await expect(page.getByText(tf.themeAdded)).toBeVisible();
    await expect(
      page
        .getByRole("form", { name: tf.filter })
        .getByLabel(tf.theme, { exact: true })
        .locator("option", { hasText: `Migration ${tag}` }),
    ).toHaveCount(1);

    // A document with its file.
    const sourceForm = page.getByRole("form", { name: t.addSource });
    await sourceForm.getByLabel(t.sourceTitle).fill("Rapport CICESCT 2018");
    await sourceForm.getByLabel(t.sourceFile).setInputFiles({ name: "rapport.pdf", mimeType: "application/pdf", buffer: Buffer.from("%PDF-1.4 rapport") });
    await sourceForm.getByRole("button", { name: t.addSource }).click();
    await expect(page.getByText(t.sourceAdded)).toBeVisible();
    const download = page.waitForEvent("download");
    await page.getByRole("link", { name: `${t.download} (rapport.pdf)` }).click();
    expect((await download).suggestedFilename()).toBe("rapport.pdf");

    await page.getByRole("link", { name: tf.new }).click();
    // The study page has its own theme and priority filters: wait for the form's.
    await expect(page.getByRole("heading", { name: new RegExp(tf.new) })).toBeVisible();
    await page.getByLabel(tf.theme, { exact: true }).selectOption("protection");
    await page.getByLabel(tf.original).selectOption("es");
    await page.getByLabel(tf.priority).selectOption("high");
    const spanish = page.getByRole("group", { name: tf.textIn.replace("{language}", tf.languages.es) });
    const title = `Los inspectores de trabajo no identifican a las víctimas ${tag}`;
    await spanish.getByLabel(tf.findingTitle).fill(title);
    await spanish.getByLabel(tf.description).fill("Ningún protocolo en las inspecciones.\n\n- Sin formación\n- Sin hoja de referencia");
    await page
      .getByLabel(/Taller de línea de base — Tegucigalpa/)
      .first()
      .check();
    await page.getByLabel("Rapport CICESCT 2018").check();
    const reported = page.getByRole("group", { name: tf.reportedBy });
    await reported.getByLabel(tf.searchInstitution).fill("Trabajo y Seguridad");
    await reported
      .getByRole("button", { name: /Secretaría de Trabajo y Seguridad Social/ })
      .first()
      .click();
    await page.getByRole("button", { name: fr.common.save }).click();

    // The finding, in French for this reader: shown in Spanish, marked as such, with its evidence.
    await expect(page.getByRole("heading", { name: title })).toBeVisible();
    await expect(page.getByText(tf.notTranslated.replace("{language}", tf.languages.es)).first()).toBeVisible();
    const evidence = page.getByRole("region", { name: tf.evidence });
    await expect(evidence).toContainText("Taller de línea de base — Tegucigalpa");
    await expect(evidence).toContainText("Rapport CICESCT 2018");
    await expect(evidence).toContainText("Secretaría de Trabajo y Seguridad Social");
    await expect(page.getByRole("listitem").filter({ hasText: "Sin hoja de referencia" })).toBeVisible();
    await expectAccessible(page);

    await page.getByRole("link", { name: tf.backToStudy }).click();
    const protection = page.getByRole("region", { name: tf.themes.protection });
    await expect(protection.getByRole("heading")).toContainText("1 constat");
    await expect(protection.getByRole("link", { name: new RegExp(tag) })).toBeVisible();
    await page.getByLabel(tf.search).fill("INSPECCIONES");
    await page.getByRole("button", { name: tf.filter }).click();
    await expect(page.getByRole("link", { name: new RegExp(tag) })).toBeVisible();
    await page.getByRole("form", { name: tf.filter }).getByLabel(tf.theme, { exact: true }).selectOption("prevention");
    await page.getByRole("button", { name: tf.filter }).click();
    await expect(page.getByText(tf.noMatch)).toBeVisible();

    // A draft is the staff's; once in review the partner reads it, in Spanish, as written.
    const partner = await browser.newContext({ storageState: storageStateFor("partner") });
    const partnerPage = await partner.newPage();
    const studies = (await (await partnerPage.request.get(`/api/v1/projects/${projectId}/studies`)).json()) as { id: string; title: string; findings: number }[];
    const study = studies.find((s) => s.title === `Étude de base ${tag}`)!;
    await partnerPage.goto(`/projects/${projectId}/studies/${study.id}`);
    await expect(partnerPage.getByText(es.findings.none)).toBeVisible();
    const findingUrl = new URL(page.url()).pathname;
    const [finding] = (await (await page.request.get(`/api/v1/projects/${projectId}/studies/${study.id}/findings`)).json()) as { id: string }[];
    const full = (await (await page.request.get(`/api/v1/projects/${projectId}/studies/${study.id}/findings/${finding!.id}`)).json()) as {
      finding: Record<string, unknown> & { version: number };
      workshops: { workshopId: string; day: string | null }[];
      institutions: { institutionId: string; role: string }[];
    };
    const moved = await page.request.patch(`/api/v1/projects/${projectId}/studies/${study.id}/findings/${finding!.id}`, {
      data: {
        ...full.finding,
        status: "in_review",
        workshops: full.workshops.map(({ workshopId, day }) => ({ workshopId, day })),
        institutions: full.institutions.map(({ institutionId, role }) => ({ institutionId, role })),
      },
      headers: originHeader,
    });
    expect(moved.status(), findingUrl).toBe(200);
    await partnerPage.reload();
    await partnerPage.getByRole("link", { name: new RegExp(tag) }).click();
    await expect(partnerPage.getByRole("heading", { name: title })).toBeVisible();
    await expect(partnerPage.getByText(es.findings.notTranslated.split(":")[0]!)).toHaveCount(0);
    await expect(partnerPage.getByRole("link", { name: es.findings.edit })).toHaveCount(0);
    await partner.close();
  });
});

test.describe("partner review and improvement actions", () => {
  test.use({ storageState: storageStateFor("manager") });

  test("the manager opens a review, the partner answers, the manager sees it, creates two actions for the finding and moves one to done", async ({ page, browser }) => {
    const tr = fr.reviews;
    const ta = fr.improvementActions;
    const projects = (await (await page.request.get("/api/v1/projects?q=HN-PARCLC")).json()) as { items: { id: string }[] };
    const projectId = projects.items[0]!.id;
    const tag = Date.now().toString(36);
    const study = (await (await page.request.post(`/api/v1/projects/${projectId}/studies`, { data: { title: `Estudio ${tag}` }, headers: originHeader })).json()) as { id: string };
    const title = `La derivación entre policía y fiscalía no está formalizada ${tag}`;
    const created = await page.request.post(`/api/v1/projects/${projectId}/studies/${study.id}/findings`, {
      data: { theme: "partnership", title: { original: "es", es: title }, description: { original: "es", es: "Sin protocolo de derivación." } },
      headers: originHeader,
    });
    expect(created.status()).toBe(201);

    await page.goto(`/projects/${projectId}/studies/${study.id}`);
    const open = page.getByRole("form", { name: tr.open });
    await open.getByLabel(tr.roundTitle).fill(`Ronda ${tag}`);
    await open.getByLabel(title).check();
    await open.getByLabel("Sofía Hernández").check();
    await open.getByRole("button", { name: tr.open }).click();
    await expect(page.getByRole("heading", { name: `Ronda ${tag}` })).toBeVisible();
    await expect(page.getByText(tr.noAnswer)).toBeVisible();

    // The partner finds it awaiting their review and answers, in Spanish.
    const partner = await browser.newContext({ storageState: storageStateFor("partner") });
    const partnerPage = await partner.newPage();
    await partnerPage.goto(`/projects/${projectId}`);
    const awaiting = partnerPage.getByRole("region", { name: es.reviews.awaiting });
    await awaiting.getByRole("link", { name: title }).click();
    const answer = partnerPage.getByRole("form", { name: `${es.reviews.yourAnswer} · ${title}` });
    await answer.getByLabel(es.reviews.answers.needs_change).check();
    await answer.getByLabel(es.reviews.comment).fill("Falta incluir a la Unidad contra la Trata.");
    await answer.getByRole("button", { name: es.reviews.send }).click();
    await expect(partnerPage.getByText(es.reviews.answered)).toBeVisible();
    await expectAccessible(partnerPage);
    await partnerPage.goto(`/projects/${projectId}`);
    await expect(partnerPage.getByRole("region", { name: es.reviews.awaiting }).getByRole("link", { name: title })).toHaveCount(0);
    await partner.close();

    await page.reload();
    await expect(page.getByText(`${tr.answers.needs_change}`)).toBeVisible();
    await expect(page.getByText("Falta incluir a la Unidad contra la Trata.")).toBeVisible();

    // Two actions answer the finding; one is carried out.
    await page.getByRole("link", { name: title }).click();
    for (const name of [`Protocolo de derivación ${tag}`, `Formación conjunta ${tag}`]) {
      await page.getByRole("link", { name: ta.newForFinding }).click();
      await page.getByLabel(ta.name).fill(name);
      await expect(page.getByLabel(title)).toBeChecked();
      await page.getByLabel(ta.dueDate).fill("2020-12-31");
      await page.getByLabel(ta.status).selectOption("planned");
      await page.getByRole("button", { name: fr.common.save }).click();
      await expect(page.getByRole("heading", { name })).toBeVisible();
      await page.getByRole("link", { name: title }).click();
    }
    const answering = page.getByRole("region", { name: ta.forFinding });
    await expect(answering.getByRole("listitem")).toHaveCount(2);
    await expect(answering).toContainText(ta.overdue);
    await answering.getByRole("link", { name: `Formación conjunta ${tag}` }).click();
    const update = page.getByRole("form", { name: ta.addUpdate });
    await update.getByLabel(ta.note).fill("Dos talleres conjuntos realizados.");
    await update.getByLabel(ta.newStatus).selectOption("done");
    await update.getByRole("button", { name: ta.addUpdate }).click();
    await expect(page.getByText(ta.updateAdded)).toBeVisible();
    await page.reload();
    await expect(page.getByText("Dos talleres conjuntos realizados.")).toBeVisible();
    await expect(page.getByText(`${ta.statuses.planned} → ${ta.statuses.done}`)).toBeVisible();

    // The study as an editable Word document, in Spanish: the finding, the partner's answer, the actions.
    await page.goto(`/projects/${projectId}/studies/${study.id}`);
    const exporter = page.getByRole("form", { name: fr.studies.export });
    await exporter.getByLabel(fr.studies.exportLanguage).selectOption("es");
    const download = page.waitForEvent("download");
    await exporter.getByRole("button", { name: fr.studies.exportDocx }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^study-es-.*\.docx$/);
    const text = await docxText(fs.readFileSync((await file.path())!));
    expect(text).toContain(title);
    expect(text).toContain(`${es.reviews.answers.needs_change}: 1`);
    expect(text).toContain(`Formación conjunta ${tag}`);

    await page.goto(`/projects/${projectId}/actions?view=board&q=${tag}`);
    await expect(page.getByRole("region", { name: ta.statuses.done }).getByRole("link", { name: `Formación conjunta ${tag}` })).toBeVisible();
    await expect(page.getByRole("region", { name: ta.statuses.planned }).getByRole("link", { name: `Protocolo de derivación ${tag}` })).toBeVisible();
    await expectAccessible(page);
  });
});

test.describe("two people editing one finding", () => {
  test.use({ storageState: storageStateFor("manager") });

  test("the second save is refused with the other's version shown, and goes through when saved again", async ({ page, browser }) => {
    const tf = fr.findings;
    const projects = (await (await page.request.get("/api/v1/projects?q=HN-PARCLC")).json()) as { items: { id: string }[] };
    const projectId = projects.items[0]!.id;
    const tag = Date.now().toString(36);
    const study = (await (await page.request.post(`/api/v1/projects/${projectId}/studies`, { data: { title: `Estudio ${tag}` }, headers: originHeader })).json()) as { id: string };
    const finding = (await (
      await page.request.post(`/api/v1/projects/${projectId}/studies/${study.id}/findings`, {
        data: { theme: "data", title: { original: "fr", fr: `Constat ${tag}` }, description: { original: "fr", fr: "Texte." } },
        headers: originHeader,
      })
    ).json()) as { id: string };
    const editUrl = `/projects/${projectId}/studies/${study.id}/findings/${finding.id}/edit`;
    const other = await browser.newContext({ storageState: storageStateFor("manager") });
    const otherPage = await other.newPage();
    await page.goto(editUrl);
    await otherPage.goto(editUrl);
    const frenchTitle = (p: typeof page) => p.getByRole("group", { name: tf.textIn.replace("{language}", tf.languages.fr) }).getByLabel(tf.findingTitle);

    await frenchTitle(otherPage).fill(`Constat revu par l'autre ${tag}`);
    await otherPage.getByRole("button", { name: fr.common.save }).click();
    await expect(otherPage.getByRole("heading", { name: `Constat revu par l'autre ${tag}` })).toBeVisible();

    await frenchTitle(page).fill(`Ma version ${tag}`);
    await page.getByRole("button", { name: fr.common.save }).click();
    await expect(page.getByRole("alert").filter({ hasText: fr.errors.staleShown })).toBeVisible();
    await expect(page.getByRole("region", { name: fr.common.theirVersion })).toContainText(`Constat revu par l'autre ${tag}`);
    await page.getByRole("button", { name: fr.common.save }).click();
    await expect(page.getByRole("heading", { name: `Ma version ${tag}` })).toBeVisible();
    await other.close();
  });
});
