import { storageStateFor } from "./support/accounts";
import { acceptSignInLink, createUserWithLink, expect, expectAccessible, newAnonymousContext, originHeader, signIn, test, uniqueEmail } from "./support/fixtures";
import { fill, messages } from "./support/messages";

const en = messages.en;

test.describe("administration", () => {
  test.use({ storageState: storageStateFor("admin") });

  test("admin creates a user, grants a role, and that user sees only that project", async ({ page, browser }) => {
    const email = uniqueEmail("newfield");
    const name = `Lucía Field ${Date.now()}`;
    await page.goto("/admin/users/new");
    await expectAccessible(page);
    const form = page.getByRole("main");
    await form.getByLabel(en.users.name).fill(name);
    await form.getByLabel(en.users.email).fill(email);
    await form.getByLabel(en.users.locale).selectOption("en");
    await form.getByLabel(en.users.accessOptions.link).check();
    await page.getByRole("button", { name: en.users.create }).click();
    await expect(page.getByRole("status").filter({ hasText: en.users.created })).toBeVisible();
    const link = await page.getByRole("textbox", { name: en.users.linkLabel }).inputValue();
    expect(link).toMatch(/\/sign-in\/link\/[\w-]{20,}$/);

    await page.getByRole("link", { name: fill(en.users.openUser, { name }) }).click();
    await expect(page.getByRole("heading", { name })).toBeVisible();
    const projectSelect = page.getByLabel(en.members.project, { exact: true });
    const costaRica = await projectSelect.locator("option", { hasText: "CR-PARCLC-2015" }).getAttribute("value");
    await projectSelect.selectOption(costaRica!);
    await page.getByLabel(en.members.role, { exact: true }).selectOption("field");
    await page.getByRole("button", { name: en.members.grant }).click();
    await expect(page.getByRole("status").filter({ hasText: en.members.granted })).toBeVisible();
    await expect(page.getByRole("table", { name: en.members.rolesTitle })).toContainText("Costa Rica");
    await expectAccessible(page);

    const person = await newAnonymousContext(browser);
    const personPage = await person.newPage();
    await acceptSignInLink(personPage, link.split("/").pop()!, "lucia-password-2026");
    const table = personPage.getByRole("table", { name: en.projects.title });
    await expect(table.getByRole("row")).toHaveCount(2);
    await expect(table).toContainText("Costa Rica");
    await expect(table).not.toContainText("Honduras");

    // The Honduras project exists, but not for this user: 404 in pages and in the API.
    const honduras = await page.request.get("/api/v1/projects?q=HN-PARCLC");
    const hondurasId = ((await honduras.json()) as { items: { id: string }[] }).items[0]!.id;
    const response = await personPage.goto(`/projects/${hondurasId}`);
    expect(response?.status()).toBe(404);
    expect((await person.request.get(`/api/v1/projects/${hondurasId}`)).status()).toBe(404);
    await person.close();
  });

  test("deactivating asks first, then signs the person out for good", async ({ page, browser }) => {
    const email = uniqueEmail("leaver");
    const created = await page.request.post("/api/v1/users", {
      data: { name: "Leaving Soon", email, locale: "en", access: "password", temporaryPassword: "temporary-pass-1" },
      headers: originHeader,
    });
    expect(created.status()).toBe(201);
    const { user } = (await created.json()) as { user: { id: string } };

    const leaver = await newAnonymousContext(browser);
    const leaverPage = await leaver.newPage();
    await signIn(leaverPage, email, "temporary-pass-1");
    await expect(leaverPage.getByRole("heading", { name: en.account.title })).toBeVisible();

    await page.goto(`/admin/users/${user.id}`);
    await page.getByRole("button", { name: en.users.deactivate }).click();
    const dialog = page.getByRole("dialog");
    await expect(dialog).toContainText(fill(en.users.deactivateConfirm, { name: "Leaving Soon" }));
    await dialog.getByRole("button", { name: en.common.cancel }).click();
    await expect(page.getByRole("button", { name: en.users.deactivate })).toBeVisible();

    await page.getByRole("button", { name: en.users.deactivate }).click();
    await page.getByRole("dialog").getByRole("button", { name: en.users.deactivate }).click();
    await expect(page.getByRole("status").filter({ hasText: en.users.deactivated })).toBeVisible();
    await expect(page.getByRole("button", { name: en.users.reactivate })).toBeVisible();

    await leaverPage.goto("/projects");
    await expect(leaverPage.getByRole("heading", { name: en.auth.signInTitle })).toBeVisible();
    await signIn(leaverPage, email, "temporary-pass-1");
    await expect(leaverPage.getByRole("alert").filter({ hasText: en.auth.invalid })).toBeVisible();
    await leaver.close();
  });

  test("admin finds a person from the project page, makes them a partner, then revokes the role", async ({ page }) => {
    const name = `Rosa Búsqueda ${Date.now()}`;
    await createUserWithLink(page.request, { name, email: uniqueEmail("rosa"), locale: "es" });
    const list = (await (await page.request.get("/api/v1/projects?q=HN-PARCLC")).json()) as { items: { id: string }[] };
    await page.goto(`/projects/${list.items[0]!.id}`);

    await page.getByLabel(en.members.findPerson).fill(name.slice(0, 12));
    await page.getByRole("group", { name: en.members.choosePerson }).getByLabel(new RegExp(name)).check();
    await page.getByLabel(en.members.role, { exact: true }).selectOption("partner");
    await page.getByRole("button", { name: en.members.grant }).click();
    const row = page.getByRole("table", { name: en.members.title }).getByRole("row", { name: new RegExp(name) });
    await expect(row).toContainText(en.roles.partner);
    await expectAccessible(page);

    await row.getByRole("button", { name: en.members.revoke }).click();
    await page.getByRole("dialog").getByRole("button", { name: en.members.revoke }).click();
    await expect(row).toHaveCount(0);
  });

  test("the audit trail lists who changed what, with filters", async ({ page }) => {
    const email = uniqueEmail("audited");
    await createUserWithLink(page.request, { name: "Audited Person", email, locale: "fr" });
    const project = await page.request.post("/api/v1/projects", {
      data: { code: `AUD-${Date.now()}`, name: { original: "en", en: "Audited project" }, country: "SV", startDate: "2026-01-01", endDate: "2026-06-30", status: "planned" },
      headers: originHeader,
    });
    expect(project.status()).toBe(201);
    await page.goto("/admin/audit");
    await expect(page.getByRole("table", { name: en.audit.title }).getByRole("row").filter({ hasText: "projects.create" }).first()).toBeVisible();
    await page.getByLabel(en.audit.entityType).selectOption("user");
    await page.getByRole("button", { name: en.common.apply }).click();
    await expect(page).toHaveURL(/entityType=user/);
    const table = page.getByRole("table", { name: en.audit.title });
    const created = table.getByRole("row").filter({ hasText: email });
    await expect(created).toContainText("users.create");
    await expect(created).toContainText("Claire Dubois");
    await expect(table.getByRole("row").filter({ hasText: "projects.create" })).toHaveCount(0);
    await expectAccessible(page);
  });
});

test.describe("what a partner must not reach", () => {
  test.use({ storageState: storageStateFor("partner") });

  for (const path of ["/admin/users", "/admin/audit", "/admin/users/new", "/projects/new"]) {
    test(`${path} answers 404`, async ({ page }) => {
      const response = await page.goto(path);
      expect(response?.status()).toBe(404);
      await expect(page.getByRole("heading", { name: messages.es.notFound.title })).toBeVisible();
    });
  }

  test("the admin API answers 404 and the project edit is refused", async ({ page }) => {
    expect((await page.request.get("/api/v1/users")).status()).toBe(404);
    const projects = (await (await page.request.get("/api/v1/projects")).json()) as { items: { id: string }[] };
    expect(projects.items).toHaveLength(1);
    const response = await page.goto(`/projects/${projects.items[0]!.id}/edit`);
    expect(response?.status()).toBe(404);
  });

  test("members' e-mail addresses are hidden from a partner", async ({ page }) => {
    const projects = (await (await page.request.get("/api/v1/projects")).json()) as { items: { id: string }[] };
    const members = (await (await page.request.get(`/api/v1/projects/${projects.items[0]!.id}/members`)).json()) as { email: string | null }[];
    expect(members.length).toBeGreaterThan(0);
    expect(members.every((m) => m.email === null)).toBe(true);
  });
});
