import AxeBuilder from "@axe-core/playwright";
import { expect, test as base, type APIRequestContext, type Browser, type Page } from "@playwright/test";
import { demoPassword, type DemoRole } from "./accounts";
import { messages, type Locale } from "./messages";

/** Fails on serious or critical accessibility violations of the page as it is now. */
export async function expectAccessible(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  const severe = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(severe.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`)).toEqual([]);
}

export async function signIn(page: Page, email: string, password: string, locale: Locale = "en") {
  const t = messages[locale].auth;
  await page.goto("/sign-in");
  await page.getByLabel(t.email).fill(email);
  await page.getByLabel(t.password, { exact: true }).fill(password);
  await page.getByRole("button", { name: t.signIn }).click();
}

export function uniqueEmail(prefix: string) {
  return `${prefix}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}@e2e.example`;
}

/** Creates an account through the admin API and returns a one-time link token for it. */
export async function createUserWithLink(admin: APIRequestContext, fields: { name: string; email: string; locale: Locale }) {
  const response = await admin.post("/api/v1/users", { data: { ...fields, access: "link" }, headers: originHeader });
  expect(response.status()).toBe(201);
  const body = (await response.json()) as { user: { id: string }; signInLink: { token: string } };
  return { userId: body.user.id, token: body.signInLink.token };
}

/** Opens a one-time link, chooses the password, and lands signed in. */
export async function acceptSignInLink(page: Page, token: string, password: string) {
  const t = messages.en.auth;
  await page.goto(`/sign-in/link/${token}`);
  await page.getByLabel(t.newPassword, { exact: true }).fill(password);
  await page.getByLabel(t.confirmPassword, { exact: true }).fill(password);
  await page.getByRole("button", { name: t.setPassword }).click();
}

/** A browser context with no session, whatever the spec's `storageState`. */
export function newAnonymousContext(browser: Browser, viewport?: { width: number; height: number }) {
  return browser.newContext({ storageState: { cookies: [], origins: [] }, ...(viewport ? { viewport } : {}) });
}

/** Browsers send Origin on every write; API calls made by the specs must too. */
export const originHeader = { Origin: `http://localhost:${process.env.E2E_PORT ?? 3100}` };

export const test = base;
export { expect, demoPassword, type DemoRole };
