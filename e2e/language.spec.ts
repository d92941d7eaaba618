import type { Page } from "@playwright/test";
import { storageStateFor } from "./support/accounts";
import { acceptSignInLink, createUserWithLink, expect, test, uniqueEmail } from "./support/fixtures";
import { messages } from "./support/messages";

const anyLabel = new RegExp(
  `^(${Object.values(messages)
    .map((m) => m.language.label)
    .join("|")})$`,
);

/** Picks each language in turn: the menu must name it as soon as the page speaks it, with no reload. */
async function switchThroughLanguages(page: Page) {
  for (const locale of ["es", "en", "fr"] as const) {
    const { language } = messages[locale];
    await page.getByRole("combobox", { name: anyLabel }).selectOption(locale);
    await expect(page.locator("html")).toHaveAttribute("lang", locale);
    const menu = page.getByRole("combobox", { name: language.label });
    await expect(menu).toHaveValue(locale);
    await expect(menu.locator("option:checked")).toHaveText(language[locale]);
    // React resets the form once the action is done, after the new page is drawn: the choice must survive it.
    await page.waitForLoadState("networkidle");
    await expect(menu).toHaveValue(locale);
  }
}

test("signed out, the sign-in page's language menu follows a switch at once", async ({ page }) => {
  await page.goto("/sign-in");
  await switchThroughLanguages(page);
});

// A fresh account, so the stored choice changes no demo account under the other specs.
test("signed in, the header's language menu follows a switch at once", async ({ page, browser }) => {
  const admin = await browser.newContext({ storageState: storageStateFor("admin") });
  const { token } = await createUserWithLink(admin.request, { name: "Lena Switcher", email: uniqueEmail("lena"), locale: "fr" });
  await admin.close();
  await acceptSignInLink(page, token, "a-long-enough-password-2026");
  await expect(page.getByRole("combobox", { name: messages.fr.language.label })).toHaveValue("fr");
  await switchThroughLanguages(page);
});
