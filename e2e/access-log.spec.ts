import { storageStateFor } from "./support/accounts";
import { expect, expectAccessible, test } from "./support/fixtures";
import { messages } from "./support/messages";

const en = messages.en;
const fr = messages.fr;

test.describe("personal data made accountable", () => {
  test.describe("as a manager (French)", () => {
    test.use({ storageState: storageStateFor("manager") });

    test("viewing a person's page shows up on their personal-data page, with who looked", async ({ page }) => {
      const list = (await (await page.request.get("/api/v1/participants?q=kenia+matamoros")).json()) as { items: { id: string }[] };
      const id = list.items[0]!.id;
      await page.goto(`/participants/${id}`);
      await page.goto(`/participants/${id}/data`);
      const accesses = page.getByRole("table", { name: fr.accessLog.personTitle });
      // Reads are written in batches, about a second later.
      await expect(async () => {
        await page.reload();
        await expect(accesses.getByRole("row").filter({ hasText: "Mariela Rodríguez" }).filter({ hasText: fr.accessLog.resources.participantPage }).first()).toBeVisible({
          timeout: 1000,
        });
      }).toPass({ timeout: 15_000 });
      await expectAccessible(page);
    });

    test("the retention period is set on the project's form, from 1 to 50 years", async ({ page }) => {
      const projects = (await (await page.request.get("/api/v1/projects")).json()) as { items: { id: string; code: string }[] };
      const honduras = projects.items.find((p) => p.code === "HN-PARCLC-2019")!;
      await page.goto(`/projects/${honduras.id}/edit`);
      const years = page.getByLabel(fr.projects.retentionYears);
      await expect(years).toHaveValue("5");
      await years.fill("0");
      await page.getByRole("button", { name: fr.common.save }).click();
      await expect(page.getByLabel(fr.projects.retentionYears)).toHaveAttribute("aria-invalid", "true");
      await page.getByLabel(fr.projects.retentionYears).fill("5");
      await page.getByRole("button", { name: fr.common.save }).click();
      await expect(page).toHaveURL(new RegExp(`/projects/${honduras.id}$`));
    });
  });

  test.describe("as an administrator", () => {
    test.use({ storageState: storageStateFor("admin") });

    test("the access log is browsed by user and period, and the retention page says what is due", async ({ page }) => {
      await page.goto("/participants");
      await page.goto("/admin/access-log");
      await expect(page.getByRole("heading", { name: en.accessLog.title })).toBeVisible();
      await expect(async () => {
        await page.reload();
        await expect(page.getByRole("table", { name: en.accessLog.title }).getByText(en.accessLog.resources.participantList).first()).toBeVisible({ timeout: 1000 });
      }).toPass({ timeout: 15_000 });
      await expectAccessible(page);
      await page.getByLabel(en.accessLog.to).fill("2020-01-01");
      await page.getByRole("button", { name: en.common.apply }).click();
      await expect(page.getByText(en.accessLog.noMatch)).toBeVisible();

      await page.goto("/admin/retention");
      const due = page.getByRole("table", { name: en.retention.dueTitle });
      await expect(due.getByRole("row").filter({ hasText: "HN-PARCLC-2019" })).toContainText("2027");
      await expect(page.getByRole("heading", { name: en.retention.registerTitle })).toBeVisible();
      await expectAccessible(page);
    });
  });
});
