import { storageStateFor } from "./support/accounts";
import { expect, expectAccessible, originHeader, test } from "./support/fixtures";
import { messages } from "./support/messages";

const fr = messages.fr;

test.describe("participants, as a manager (French)", () => {
  test.use({ storageState: storageStateFor("manager") });

  test("entering a person already on file shows the likely duplicate before saving", async ({ page }) => {
    await page.goto("/participants/new");
    await page.getByLabel(fr.participants.givenNames).fill("Jose Luis");
    await page.getByLabel(fr.participants.familyNames).fill("Martinez");
    const warning = page.getByRole("status").filter({ hasText: fr.participants.possibleDuplicates });
    await expect(warning).toBeVisible();
    await expect(warning.getByRole("link", { name: "José Luis Martínez" })).toBeVisible();
    await expect(warning).toContainText(fr.participants.reasons.similarName);
    await expectAccessible(page);

    // Saving anyway works: the warning informs, it does not block.
    await page.getByLabel(fr.participants.sex).selectOption("man");
    await page.getByRole("button", { name: fr.common.save }).click();
    await expect(page.getByRole("heading", { name: "Jose Luis Martinez" })).toBeVisible();
  });

  test("a pair from the queue is merged, keeping the history on the record kept", async ({ page }) => {
    await page.goto("/participants/duplicates");
    const pair = page.getByRole("listitem").filter({ hasText: "Maria Fernanda Lopes" }).filter({ hasText: "María Fernanda López" });
    await expect(pair).toBeVisible();
    await expectAccessible(page);
    await pair.getByRole("button", { name: "Garder María Fernanda López" }).click();
    await page.getByRole("dialog").getByRole("button", { name: fr.participants.merge }).click();
    await expect(page.getByRole("listitem").filter({ hasText: "Maria Fernanda Lopes" })).toHaveCount(0);
    const search = (await (await page.request.get("/api/v1/participants?q=maria+fernanda")).json()) as { total: number };
    expect(search.total).toBe(1);
  });

  test("'not the same person' removes a pair from the queue for good", async ({ page }) => {
    await page.goto("/participants/duplicates");
    const pair = page.getByRole("listitem").filter({ hasText: "Ana G. Hernandez" });
    await expect(pair).toBeVisible();
    await pair.getByRole("button", { name: fr.participants.notSamePerson }).click();
    await expect(page.getByRole("listitem").filter({ hasText: "Ana G. Hernandez" })).toHaveCount(0);
    await page.reload();
    await expect(page.getByRole("listitem").filter({ hasText: "Ana G. Hernandez" })).toHaveCount(0);
  });

  test("a person's data can be read, then erased for good while the counts remain", async ({ page }) => {
    const list = (await (await page.request.get("/api/v1/participants?q=emilia+zuniga")).json()) as { items: { id: string }[] };
    const id = list.items[0]!.id;
    await page.goto(`/participants/${id}/data`);
    await page.getByRole("button", { name: fr.participants.preparePersonalData }).click();
    await expect(page.getByText('"familyNames": "Zúniga"')).toBeVisible();
    await expectAccessible(page);
    await page.goto(`/participants/${id}`);
    await page.getByRole("button", { name: fr.participants.erase }).click();
    await page.getByRole("dialog").getByRole("button", { name: fr.participants.erase }).click();
    await expect(page.getByRole("status").filter({ hasText: fr.participants.erased })).toBeVisible();
    const after = (await (await page.request.get("/api/v1/participants?q=zuniga")).json()) as { total: number };
    expect(after.total).toBe(0);
    const record = (await (await page.request.get(`/api/v1/participants/${id}`)).json()) as { participant: Record<string, unknown> };
    expect(record.participant).toMatchObject({ givenNames: "", familyNames: "", email: null, sex: "other", isErased: true });
  });
});

test.describe("what a partner never receives", () => {
  test.use({ storageState: storageStateFor("partner") });

  test("no participant name or contact reaches a partner, in pages or in the API", async ({ page, browser }) => {
    const manager = await browser.newContext({ storageState: storageStateFor("manager") });
    const known = (await (await manager.request.get("/api/v1/participants?pageSize=1")).json()) as { items: { id: string; familyNames: string }[] };
    await manager.close();
    const someone = known.items[0]!;

    for (const path of [
      "/api/v1/participants",
      "/api/v1/participants/duplicates?familyNames=Martinez",
      "/api/v1/participants/duplicate-pairs",
      `/api/v1/participants/${someone.id}`,
      "/api/v1/participants/export?format=csv",
    ]) {
      const response = await page.request.get(path);
      expect([403, 404]).toContain(response.status());
      expect(await response.text()).not.toContain(someone.familyNames);
    }
    const projects = (await (await page.request.get("/api/v1/projects")).json()) as { items: { id: string }[] };
    const sheet = { projectId: projects.items[0]!.id, headers: ["Apellidos"], rows: [[someone.familyNames]], mapping: { familyNames: 0 } };
    for (const [path, data] of [
      [`/api/v1/participants/${someone.id}/export`, {}],
      [`/api/v1/participants/${someone.id}/erase`, {}],
      ["/api/v1/participants/import/preview", sheet],
      ["/api/v1/imports/read", { fileName: "x.csv", data: Buffer.from(`Apellidos\n${someone.familyNames}\n`).toString("base64") }],
    ] as const) {
      const response = await page.request.post(path, { headers: originHeader, data });
      expect([403, 404]).toContain(response.status());
      expect(await response.text()).not.toContain(someone.familyNames);
    }
    for (const path of ["/participants", `/participants/${someone.id}`, "/participants/duplicates", "/participants/new"]) {
      const response = await page.goto(path);
      expect(response?.status()).toBe(404);
      await expect(page.locator("body")).not.toContainText(someone.familyNames);
    }
    await page.goto("/institutions");
    await page.getByRole("link", { name: "Policía Nacional de Honduras" }).click();
    await expect(page.getByRole("heading", { name: messages.es.institutions.people })).toHaveCount(0);
    await expect(page.getByRole("link", { name: messages.es.nav.participants })).toHaveCount(0);
  });
});
