import fs from "node:fs";
import type { APIRequestContext } from "@playwright/test";
import { pdfText } from "@/lib/testing/documents";
import { storageStateFor } from "./support/accounts";
import { expect, expectAccessible, test } from "./support/fixtures";
import { fill, messages } from "./support/messages";

const fr = messages.fr;
const es = messages.es;
const phone = { width: 390, height: 844 };

async function tegucigalpa(request: APIRequestContext) {
  const projects = (await (await request.get("/api/v1/projects?q=HN-PARCLC")).json()) as { items: { id: string }[] };
  const projectId = projects.items[0]!.id;
  const list = (await (await request.get(`/api/v1/projects/${projectId}/workshops?q=Tegucigalpa`)).json()) as { items: { id: string }[] };
  return { projectId, workshopId: list.items[0]!.id };
}

test.describe("certificates of attendance", () => {
  test.use({ storageState: storageStateFor("manager"), viewport: phone });

  test("a manager on a phone downloads a certificate, the address it prints opens the verification page in Spanish without an account, and once revoked it says so", async ({
    page,
    browser,
  }) => {
    const { projectId, workshopId } = await tegucigalpa(page.request);
    await page.goto(`/projects/${projectId}/workshops/${workshopId}`);
    await page.getByRole("link", { name: fr.certificates.open }).click();
    await expect(page.getByRole("heading", { level: 1 })).toContainText(fr.certificates.title);
    // The demo: 35 came, the 28 who came both days qualify, 27 certificates stand and one was revoked.
    await expect(page.getByText(fill(fr.certificates.qualifyCount, { qualified: 28, total: 35, issued: 27 }))).toBeVisible();
    await expectAccessible(page);

    const row = page
      .getByRole("row")
      .filter({ has: page.getByRole("link", { name: fr.certificates.download, exact: true }) })
      .first();
    const code = (await row.textContent())!.match(/[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}/)![0];
    const [download] = await Promise.all([page.waitForEvent("download"), row.getByRole("link", { name: fr.certificates.download, exact: true }).click()]);
    const { text, pages } = await pdfText(new Uint8Array(fs.readFileSync(await download.path())));
    expect(pages).toBe(1);
    expect(text).toContain(code);
    const address = text.match(/https?:\/\/\S+\/verify\/[0-9A-Z-]+/)![0];
    expect(address.endsWith(`/verify/${code}`)).toBe(true);

    const visitorContext = await browser.newContext({ storageState: { cookies: [], origins: [] }, viewport: phone, locale: "es-HN" });
    const visitor = await visitorContext.newPage();
    await visitor.goto(address);
    await expect(visitor.getByRole("status")).toContainText(es.certificates.verify.valid);
    await expect(visitor.getByRole("status")).toContainText(/[A-ZÁÉÍÓÚÑ]\. /);
    await expectAccessible(visitor);

    await row.getByLabel(fr.certificates.revokeReason).fill("Nom mal orthographié");
    await row.getByRole("button", { name: fr.certificates.revoke }).click();
    await page.getByRole("dialog").getByRole("button", { name: fr.certificates.revoke }).click();
    await expect(page.getByText(fill(fr.certificates.revokedBecause, { reason: "Nom mal orthographié" }))).toBeVisible();

    await visitor.reload();
    await expect(visitor.getByRole("status")).toHaveText(es.certificates.verify.revoked);
    // A code typed by hand, in lower case and without dashes, that no certificate has.
    await visitor.getByLabel(es.certificates.verify.code).fill("zzzz9999zzzz");
    await visitor.getByRole("button", { name: es.certificates.verify.check }).click();
    await expect(visitor.getByRole("status")).toHaveText(es.certificates.verify.unknown);
    await visitorContext.close();
  });
});
