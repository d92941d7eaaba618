import { storageStateFor } from "./support/accounts";
import { expect, test } from "./support/fixtures";
import { messages } from "./support/messages";

const phone = { width: 390, height: 844 };

async function hondurasId(page: import("@playwright/test").Page) {
  const projects = (await (await page.request.get("/api/v1/projects?q=HN-PARCLC")).json()) as { items: { id: string }[] };
  return projects.items[0]!.id;
}

test.describe("dates typed in the app's language, as the partner (Spanish)", () => {
  test.use({ storageState: storageStateFor("partner"), viewport: phone });

  test("read day, month, year in that order, take the keyboard alone, and still send ISO dates", async ({ page }) => {
    const d = messages.es.dashboard;
    await page.goto(`/projects/${await hondurasId(page)}`);
    const period = page.getByRole("form", { name: d.period });
    const from = period.getByLabel(d.from);
    await expect(from).toHaveAttribute("placeholder", "dd/mm/aaaa");
    await expect(from).toHaveAccessibleDescription("Formato: dd/mm/aaaa");
    await from.focus();
    await page.keyboard.type("01/06/2019");
    await page.keyboard.press("Tab");
    await expect(period.getByLabel(d.to)).toBeFocused();
    // A phone's number pad has no slash: the eight digits alone are a date too.
    await page.keyboard.type("30062019");
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/from=2019-06-01&to=2019-06-30/);
    await expect(period.getByLabel(d.from)).toHaveValue("01/06/2019");
    await expect(period.getByLabel(d.to)).toHaveValue("30/06/2019");
  });
});

test.describe("the project dashboard on a phone, as the manager (French)", () => {
  test.use({ storageState: storageStateFor("manager"), viewport: phone });

  test("shows the figures and the pinned results first and folds the breakdowns, each one a button away", async ({ page }) => {
    const d = messages.fr.dashboard;
    await page.goto(`/projects/${await hondurasId(page)}`);
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    console.log(`project dashboard at 390 px: ${height} px tall`);
    const people = page.locator("dl > div").filter({ has: page.getByText(messages.fr.projects.uniqueParticipants, { exact: true }) });
    await expect(people).toBeInViewport();
    await expect(page.getByRole("region", { name: d.pinned })).toBeVisible();
    expect(height).toBeLessThan(3500);
    const byType = page.getByRole("region", { name: d.workshopsByType });
    await expect(byType).toBeHidden();
    await page.locator("summary").filter({ hasText: d.workshopsByType }).click();
    await expect(byType).toBeVisible();
  });
});
