import type { Browser } from "@playwright/test";
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
});
