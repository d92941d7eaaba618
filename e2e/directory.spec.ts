import { storageStateFor } from "./support/accounts";
import { expect, expectAccessible, originHeader, test } from "./support/fixtures";
import { messages } from "./support/messages";

const fr = messages.fr;

test.describe("institutions, as a manager (French)", () => {
  test.use({ storageState: storageStateFor("manager") });

  test("an accent-less search finds the ministry, and the filters live in the URL", async ({ page }) => {
    await page.goto("/institutions");
    await page.getByRole("searchbox", { name: fr.common.search }).fill("secretaria de educacion");
    await page.getByRole("button", { name: fr.common.apply }).click();
    await expect(page).toHaveURL(/q=secretaria\+de\+educacion/);
    const table = page.getByRole("table", { name: fr.institutions.title });
    await expect(table.getByRole("link", { name: "Secretaría de Educación" })).toBeVisible();
    await expect(page.getByText("1 institution", { exact: true })).toBeVisible();
    await expectAccessible(page);

    // The same URL, opened afresh, shows the same view.
    await page.goto(page.url());
    await expect(table.getByRole("row")).toHaveCount(2);

    await page.goto("/institutions?sector=civil_society&country=HN");
    await expect(table).toContainText("Asociación Calidad de Vida");
    await expect(table).not.toContainText("Secretaría de Salud");
  });

  test("the CICESCT filter lists its members, and an institution shows its body", async ({ page }) => {
    const bodies = (await (await page.request.get("/api/v1/bodies")).json()) as { id: string; acronym: string }[];
    const cicesct = bodies.find((b) => b.acronym === "CICESCT")!;
    await page.goto(`/institutions?bodyId=${cicesct.id}`);
    const table = page.getByRole("table", { name: fr.institutions.title });
    await expect(table.getByRole("row")).toHaveCount(5);
    await table.getByRole("link", { name: "Poder Judicial de Honduras" }).click();
    await expect(page.getByRole("table", { name: fr.institutions.bodies })).toContainText("CICESCT");
    await expectAccessible(page);
  });

  test("a manager creates a sub-institution, and a loop in the hierarchy is refused", async ({ page }) => {
    const name = `Dirección Regional ${Date.now()}`;
    await page.goto("/institutions/new");
    await page.getByLabel(fr.institutions.name, { exact: true }).fill(name);
    await page.getByLabel(fr.institutions.acronym, { exact: true }).fill("DR");
    await page.getByLabel(fr.institutions.kind).selectOption("government_agency");
    await page.getByLabel(fr.institutions.level).selectOption("regional");
    await page.getByPlaceholder(fr.institutions.pickerSearch).fill("secretaria de salud");
    await page.getByRole("radio", { name: /Secretaría de Salud/ }).check();
    await page.getByRole("button", { name: fr.common.save }).click();
    await expect(page.getByRole("heading", { name })).toBeVisible();
    await expect(page.getByRole("link", { name: "Secretaría de Salud" })).toBeVisible();

    // Now try to put the ministry under its own sub-institution.
    await page.getByRole("link", { name: "Secretaría de Salud" }).click();
    await expect(page.getByRole("heading", { name: "Secretaría de Salud" })).toBeVisible();
    await page.getByRole("link", { name: fr.institutions.edit }).click();
    await expect(page.getByRole("heading", { name: fr.institutions.edit })).toBeVisible();
    await page.getByPlaceholder(fr.institutions.pickerSearch).fill(name.slice(0, 20));
    await page.getByRole("radio", { name: new RegExp(name) }).check();
    await page.getByRole("button", { name: fr.common.save }).click();
    await expect(page.getByText(fr.validation.parentCycle)).toBeVisible();
    await expectAccessible(page);
  });

  test("a duplicate is merged into the record that stays", async ({ page }) => {
    const duplicate = await page.request.post("/api/v1/institutions", {
      data: { name: `Secretaria de Trabajo (doublon ${Date.now()})`, acronym: "STSS", country: "HN", sector: "state", kind: "ministry", level: "national" },
      headers: originHeader,
    });
    expect(duplicate.status()).toBe(201);
    const { id, name } = (await duplicate.json()) as { id: string; name: string };
    await page.goto(`/institutions/${id}`);
    await page.getByPlaceholder(fr.institutions.pickerSearch).fill("Secretaría de Trabajo y");
    await page.getByRole("radio", { name: /Secretaría de Trabajo y Seguridad Social/ }).check();
    await page.getByRole("button", { name: fr.institutions.merge }).click();
    await page.getByRole("dialog").getByRole("button", { name: fr.institutions.merge }).click();
    await expect(page.getByRole("status").filter({ hasText: fr.institutions.merged })).toBeVisible();
    await expect(page.getByRole("heading", { name: "Secretaría de Trabajo y Seguridad Social" })).toBeVisible();
    expect((await page.request.get(`/api/v1/institutions/${id}`)).status()).toBe(404);
    await page.goto(`/institutions?q=${encodeURIComponent(name)}`);
    await expect(page.getByText(fr.institutions.noMatch)).toBeVisible();
  });
});

test.describe("institutions, as a partner (Spanish)", () => {
  test.use({ storageState: storageStateFor("partner") });

  test("a partner reads the directory but is offered no change, and the API refuses one", async ({ page }) => {
    const es = messages.es;
    await page.goto("/institutions");
    await expect(page.getByRole("heading", { name: es.institutions.title })).toBeVisible();
    await expect(page.getByRole("link", { name: es.institutions.new })).toHaveCount(0);
    await page.getByRole("link", { name: "Secretaría de Salud" }).click();
    await expect(page.getByRole("link", { name: es.institutions.edit })).toHaveCount(0);
    await expect(page.getByRole("heading", { name: es.institutions.curation })).toHaveCount(0);
    const refused = await page.request.post("/api/v1/institutions", {
      data: { name: "Intento", country: "HN", sector: "state", kind: "ministry", level: "national" },
      headers: originHeader,
    });
    expect(refused.status()).toBe(403);
    expect((await page.goto("/institutions/new"))?.status()).toBe(404);
    await expectAccessible(page);
  });
});
