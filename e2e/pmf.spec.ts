import ExcelJS from "exceljs";
import type { Browser } from "@playwright/test";
import { storageStateFor } from "./support/accounts";
import { acceptSignInLink, createUserWithLink, expect, expectAccessible, newAnonymousContext, originHeader, test, uniqueEmail } from "./support/fixtures";
import { fill, messages } from "./support/messages";

const fr = messages.fr;
const es = messages.es;

const phone = { width: 390, height: 844 };
const desktop = { width: 1280, height: 900 };

/** A new project of 2026–2028 with a French manager on a phone and Spanish field staff on a desktop. */
async function newProject(browser: Browser) {
  const admin = await browser.newContext({ storageState: storageStateFor("admin") });
  const tag = Date.now().toString(36).toUpperCase();
  const created = await admin.request.post("/api/v1/projects", {
    data: { code: `PMF-${tag}`, name: { original: "fr", fr: `Cadre de mesure ${tag}` }, country: "HN", startDate: "2026-01-01", endDate: "2028-12-31", status: "active" },
    headers: originHeader,
  });
  expect(created.status()).toBe(201);
  const { id: projectId } = (await created.json()) as { id: string };
  const member = async (role: "manager" | "field", locale: "fr" | "es", viewport: { width: number; height: number }) => {
    const { userId, token } = await createUserWithLink(admin.request, { name: `CMR ${role}`, email: uniqueEmail(`pmf-${role}`), locale });
    const granted = await admin.request.post(`/api/v1/projects/${projectId}/members`, { data: { userId, role }, headers: originHeader });
    expect(granted.ok()).toBe(true);
    const page = await (await newAnonymousContext(browser, viewport)).newPage();
    await acceptSignInLink(page, token, "cadre-de-mesure-2026");
    await expect(page).toHaveURL(/\/projects/);
    return page;
  };
  const pages = { manager: await member("manager", "fr", phone), field: await member("field", "es", desktop) };
  await admin.close();
  return { projectId, ...pages };
}

test.describe("the performance measurement framework", () => {
  test("a manager on a phone builds two levels in French with a computed and a reported indicator, field staff on a desktop reports a value in Spanish, the manager approves it, and the PMF and its Excel export hold target and actual", async ({
    browser,
  }) => {
    const { projectId, manager: page, field } = await newProject(browser);
    const inFrench = page.getByRole("group", { name: fill(fr.common.inLanguage, { language: fr.language.fr }) });

    await page.goto(`/projects/${projectId}/logic-model`);
    await page.getByRole("link", { name: fr.indicators.periods }).click();
    await page.getByRole("button", { name: fr.indicators.useYears }).click();
    await expect(page.getByRole("region", { name: fr.indicators.periods }).getByRole("row")).toHaveCount(4);
    await page.goto(`/projects/${projectId}/logic-model`);
    await page.getByRole("link", { name: fr.logicModel.add.ultimate }).click();
    await inFrench.getByLabel(fr.logicModel.statement).fill("Vulnérabilité réduite des populations marginalisées");
    await page.getByRole("button", { name: fr.common.save }).click();
    await page.getByRole("link", { name: fr.logicModel.add.intermediate }).click();
    await inFrench.getByLabel(fr.logicModel.statement).fill("Meilleur accompagnement des victimes");
    await page.getByRole("button", { name: fr.common.save }).click();
    await expect(page.getByText("Meilleur accompagnement des victimes")).toBeVisible();

    // A computed indicator on the ultimate outcome: workshops held, counted by Atelier.
    await page.getByRole("link", { name: /1000/ }).first().click();
    await page.getByRole("link", { name: fr.indicators.add }).click();
    await page.getByLabel(fr.indicators.code).fill("1000.1");
    await inFrench.getByLabel(fr.indicators.statement, { exact: true }).fill("Nombre d'ateliers tenus");
    await page.getByLabel(fr.calculations.how).selectOption({ label: fr.calculations.kinds.workshops_held });
    await page.getByLabel(fr.calculations.parameters.workshopType).selectOption("training");
    await page.getByLabel(fill(fr.indicators.targetFor, { period: "2026" })).fill("2");
    await page.getByRole("button", { name: fr.common.save }).click();
    await expect(page.getByRole("heading", { name: /1000\.1/ })).toBeVisible();
    await expect(page.getByText(fr.calculations.sentences.workshops_held, { exact: false })).toBeVisible();

    // A reported one on the intermediate outcome.
    await page.goto(`/projects/${projectId}/logic-model`);
    await page.getByRole("link", { name: /1100/ }).first().click();
    await page.getByRole("link", { name: fr.indicators.add }).click();
    await page.getByLabel(fr.indicators.code).fill("1100.1");
    await inFrench.getByLabel(fr.indicators.statement, { exact: true }).fill("Victimes orientées vers une prise en charge");
    await page.getByLabel(fill(fr.indicators.targetFor, { period: "2026" })).fill("40");
    await page.getByRole("button", { name: fr.common.save }).click();
    await expect(page.getByRole("heading", { name: /1100\.1/ })).toBeVisible();
    const indicatorUrl = page.url();
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);

    // Field staff report the value in Spanish.
    await field.goto(indicatorUrl);
    const report = field.getByRole("form", { name: es.indicators.reportValue });
    await report.getByLabel(es.indicators.period).selectOption({ label: "2026" });
    await report.getByLabel(es.indicators.reportedValue).fill("35");
    await report.getByLabel(es.indicators.valueComment).fill("Fichas de derivación de enero a junio");
    await report.getByRole("button", { name: es.indicators.submitValue }).click();
    await expect(field.getByText(es.indicators.valueSubmitted)).toBeVisible();
    await expect(field.getByText(es.indicators.statuses.submitted)).toBeVisible();
    await expectAccessible(field);

    // The manager approves it: it now counts.
    await page.reload();
    await page.getByRole("form", { name: fr.indicators.reviewValue }).getByRole("button", { name: fr.indicators.approve }).click();
    await expect(page.getByText(fr.indicators.valueApproved)).toBeVisible();
    const targets = page.getByRole("region", { name: fr.indicators.targetsAndActuals });
    await expect(targets.getByRole("row", { name: /^2026/ })).toContainText("35");
    await expect(targets.getByRole("row", { name: /^2026/ })).toContainText(fr.indicators.progress.behind);

    // The PMF shows target and actual for both, and its Excel export holds them.
    await page.goto(`/projects/${projectId}/pmf`);
    const pmf = page.getByRole("region", { name: fr.pmf.title });
    const reported = pmf.getByRole("row", { name: /1100\.1/ });
    await expect(reported).toContainText("40");
    await expect(reported).toContainText("35");
    await expect(reported).toContainText("88 %");
    await expect(pmf.getByRole("row", { name: /1000\.1/ })).toContainText(fr.pmf.computed);
    await expectAccessible(page);
    const download = await page.request.get(`/api/v1/projects/${projectId}/pmf/export?format=xlsx&lang=fr`);
    expect(download.ok()).toBe(true);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await download.body()) as unknown as ArrayBuffer);
    const rows: string[][] = [];
    workbook.worksheets[0]!.eachRow((row) => rows.push((row.values as ExcelJS.CellValue[]).slice(1).map((v) => (v === null || v === undefined ? "" : String(v)))));
    const headers = rows.find((r) => r.includes(fr.pmf.columns.indicatorCode))!;
    const line = rows.find((r) => r.includes("1100.1"))!;
    expect(line[headers.indexOf(`2026 · ${fr.pmf.columns.periodTarget}`)]).toBe("40");
    expect(line[headers.indexOf(`2026 · ${fr.pmf.columns.periodActual}`)]).toBe("35");
    await page.context().close();
    await field.context().close();
  });
});
