import type { Page } from "@playwright/test";
import { demo, demoPassword, storageStateFor } from "./support/accounts";
import { expect, expectAccessible, test } from "./support/fixtures";
import { messages } from "./support/messages";

const phone = { width: 360, height: 740 };

async function expectNoSidewaysScroll(page: Page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
}

async function projectId(page: Page, code: string) {
  const list = (await (await page.request.get(`/api/v1/projects?q=${code}`)).json()) as { items: { id: string }[] };
  return list.items[0]!.id;
}

test.describe("admin pages on a phone and on a desktop", () => {
  test.use({ storageState: storageStateFor("admin") });

  for (const viewport of [phone, { width: 1280, height: 800 }]) {
    test(`every admin page fits ${viewport.width}px and passes axe`, async ({ page }) => {
      // Ten pages, each checked by axe: a minute is not always enough on a loaded two-core machine.
      test.slow();
      await page.setViewportSize(viewport);
      const hn = await projectId(page, "HN-PARCLC");
      const users = (await (await page.request.get("/api/v1/users?q=field@example.org")).json()) as { items: { id: string }[] };
      for (const path of [
        "/projects",
        `/projects/${hn}`,
        `/projects/${hn}/edit`,
        "/projects/new",
        "/admin/users",
        `/admin/users/${users.items[0]!.id}`,
        "/admin/users/new",
        "/admin/audit",
        "/account",
        "/no-such-page",
      ]) {
        await page.goto(path);
        await expect(page.locator("h1")).toBeVisible();
        await expectNoSidewaysScroll(page);
        await expectAccessible(page);
      }
    });
  }
});

test("the partner's pages fit a phone and pass axe, in Spanish", async ({ browser }) => {
  const context = await browser.newContext({ storageState: storageStateFor("partner"), viewport: phone });
  const page = await context.newPage();
  await page.goto("/projects");
  await expect(page.getByRole("heading", { name: messages.es.projects.title })).toBeVisible();
  // A partner records no attendance, so has no outbox: the sync status line would mean nothing.
  await expect(page.getByRole("region", { name: messages.es.offline.status })).toHaveCount(0);
  await expectNoSidewaysScroll(page);
  await expectAccessible(page);
  await page.getByRole("link", { name: /Honduras/ }).click();
  await expect(page.getByRole("heading", { name: new RegExp(`^${messages.es.members.title}`) })).toBeVisible();
  await expect(page.getByRole("link", { name: messages.es.projects.edit })).toHaveCount(0);
  await expectNoSidewaysScroll(page);
  await expectAccessible(page);
  await context.close();
});

test("sign-in works with the keyboard alone on a phone", async ({ page }) => {
  await page.setViewportSize(phone);
  await page.goto("/sign-in");
  await expectNoSidewaysScroll(page);
  await expectAccessible(page);
  const t = messages.en.auth;
  await page.getByLabel(t.email).focus();
  await page.keyboard.type(demo.field.email);
  await page.keyboard.press("Tab");
  await expect(page.getByLabel(t.password, { exact: true })).toBeFocused();
  await page.keyboard.type(demoPassword);
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { name: messages.es.projects.title })).toBeVisible();
  await expect(page.getByRole("region", { name: messages.es.offline.status })).toBeVisible();
  // The first Tab reaches the skip link, which jumps past the header.
  await page.keyboard.press("Tab");
  await expect(page.getByRole("link", { name: messages.es.nav.skipToContent })).toBeFocused();
});
