import { storageStateFor } from "./support/accounts";
import { expect, expectAccessible, test } from "./support/fixtures";
import { messages } from "./support/messages";

const es = messages.es.evaluations;

test.describe("evaluation results, as the partner (Spanish)", () => {
  test.use({ storageState: storageStateFor("partner"), viewport: { width: 390, height: 844 } });

  test("show the Honduras figures of the closing report, with their n, per group, and too few answers where a group was not asked", async ({ page }) => {
    const projects = (await (await page.request.get("/api/v1/projects?q=HN-PARCLC")).json()) as { items: { id: string }[] };
    await page.goto(`/projects/${projects.items[0]!.id}`);
    await page.getByRole("link", { name: es.title }).click();
    await page.getByRole("link", { name: "Évaluation finale — Honduras" }).click();
    const statement = (text: RegExp) => page.getByRole("region", { name: text });
    await expect(statement(/vulnerabilidad de las poblaciones marginadas/)).toContainText("76 % de 109");
    await expect(statement(/impacto positivo en la vida de las víctimas/)).toContainText("86 % de 109");
    await expect(statement(/efectos positivos perduren/)).toContainText("96 % de 109");
    const children = statement(/protección de la niñez/);
    await expect(children).toContainText("96 % de 51");
    await expect(children).toContainText("Muy pocas respuestas (0)");
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await expectAccessible(page);
  });
});
