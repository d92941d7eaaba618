import { request as playwrightRequest } from "@playwright/test";
import { baseURL } from "../playwright.config";
import { storageStateFor } from "./support/accounts";
import { expect, expectAccessible, test } from "./support/fixtures";
import { messages } from "./support/messages";

const es = messages.es.apiTokens;

test.describe("personal API tokens, as a partner (Spanish)", () => {
  test.use({ storageState: storageStateFor("partner") });

  test("a read-only token made on the account page reads the workshop report from a program, writes nothing, needs no Origin, and stops once revoked", async ({ page }) => {
    await page.goto("/account");
    const name = `Power BI ${Date.now().toString(36)}`;
    await page.getByLabel(es.name, { exact: true }).fill(name);
    await page.getByRole("button", { name: es.create }).click();
    const secret = await page.getByLabel(es.secret).inputValue();
    expect(secret).toMatch(/^atl_/);
    await expectAccessible(page);

    // A program: no cookie, no Origin, only the token.
    const program = await playwrightRequest.newContext({ baseURL, extraHTTPHeaders: { Authorization: `Bearer ${secret}` } });
    const projects = (await (await program.get("/api/v1/projects?q=HN-PARCLC")).json()) as { items: { id: string }[] };
    const projectId = projects.items[0]!.id;
    const workshops = (await (await program.get(`/api/v1/projects/${projectId}/workshops?q=Tegucigalpa`)).json()) as { items: { id: string }[] };
    const report = await program.get(`/api/v1/projects/${projectId}/workshops/${workshops.items[0]!.id}/report`);
    expect(report.status()).toBe(200);
    // The partner's own view: figures, no names.
    expect(((await report.json()) as { overall: { participants: number }; attendees: unknown }).overall.participants).toBe(35);
    expect(((await report.json()) as { attendees: unknown }).attendees).toBeNull();
    expect((await program.post("/api/v1/account/api-tokens", { data: { name: "another" } })).status()).toBe(403);

    await page.reload();
    await page
      .getByRole("row", { name: new RegExp(name) })
      .getByRole("button", { name: es.revoke })
      .click();
    await page.getByRole("dialog").getByRole("button", { name: es.revoke }).click();
    await expect(page.getByRole("row", { name: new RegExp(name) })).toContainText(es.revoked);
    expect((await program.get("/api/v1/projects")).status()).toBe(401);
    await program.dispose();
  });
});
