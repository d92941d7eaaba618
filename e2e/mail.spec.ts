import { storageStateFor } from "./support/accounts";
import { expect, expectAccessible, originHeader, test, uniqueEmail } from "./support/fixtures";
import { allMailTo, linkPath, mailTo } from "./support/mail";
import { fill, messages } from "./support/messages";

const fr = messages.fr;

test.describe("mail from Atelier", () => {
  test.use({ storageState: storageStateFor("admin") });

  test("a forgotten password in French: the link comes by mail, sets a new password and signs in; an unknown address gets the same answer", async ({ page, browser }) => {
    const email = uniqueEmail("oubli");
    const created = await page.request.post("/api/v1/users", {
      data: { name: "Louise Martin", email, locale: "fr", access: "password", temporaryPassword: "un mot de passe provisoire" },
      headers: originHeader,
    });
    expect(created.status()).toBe(201);

    // A French browser, signed out.
    const context = await browser.newContext({ storageState: { cookies: [], origins: [] }, locale: "fr-FR" });
    const visitor = await context.newPage();
    await visitor.goto("/sign-in");
    await visitor.getByRole("link", { name: fr.auth.forgot }).click();
    await expect(visitor.getByRole("heading", { level: 1 })).toHaveText(fr.auth.forgotTitle);
    await expectAccessible(visitor);
    await visitor.getByLabel(fr.auth.email).fill(`nadie-${Date.now()}@e2e.example`);
    await visitor.getByRole("button", { name: fr.auth.forgotSend }).click();
    await expect(visitor.getByText(fr.auth.forgotSent)).toBeVisible();
    await visitor.getByLabel(fr.auth.email).fill(email);
    await visitor.getByRole("button", { name: fr.auth.forgotSend }).click();
    await expect(visitor.getByText(fr.auth.forgotSent)).toBeVisible();

    const mail = await mailTo(email, fill(fr.mail.passwordReset.subject, { app: fr.app.name }));
    expect(mail.text).toContain(fill(fr.mail.greeting, { name: "Louise Martin" }));
    await visitor.goto(linkPath(mail));
    await visitor.getByLabel(fr.auth.newPassword, { exact: true }).fill("une nouvelle phrase de passe");
    await visitor.getByLabel(fr.auth.confirmPassword, { exact: true }).fill("une nouvelle phrase de passe");
    await visitor.getByRole("button", { name: fr.auth.setPassword }).click();
    await expect(visitor).toHaveURL(/\/projects$/);
    // The link works once.
    await visitor.goto(linkPath(mail));
    await expect(visitor.getByText(fr.auth.linkInvalid)).toBeVisible();
    await context.close();
  });

  test("a new user's invitation goes by mail, and the administrator sees it under Outgoing mail", async ({ page }) => {
    const email = uniqueEmail("invitada");
    const response = await page.request.post("/api/v1/users", { data: { name: "Invitada Nueva", email, locale: "es", access: "link" }, headers: originHeader });
    expect(response.status()).toBe(201);
    const mail = await mailTo(email);
    expect(mail.subject).toBe(fill(messages.es.mail.invitation.subject, { app: "Atelier" }));
    expect(allMailTo(email)).toHaveLength(1);
    await page.goto("/admin/mail");
    // The demo administrator reads English.
    await expect(page.getByRole("list", { name: messages.en.outgoingMail.title }).getByText(email)).toBeVisible();
    await expectAccessible(page);
  });
});
