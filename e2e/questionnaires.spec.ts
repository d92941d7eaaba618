import type { APIRequestContext, Page } from "@playwright/test";
import { storageStateFor } from "./support/accounts";
import { expect, expectAccessible, originHeader, test } from "./support/fixtures";
import { fill, messages } from "./support/messages";

const fr = messages.fr;
const es = messages.es;
const phone = { width: 390, height: 844 };

async function newHondurasWorkshop(request: APIRequestContext) {
  const projects = (await (await request.get("/api/v1/projects?q=HN-PARCLC")).json()) as { items: { id: string }[] };
  const projectId = projects.items[0]!.id;
  const title = `Formación e2e ${Date.now().toString(36)}`;
  const created = await request.post(`/api/v1/projects/${projectId}/workshops`, {
    data: { title, type: "training", city: "San Pedro Sula", startDate: "2026-11-30", endDate: "2026-12-01", language: "es", status: "held" },
    headers: originHeader,
  });
  expect(created.status()).toBe(201);
  return { projectId, workshopId: ((await created.json()) as { id: string }).id };
}

/** Answers the test on the public page: the pairing code, then the choices given in order. */
async function answerOnPhone(page: Page, code: string, choices: string[]) {
  await page.getByLabel(es.publicQuestionnaire.pairingCode).fill(code);
  for (const choice of choices) await page.getByRole("radio", { name: choice }).check();
  await page.getByRole("button", { name: es.publicQuestionnaire.send }).click();
  await expect(page.getByRole("status")).toHaveText(es.publicQuestionnaire.thanks);
}

test.describe("learning measured at a workshop", () => {
  test.use({ storageState: storageStateFor("manager") });

  test("a manager copies the tests of another workshop, people answer the pre-test on their phones in Spanish without an account, staff type in two paper post-tests, and the results pair them", async ({
    page,
    browser,
  }) => {
    const { projectId, workshopId } = await newHondurasWorkshop(page.request);
    const base = `/projects/${projectId}/workshops/${workshopId}/questionnaires`;
    await page.goto(`/projects/${projectId}/workshops/${workshopId}`);
    await page.getByRole("link", { name: fr.questionnaires.title }).click();
    await expect(page).toHaveURL(base);

    // The Tegucigalpa workshop's pre-test and post-test, copied as drafts, then opened.
    for (const kind of ["pre_test", "post_test"] as const) {
      const copy = page.getByRole("form", { name: fr.questionnaires.copy });
      await copy.getByLabel(fr.questionnaires.copyFrom).selectOption({ label: `Taller de línea de base — Tegucigalpa (2019-06-18) — ${fr.questionnaires.kinds[kind]}` });
      await copy.getByRole("button", { name: fr.questionnaires.copy }).click();
      const section = page.getByRole("region", { name: fr.questionnaires.kinds[kind] });
      await expect(section).toContainText(fr.questionnaires.statuses.draft);
      await section.getByRole("button", { name: fr.questionnaires.open }).click();
      await expect(section).toContainText(fr.questionnaires.statuses.open);
    }
    await expectAccessible(page);
    const pre = page.getByRole("region", { name: fr.questionnaires.kinds.pre_test });
    await expect(pre.getByRole("img", { name: fill(fr.questionnaires.qrLabel, { kind: fr.questionnaires.kinds.pre_test }) })).toBeVisible();
    const publicLink = (await pre.getByRole("link", { name: /\/q\// }).getAttribute("href"))!;

    // Two people on their phones, no session, a Spanish browser.
    const phoneContext = await browser.newContext({ storageState: { cookies: [], origins: [] }, viewport: phone, locale: "es-HN" });
    const respondent = await phoneContext.newPage();
    await respondent.goto(publicLink);
    await expect(respondent.getByRole("heading", { level: 1 })).toHaveText("Prueba inicial");
    expect(await respondent.locator("script").count()).toBe(0);
    await expectAccessible(respondent);
    await respondent.getByLabel(es.publicQuestionnaire.pairingCode).fill("M7");
    await respondent.getByRole("button", { name: es.publicQuestionnaire.send }).click();
    await expect(respondent.getByRole("alert")).toBeVisible();
    await expect(respondent.getByText(es.validation.pairingCodeShape)).toBeVisible();
    await answerOnPhone(respondent, "ma7", [es.publicQuestionnaire.true, "La Convención de Viena", "A migración, para su deportación"]);
    await respondent.goto(publicLink);
    await answerOnPhone(respondent, "RO15", [es.publicQuestionnaire.false, "El Protocolo de Palermo", "A migración, para su deportación"]);
    await phoneContext.close();

    // Two paper post-tests typed in, by pairing code, keyboard first.
    await page.goto(base);
    await page.getByRole("region", { name: fr.questionnaires.kinds.post_test }).getByRole("link", { name: fr.questionnaires.enterAnswers }).click();
    for (const code of ["MA07", "RO15"]) {
      await page.getByLabel(fr.questionnaires.pairingCode).fill(code);
      await page.getByRole("radio", { name: fr.questionnaires.false }).check();
      // The manager reads the questions in French, their language.
      await page.getByRole("radio", { name: "Le Protocole de Palerme" }).check();
      await page.getByRole("radio", { name: "À la CICESCT et son équipe d'intervention immédiate" }).check();
      await page.getByRole("button", { name: fr.questionnaires.saveResponse }).click();
      await expect(page.getByRole("status").filter({ hasText: fr.questionnaires.responseSaved })).toBeVisible();
      await expect(page.getByLabel(fr.questionnaires.pairingCode)).toHaveValue("");
    }

    // Three more post-tests from a KoboToolbox export: its HXL row skipped, the third question split into 0/1 columns.
    const tag = Date.now().toString(36);
    const kobo = [
      "start,post/codigo,post/q1,post/q2,post/q3/1,post/q3/2,_uuid",
      "#date,#code,#q1,#q2,#q3,#q3,#uuid",
      `2026-12-01,LU03,falso,2,0,1,${tag}-1`,
      `2026-12-01,JO15,verdadero,1,1,0,${tag}-2`,
      `2026-12-01,AN21,false,b,0,1,${tag}-3`,
    ].join("\n");
    await page.getByLabel(messages.fr.imports.file).setInputFiles({ name: "kobo.csv", mimeType: "text/csv", buffer: Buffer.from(kobo) });
    await expect(page.getByLabel(fr.questionnaires.pairingCode, { exact: true }).last()).toHaveValue("1");
    await page.getByRole("button", { name: fr.questionnaires.check }).click();
    await expect(page.getByRole("status").filter({ hasText: fill(fr.questionnaires.counts, { new: 3, existing: 0, error: 0 }) })).toBeVisible();
    await page.getByRole("button", { name: fr.questionnaires.importNow }).click();
    await expect(page.getByText(fill(fr.questionnaires.done, { added: 3, skipped: 0 }))).toBeVisible();

    await page.goto(`${base}/results`);
    await expect(page.getByText(fill(fr.questionnaires.gainExplained, { pairs: 2, perfect: 0 }))).toBeVisible();
    const gain = page.getByRole("table", { name: fr.questionnaires.gain });
    // Two pairs are fewer than the threshold: nothing is shown that could single them out.
    await expect(gain.getByRole("row", { name: fr.questionnaires.everyone })).toContainText(fr.questionnaires.tooFew);
    await expectAccessible(page);

    // Closed, the link takes no more answers.
    await page.goto(base);
    await page.getByRole("region", { name: fr.questionnaires.kinds.pre_test }).getByRole("button", { name: fr.questionnaires.close }).click();
    await expect(page.getByRole("region", { name: fr.questionnaires.kinds.pre_test })).toContainText(fr.questionnaires.statuses.closed);
    const late = await (await browser.newContext({ storageState: { cookies: [], origins: [] }, locale: "es-HN" })).newPage();
    await late.goto(publicLink);
    await expect(late.getByRole("alert")).toHaveText(es.publicQuestionnaire.closed);
  });

  test("the Tegucigalpa results show the gain by sex to the manager", async ({ page }) => {
    const projects = (await (await page.request.get("/api/v1/projects?q=HN-PARCLC")).json()) as { items: { id: string }[] };
    const projectId = projects.items[0]!.id;
    const list = (await (await page.request.get(`/api/v1/projects/${projectId}/workshops?q=Tegucigalpa`)).json()) as { items: { id: string }[] };
    await page.goto(`/projects/${projectId}/workshops/${list.items[0]!.id}/questionnaires/results`);
    const gain = page.getByRole("table", { name: fr.questionnaires.gain });
    await expect(gain.getByRole("row", { name: fr.questionnaires.everyone })).toContainText(fill(fr.questionnaires.percentOfN, { percent: 81, n: 25 }));
    await expect(gain.getByRole("row", { name: fr.participants.sexes.woman })).toContainText(fill(fr.questionnaires.percentOfN, { percent: 80, n: 11 }));
    await expect(gain.getByRole("row", { name: fr.participants.sexes.man })).toContainText(fill(fr.questionnaires.percentOfN, { percent: 94, n: 7 }));
  });
});
