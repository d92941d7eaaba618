import { demo, demoPassword, storageStateFor, type DemoRole } from "./support/accounts";
import { acceptSignInLink, createUserWithLink, expect, expectAccessible, newAnonymousContext, originHeader, signIn, test, uniqueEmail } from "./support/fixtures";
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

  test("a stranger's failures make only the stranger wait: the owner signs in from elsewhere", async ({ browser }) => {
    const admin = await browser.newContext({ storageState: storageStateFor("admin") });
    const email = uniqueEmail("throttled");
    const { token } = await createUserWithLink(admin.request, { name: "Throttle Test", email, locale: "en" });
    await admin.close();
    const password = "a-proper-password-1";
    // Each browser comes from its own address, as a reverse proxy would report it.
    const stranger = await browser.newContext({ storageState: { cookies: [], origins: [] }, extraHTTPHeaders: { "x-forwarded-for": "203.0.113.66" } });
    const owner = await browser.newContext({ storageState: { cookies: [], origins: [] }, extraHTTPHeaders: { "x-forwarded-for": "198.51.100.66" } });
    const strangerPage = await stranger.newPage();
    const ownerPage = await owner.newPage();
    await acceptSignInLink(ownerPage, token, password);
    await expect(ownerPage.getByRole("heading", { name: messages.en.projects.title })).toBeVisible();
    await owner.clearCookies();

    for (let attempt = 1; attempt <= 5; attempt++) {
      await signIn(strangerPage, email, `wrong-${attempt}`);
      await expect(strangerPage.getByRole("alert").filter({ hasText: messages.en.auth.invalid })).toBeVisible();
    }
    await signIn(strangerPage, email, password);
    const lockedStart = messages.en.auth.locked.split("{time}")[0]!;
    await expect(strangerPage.getByRole("alert").filter({ hasText: lockedStart })).toBeVisible();
    await expect(strangerPage).toHaveURL(/\/sign-in/);

    await signIn(ownerPage, email, password);
    await expect(ownerPage.getByRole("heading", { name: messages.en.projects.title })).toBeVisible();
    await stranger.close();
    await owner.close();
  });

  for (const [variant, callbackUrl] of [
    ["a backslash", "/%5Cevil.example"],
    ["a tab", "/%09/evil.example"],
  ]) {
    test(`a callback URL with ${variant} that a browser reads as another site lands on the projects page`, async ({ browser }) => {
      const context = await newAnonymousContext(browser);
      const page = await context.newPage();
      await page.goto(`/sign-in?callbackUrl=${callbackUrl}`);
      await page.getByLabel(messages.en.auth.email).fill(demo.admin.email);
      await page.getByLabel(messages.en.auth.password, { exact: true }).fill(demoPassword);
      await page.getByRole("button", { name: messages.en.auth.signIn }).click();
      await expect(page.getByRole("heading", { name: messages.en.projects.title })).toBeVisible();
      expect(new URL(page.url()).host).toBe(new URL(originHeader.Origin).host);
      expect(new URL(page.url()).pathname).toBe("/projects");
      await context.close();
    });
  }

  test("a callback URL on this site is followed after sign-in", async ({ browser }) => {
    const context = await newAnonymousContext(browser);
    const page = await context.newPage();
    await page.goto("/account");
    await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Faccount/);
    await page.getByLabel(messages.en.auth.email).fill(demo.admin.email);
    await page.getByLabel(messages.en.auth.password, { exact: true }).fill(demoPassword);
    await page.getByRole("button", { name: messages.en.auth.signIn }).click();
    await expect(page.getByRole("heading", { name: messages.en.account.title })).toBeVisible();
    await context.close();
  });
});

test.describe("temporary password", () => {
  test("allows nothing but choosing one's own password, and the page saying so", async ({ browser }) => {
    const admin = await browser.newContext({ storageState: storageStateFor("admin") });
    const email = uniqueEmail("temporary");
    const created = await admin.request.post("/api/v1/users", {
      data: { name: "Tem Porary", email, locale: "en", access: "password", temporaryPassword: "temporary-pass-1" },
      headers: originHeader,
    });
    expect(created.status()).toBe(201);
    await admin.close();

    const context = await newAnonymousContext(browser);
    const page = await context.newPage();
    await signIn(page, email, "temporary-pass-1");
    await expect(page.getByRole("heading", { name: messages.en.account.title })).toBeVisible();
    await page.goto("/projects");
    await expect(page).toHaveURL(/\/account$/);
    const api = await context.request.get("/api/v1/projects");
    expect(api.status()).toBe(403);
    expect(await api.json()).toMatchObject({ error: "password_change_required", message: messages.en.errors.password_change_required });

    await page.getByLabel(messages.en.account.currentPassword).fill("temporary-pass-1");
    await page.getByLabel(messages.en.account.newPassword, { exact: true }).fill("my own passphrase 1");
    await page.getByLabel(messages.en.account.confirmPassword).fill("my own passphrase 1");
    await page.getByRole("button", { name: messages.en.account.changePassword }).click();
    await expect(page.getByRole("status").filter({ hasText: messages.en.auth.passwordChanged })).toBeVisible();
    await signIn(page, email, "my own passphrase 1");
    await expect(page.getByRole("heading", { name: messages.en.projects.title })).toBeVisible();
    expect((await context.request.get("/api/v1/projects")).status()).toBe(200);
    await context.close();
  });

  test("a refused password change does not send the typed passwords back to the browser", async ({ page, browser }) => {
    const admin = await browser.newContext({ storageState: storageStateFor("admin") });
    const { token } = await createUserWithLink(admin.request, { name: "Echo Test", email: uniqueEmail("echo"), locale: "en" });
    await admin.close();
    await acceptSignInLink(page, token, "echo-test-password-1");
    await expect(page.getByRole("heading", { name: messages.en.projects.title })).toBeVisible();

    await page.goto("/account");
    await page.getByLabel(messages.en.account.currentPassword).fill("typed-wrong-current-1");
    await page.getByLabel(messages.en.account.newPassword, { exact: true }).fill("typed-new-passphrase-1");
    await page.getByLabel(messages.en.account.confirmPassword).fill("typed-new-passphrase-1");
    // The action's answer is read as it passes: the browser may drop a body once it has been used.
    let body = "";
    await page.route("**/account", async (route) => {
      if (route.request().method() !== "POST") return route.fallback();
      const response = await route.fetch();
      body = await response.text();
      await route.fulfill({ response, body });
    });
    await page.getByRole("button", { name: messages.en.account.changePassword }).click();
    await expect(page.getByText(messages.en.validation.wrongPassword)).toBeVisible();
    expect(body).toContain(messages.en.validation.wrongPassword);
    expect(body).not.toContain("typed-wrong-current-1");
    expect(body).not.toContain("typed-new-passphrase-1");
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
