import crypto from "node:crypto";
import { storageStateFor } from "./support/accounts";
import { expect, originHeader, test } from "./support/fixtures";
import { messages } from "./support/messages";

const fr = messages.fr;

test.describe("a person's data copy, as the manager (French)", () => {
  test.use({ storageState: storageStateFor("manager") });

  test("opening the page, from a link or by hand, makes and records no copy; the button does, once per press", async ({ page }) => {
    const projects = (await (await page.request.get("/api/v1/projects?q=HN-PARCLC")).json()) as { items: { id: string }[] };
    const tag = Date.now().toString(36);
    const created = await page.request.post("/api/v1/participants", {
      headers: originHeader,
      data: { projectId: projects.items[0]!.id, givenNames: "Copia", familyNames: `Solicitada ${tag}` },
    });
    expect(created.status()).toBe(201);
    const { id } = (await created.json()) as { id: string };

    // What a cross-site link would do: plain GETs of the page.
    await page.goto(`/participants/${id}/data`);
    await page.reload();
    await expect(page.getByRole("heading", { name: new RegExp(`Solicitada ${tag}`) })).toBeVisible();
    await expect(page.getByText(`"familyNames": "Solicitada ${tag}"`)).toHaveCount(0);

    // The copy lists the exports recorded before it: none from the visits above.
    await page.getByRole("button", { name: fr.participants.preparePersonalData }).click();
    await expect(page.getByText(`"familyNames": "Solicitada ${tag}"`)).toBeVisible();
    await expect(page.getByText('"action": "participants.exportData"')).toHaveCount(0);
    await expect(page.getByRole("link", { name: fr.participants.downloadJson })).toBeVisible();
    await page.getByRole("button", { name: fr.participants.preparePersonalData }).click();
    await expect(page.getByText('"action": "participants.exportData"')).toHaveCount(1);
  });
});

test.describe("API answers", () => {
  test.use({ storageState: storageStateFor("manager") });

  test("every /api/v1 answer says no-store: data, refusals, files, and the anonymous", async ({ request, playwright, baseURL }) => {
    const projects = await request.get("/api/v1/projects?q=HN-PARCLC");
    expect(projects.status()).toBe(200);
    expect(projects.headers()["cache-control"]).toBe("no-store");
    const projectId = ((await projects.json()) as { items: { id: string }[] }).items[0]!.id;

    const missing = await request.get(`/api/v1/projects/${crypto.randomUUID()}`);
    expect(missing.status()).toBe(404);
    expect(missing.headers()["cache-control"]).toBe("no-store");

    const invalid = await request.post("/api/v1/participants", { headers: originHeader, data: { projectId } });
    expect(invalid.status()).toBe(400);
    expect(invalid.headers()["cache-control"]).toBe("no-store");

    const file = await request.get("/api/v1/participants/export?format=csv");
    expect(file.status()).toBe(200);
    expect(file.headers()["cache-control"]).toBe("no-store");

    // No session cookie at all, whatever the project's storage state says.
    const anonymous = await playwright.request.newContext({ baseURL, storageState: { cookies: [], origins: [] } });
    const refused = await anonymous.get("/api/v1/projects");
    expect(refused.status()).toBe(401);
    expect(refused.headers()["cache-control"]).toBe("no-store");
    await anonymous.dispose();
  });

  test("Strict-Transport-Security is sent when the app is reached over HTTPS (behind a proxy), not over plain HTTP", async ({ request }) => {
    const overHttps = await request.get("/api/v1/projects", { headers: { "X-Forwarded-Proto": "https" } });
    expect(overHttps.headers()["strict-transport-security"]).toMatch(/^max-age=\d{7,}; includeSubDomains$/);
    const page = await request.get("/sign-in", { headers: { "X-Forwarded-Proto": "https" } });
    expect(page.headers()["strict-transport-security"]).toMatch(/^max-age=/);
    const overHttp = await request.get("/api/v1/projects");
    expect(overHttp.headers()["strict-transport-security"]).toBeUndefined();
  });
});
