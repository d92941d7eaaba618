import { test as setup, expect } from "@playwright/test";
import { demo, demoPassword, storageStateFor, type DemoRole } from "./support/accounts";
import { signIn } from "./support/fixtures";
import { messages } from "./support/messages";

// Sign in once per role; specs reuse the saved session.
for (const role of Object.keys(demo) as DemoRole[]) {
  setup(`sign in as ${role}`, async ({ page }) => {
    const account = demo[role];
    await signIn(page, account.email, demoPassword, "en");
    await expect(page.getByRole("heading", { name: messages[account.locale].projects.title })).toBeVisible();
    await page.context().storageState({ path: storageStateFor(role) });
  });
}
