import { demo, demoPassword, storageStateFor, type DemoRole } from "./support/accounts";
import { acceptSignInLink, createUserWithLink, expect, expectAccessible, newAnonymousContext, signIn, test, uniqueEmail } from "./support/fixtures";
import { fill, messages } from "./support/messages";

test.describe("signing in", () => {
  for (const role of Object.keys(demo) as DemoRole[]) {
    test(`${role} signs in and sees only their projects, in their language`, async ({ page }) => {
      const account = demo[role];
      const t = messages[account.locale];
      await signIn(page, account.email, demoPassword);
      await expect(page.getByRole("heading", { name: t.projects.title })).toBeVisible();
      const table = page.getByRole("table", { name: t.projects.title });
      if (role === "admin") {
        // The admin sees every project, including those other specs create meanwhile.
        await expect(table).toContainText("HN-PARCLC-2019");
        await expect(table).toContainText("CR-PARCLC-2015");
      } else {
        await expect(table.getByRole("row")).toHaveCount((account.projects ?? 0) + 1);
      }
      await expect(page.getByRole("link", { name: t.nav.users })).toHaveCount(role === "admin" ? 1 : 0);
      await expectAccessible(page);
    });
  }

  test("a wrong password and an unknown e-mail get the same message", async ({ page }) => {
    const t = messages.en.auth;
    await signIn(page, demo.partner.email, "not-the-password");
    await expect(page.getByRole("alert").filter({ hasText: t.invalid })).toBeVisible();
    await signIn(page, uniqueEmail("nobody"), "not-the-password");
    await expect(page.getByRole("alert").filter({ hasText: t.invalid })).toBeVisible();
    await expect(page).toHaveURL(/\/sign-in/);
    await expectAccessible(page);
  });

  test("after 5 failures the account is paused, even with the right password", async ({ page, browser }) => {
    const admin = await browser.newContext({ storageState: storageStateFor("admin") });
    const email = uniqueEmail("throttled");
    const { token } = await createUserWithLink(admin.request, { name: "Throttle Test", email, locale: "en" });
    await admin.close();
    const password = "a-proper-password-1";
    await acceptSignInLink(page, token, password);
    await expect(page.getByRole("heading", { name: messages.en.projects.title })).toBeVisible();
    await page.context().clearCookies();

    for (let attempt = 1; attempt <= 5; attempt++) {
      await signIn(page, email, `wrong-${attempt}`);
      await expect(page.getByRole("alert").filter({ hasText: messages.en.auth.invalid })).toBeVisible();
    }
    await signIn(page, email, password);
    const lockedStart = messages.en.auth.locked.split("{time}")[0]!;
    await expect(page.getByRole("alert").filter({ hasText: lockedStart })).toBeVisible();
    await expect(page).toHaveURL(/\/sign-in/);
  });
});

test.describe("language", () => {
  test("the chosen language is stored on the user and survives sign-out", async ({ page, browser }) => {
    const admin = await browser.newContext({ storageState: storageStateFor("admin") });
    const email = uniqueEmail("polyglot");
    const { token } = await createUserWithLink(admin.request, { name: "Ana Polyglot", email, locale: "en" });
    await admin.close();
    const password = "another-good-password";
    await acceptSignInLink(page, token, password);
    await expect(page.getByRole("heading", { name: messages.en.projects.title })).toBeVisible();

    await page.getByLabel(messages.en.language.label).selectOption("es");
    await expect(page.getByRole("heading", { name: messages.es.projects.title })).toBeVisible();
    await page.getByRole("button", { name: messages.es.nav.signOut }).click();
    await expect(page.getByRole("heading", { name: messages.es.auth.signInTitle })).toBeVisible();

    // A new browser, without the language cookie: the choice comes back from the account.
    const fresh = await newAnonymousContext(browser);
    const freshPage = await fresh.newPage();
    await signIn(freshPage, email, password, "en");
    await expect(freshPage.getByRole("heading", { name: messages.es.projects.title })).toBeVisible();
    await expect(freshPage.locator("html")).toHaveAttribute("lang", "es");
    await fresh.close();
  });
});

test.describe("sessions", () => {
  test("a copy of the session cookie stops working after sign-out", async ({ page, browser }) => {
    const admin = await browser.newContext({ storageState: storageStateFor("admin") });
    const email = uniqueEmail("replay");
    const { token } = await createUserWithLink(admin.request, { name: "Replay Test", email, locale: "en" });
    await admin.close();
    const password = "replay-password-123";
    await acceptSignInLink(page, token, password);
    await expect(page.getByRole("heading", { name: messages.en.projects.title })).toBeVisible();
    const copied = await page.context().storageState();

    await page.getByRole("button", { name: messages.en.nav.signOut }).click();
    await expect(page.getByRole("heading", { name: messages.en.auth.signInTitle })).toBeVisible();

    const replay = await browser.newContext({ storageState: copied });
    const response = await replay.request.get("/api/v1/projects");
    expect(response.status()).toBe(401);
    const replayPage = await replay.newPage();
    await replayPage.goto("/projects");
    await expect(replayPage.getByRole("heading", { name: messages.en.auth.signInTitle })).toBeVisible();
    await replay.close();
  });

  test("a one-time link works once", async ({ page, browser }) => {
    const admin = await browser.newContext({ storageState: storageStateFor("admin") });
    const { token } = await createUserWithLink(admin.request, { name: "Once Only", email: uniqueEmail("once"), locale: "fr" });
    await admin.close();
    await page.goto(`/sign-in/link/${token}`);
    await expect(page.getByText(fill(messages.en.auth.linkWelcome, { name: "Once Only" }))).toBeVisible();
    await acceptSignInLink(page, token, "once-only-password");
    await expect(page.getByRole("heading", { name: messages.fr.projects.title })).toBeVisible();
    await page.goto(`/sign-in/link/${token}`);
    await expect(page.getByRole("alert").filter({ hasText: messages.fr.auth.linkInvalid })).toBeVisible();
  });
});
