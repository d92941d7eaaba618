import { generate } from "otplib";
import { storageStateFor } from "./support/accounts";
import { acceptSignInLink, expect, expectAccessible, newAnonymousContext, originHeader, test, uniqueEmail } from "./support/fixtures";
import { mailTo } from "./support/mail";
import { fill, messages } from "./support/messages";

const en = messages.en;
const t = en.secondFactor;

test("an administrator turns on the second factor, signs out, and signs in with the app's code", async ({ browser }) => {
  const admin = await browser.newContext({ storageState: storageStateFor("admin") });
  const email = uniqueEmail("second-admin");
  const created = await admin.request.post("/api/v1/users", { data: { name: "Second Admin", email, locale: "en", access: "link", isAdmin: true }, headers: originHeader });
  expect(created.status()).toBe(201);
  const { user, signInLink } = (await created.json()) as { user: { id: string }; signInLink: { token: string } };
  const [userId, token] = [user.id, signInLink.token];
  const page = await (await newAnonymousContext(browser)).newPage();
  const password = "a long admin passphrase";
  await acceptSignInLink(page, token, password);
  await expect(page.getByRole("heading", { name: en.projects.title })).toBeVisible();

  await page.goto("/account");
  const section = page.getByRole("region", { name: t.title });
  await section.getByRole("button", { name: t.turnOn }).click();
  await expect(section.getByRole("img", { name: t.qr })).toBeVisible();
  const key = (await section.getByTestId("second-factor-key").textContent())!;
  await section.getByLabel(t.code).fill(await generate({ secret: key }));
  await section.getByRole("button", { name: t.confirm }).click();
  const codes = section.getByRole("list", { name: t.recoveryTitle }).getByRole("listitem");
  await expect(codes).toHaveCount(10);
  await expectAccessible(page);

  await page.getByRole("button", { name: en.nav.signOut }).click();
  await page.getByLabel(en.auth.email).fill(email);
  await page.getByLabel(en.auth.password, { exact: true }).fill(password);
  await page.getByRole("button", { name: en.auth.signIn }).click();
  await expect(page.getByText(en.auth.codeRequired)).toBeVisible();
  // The code of the next step: the one the set-up was confirmed with is spent.
  await page.getByLabel(en.auth.code).fill(await generate({ secret: key, epoch: Math.floor(Date.now() / 1000) + 30 }));
  await page.getByRole("button", { name: en.auth.signIn }).click();
  await expect(page.getByRole("heading", { name: en.projects.title })).toBeVisible();

  // Lost phone: the administrator resets it, and the user is told by mail.
  const reset = await admin.request.post(`/api/v1/users/${userId}/second-factor/reset`, { headers: originHeader });
  expect(await reset.json()).toEqual({ changed: true });
  expect((await mailTo(email, fill(en.mail.secondFactorReset.subject, { app: en.app.name }))).text).toContain("/account");
  await admin.close();
});
