import type { APIResponse, Browser } from "@playwright/test";
import { storageStateFor } from "./support/accounts";
import { acceptSignInLink, createUserWithLink, expect, expectAccessible, newAnonymousContext, originHeader, test, uniqueEmail } from "./support/fixtures";
import { fill, messages } from "./support/messages";

const fr = messages.fr;
const es = messages.es;

const phone = { width: 390, height: 844 };

/**
 * A new project of its own, so the chain starts empty, with a new manager (French) and a new partner
 * (Spanish), each signed in on a phone: a role granted to a demo account would end its sessions.
 */
async function newProject(browser: Browser) {
  const admin = await browser.newContext({ storageState: storageStateFor("admin") });
  const tag = Date.now().toString(36).toUpperCase();
  const created = await admin.request.post("/api/v1/projects", {
    data: { code: `LM-${tag}`, name: { original: "fr", fr: `Cadre de résultats ${tag}` }, country: "HN", startDate: "2026-01-01", endDate: "2028-12-31", status: "active" },
    headers: originHeader,
  });
  expect(created.status()).toBe(201);
  const { id: projectId } = (await created.json()) as { id: string };
  const member = async (role: "manager" | "partner", locale: "fr" | "es") => {
    const { userId, token } = await createUserWithLink(admin.request, { name: `Modèle ${role}`, email: uniqueEmail(`lm-${role}`), locale });
    const granted = await admin.request.post(`/api/v1/projects/${projectId}/members`, { data: { userId, role }, headers: originHeader });
    expect(granted.ok()).toBe(true);
    const context = await newAnonymousContext(browser, phone);
    const page = await context.newPage();
    await acceptSignInLink(page, token, "modele-logique-2026");
    await expect(page).toHaveURL(/\/projects/);
    return page;
  };
  const pages = { manager: await member("manager", "fr"), partner: await member("partner", "es") };
  await admin.close();
  return { projectId, ...pages };
}

test.describe("the logic model on a phone", () => {
  test("a manager builds two levels in French with the codes suggested, cannot delete a result with another under it, and a partner reads the tree in Spanish", async ({
    browser,
  }) => {
    const { projectId, manager: page, partner: partnerPage } = await newProject(browser);
    await page.goto(`/projects/${projectId}`);
    await page.getByRole("link", { name: fr.logicModel.title }).click();
    await expect(page.getByText(fr.logicModel.empty)).toBeVisible();

    await page.getByRole("link", { name: fr.logicModel.add.ultimate }).click();
    await expect(page.getByLabel(fr.logicModel.code)).toHaveValue("1000");
    const inFrench = page.getByRole("group", { name: fill(fr.common.inLanguage, { language: fr.language.fr }) });
    await inFrench.getByLabel(fr.logicModel.statement).fill("Vulnérabilité réduite des populations marginalisées");
    await page.getByRole("button", { name: fr.common.save }).click();
    await expect(page.getByText("Vulnérabilité réduite des populations marginalisées")).toBeVisible();

    await page.getByRole("link", { name: fr.logicModel.add.intermediate }).click();
    await expect(page.getByLabel(fr.logicModel.code)).toHaveValue("1100");
    await inFrench.getByLabel(fr.logicModel.statement).fill("Meilleur accompagnement des victimes");
    await page.getByRole("button", { name: fr.common.save }).click();
    const ultimate = page.getByRole("listitem").filter({ hasText: "1000" }).first();
    await expect(ultimate.getByRole("listitem").filter({ hasText: "1100" })).toContainText("Meilleur accompagnement des victimes");

    // The ultimate outcome has a result under it: the deletion is refused and says why.
    await ultimate.getByRole("button", { name: fr.logicModel.delete }).first().click();
    await page.getByRole("dialog").getByRole("button", { name: fr.logicModel.delete }).click();
    await expect(ultimate.getByRole("alert")).toContainText("1 résultat se trouve sous celui-ci");
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await expectAccessible(page);

    await partnerPage.goto(`/projects/${projectId}/logic-model`);
    await expect(partnerPage.getByText(es.logicModel.levels.ultimate, { exact: true })).toBeVisible();
    await expect(partnerPage.getByText("Meilleur accompagnement des victimes")).toBeVisible();
    await expect(partnerPage.getByText(fill(es.findings.notTranslated, { language: es.findings.languages.fr })).first()).toBeVisible();
    await expect(partnerPage.getByRole("link", { name: es.logicModel.edit })).toHaveCount(0);
    await page.context().close();
    await partnerPage.context().close();
  });

  test("a manager links a new workshop to an output: the workshop names it, the output's page lists the workshop for a partner in Spanish, and the output cannot be deleted while linked", async ({
    browser,
  }) => {
    const { projectId, manager: page, partner: partnerPage } = await newProject(browser);
    let parentId: string | null = null;
    for (const text of ["Vulnérabilité réduite", "Victimes mieux accompagnées", "Identification améliorée", "Policiers formés à l'identification"]) {
      const created: APIResponse = await page.request.post(`/api/v1/projects/${projectId}/logic-model/results`, {
        data: { parentId, statement: { original: "fr", fr: text } },
        headers: originHeader,
      });
      expect(created.status()).toBe(201);
      parentId = ((await created.json()) as { id: string }).id;
    }
    const output = `1111 — Policiers formés à l'identification`;

    await page.goto(`/projects/${projectId}/workshops/new`);
    await page.getByLabel(fr.workshops.name, { exact: true }).fill("Formation à l'identification");
    await page.getByLabel(fr.workshops.startDate).fill("2027-03-02");
    await page.getByLabel(fr.workshops.endDate).fill("2027-03-03");
    await page.getByRole("group", { name: fr.logicModel.outputs }).getByLabel(output).check();
    await page.getByRole("button", { name: fr.common.save }).click();
    await expect(page.getByRole("heading", { name: "Formation à l'identification" })).toBeVisible();
    await page.getByRole("link", { name: /^1111/ }).click();
    const workshops = page.getByRole("region", { name: fr.logicModel.linkedWorkshops });
    await expect(workshops.getByRole("link", { name: "Formation à l'identification" })).toBeVisible();
    await expectAccessible(page);

    await page.goto(`/projects/${projectId}/logic-model`);
    const linked = page.getByRole("listitem").filter({ hasText: "Policiers formés à l'identification" }).last();
    await linked.getByRole("button", { name: fr.logicModel.delete }).click();
    await page.getByRole("dialog").getByRole("button", { name: fr.logicModel.delete }).click();
    await expect(linked.getByRole("alert")).toContainText("1 atelier, mission, action ou constat est lié à ce résultat");

    await partnerPage.goto(`/projects/${projectId}/logic-model/${parentId}`);
    await expect(partnerPage.getByRole("heading", { name: es.logicModel.done })).toBeVisible();
    await expect(partnerPage.getByRole("region", { name: es.logicModel.linkedWorkshops }).getByRole("link", { name: "Formation à l'identification" })).toBeVisible();
    await expect(partnerPage.getByRole("link", { name: es.logicModel.edit })).toHaveCount(0);
    expect(await partnerPage.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await page.context().close();
    await partnerPage.context().close();
  });

  test("a manager sets the project's years as periods and an indicator with its baseline, targets and a target for women, refused at 120 %; a partner reads it in Spanish", async ({
    browser,
  }) => {
    const { projectId, manager: page, partner: partnerPage } = await newProject(browser);
    const created = await page.request.post(`/api/v1/projects/${projectId}/logic-model/results`, {
      data: { parentId: null, statement: { original: "fr", fr: "Vulnérabilité réduite" } },
      headers: originHeader,
    });
    const { id: resultId } = (await created.json()) as { id: string };

    await page.goto(`/projects/${projectId}/logic-model`);
    await page.getByRole("link", { name: fr.indicators.periods }).click();
    await page.getByRole("button", { name: fr.indicators.useYears }).click();
    const periods = page.getByRole("region", { name: fr.indicators.periods });
    await expect(periods.getByRole("row")).toHaveCount(4);

    await page.goto(`/projects/${projectId}/logic-model/${resultId}`);
    await page.getByRole("link", { name: fr.indicators.add }).click();
    await page.getByLabel(fr.indicators.code).fill("1000.1");
    await page.getByLabel(fr.indicators.unit).selectOption("percentage");
    const inFrench = page.getByRole("group", { name: fill(fr.common.inLanguage, { language: fr.language.fr }) });
    await inFrench.getByLabel(fr.indicators.statement, { exact: true }).fill("% des victimes identifiées qui sont prises en charge");
    await page.getByLabel(fr.indicators.baselineValue).fill("35");
    for (const [year, value] of [
      ["2026", "40"],
      ["2027", "55"],
      ["2028", "70"],
    ]) {
      await page.getByLabel(fill(fr.indicators.targetFor, { period: year! })).fill(value!);
    }
    await page.getByRole("group", { name: fr.indicators.disaggregations }).getByLabel(fr.indicators.disaggregationNames.sex).check();
    const women = fill(fr.indicators.groupLabel, { disaggregation: fr.indicators.disaggregationNames.sex, group: fr.participants.sexes.woman });
    await page.getByLabel(fill(fr.indicators.targetForGroup, { group: women, period: "2028" })).fill("80");
    await page.getByLabel(fr.indicators.endTarget).fill("120");
    await page.getByRole("button", { name: fr.common.save }).click();
    await expect(page.getByText(fr.validation.percentAbove100)).toBeVisible();
    await page.getByLabel(fr.indicators.endTarget).fill("70");
    await page.getByRole("button", { name: fr.common.save }).click();

    await expect(page.getByRole("heading", { name: /1000\.1/ })).toBeVisible();
    const targets = page.getByRole("region", { name: fr.indicators.targetsAndActuals });
    await expect(targets.getByRole("row", { name: /2027/ })).toContainText("55");
    await expect(targets.getByRole("row", { name: /2028/ })).toContainText(`${women} · 80`);
    await expect(page.getByText(fill(fr.indicators.historyEntry, { action: fr.indicators.actions.create, actor: "Modèle manager" }))).toBeVisible();
    await expectAccessible(page);

    await partnerPage.goto(`/projects/${projectId}/logic-model/${resultId}`);
    await partnerPage.getByRole("link", { name: /1000\.1/ }).click();
    await expect(partnerPage.getByRole("heading", { name: es.indicators.targetsAndActuals })).toBeVisible();
    await expect(partnerPage.getByRole("region", { name: es.indicators.targetsAndActuals }).getByRole("row", { name: new RegExp(es.indicators.endTarget) })).toContainText("70");
    await expect(partnerPage.getByRole("link", { name: es.indicators.edit })).toHaveCount(0);
    expect(await partnerPage.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await page.context().close();
    await partnerPage.context().close();
  });
});
