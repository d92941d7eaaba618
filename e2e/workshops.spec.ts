import type { APIRequestContext } from "@playwright/test";
import { storageStateFor } from "./support/accounts";
import { expect, expectAccessible, originHeader, test } from "./support/fixtures";
import { fill, messages } from "./support/messages";

const fr = messages.fr;
const es = messages.es;

async function hondurasProjectId(request: APIRequestContext) {
  const projects = (await (await request.get("/api/v1/projects?q=HN-PARCLC")).json()) as { items: { id: string }[] };
  return projects.items[0]!.id;
}

test.describe("planning, as a manager (French)", () => {
  test.use({ storageState: storageStateFor("manager") });

  test("a mission with its team, shown in the calendar, then a workshop in it with an invited institution and a day's agenda", async ({ page }) => {
    const tag = Date.now().toString(36);
    const projectId = await hondurasProjectId(page.request);
    await page.goto(`/projects/${projectId}`);
    await page.getByRole("navigation", { name: fr.projects.sections }).getByRole("link", { name: fr.missions.title }).click();
    await page.getByRole("link", { name: fr.missions.new }).click();
    await page
      .getByRole("group", { name: fill(fr.common.inLanguage, { language: fr.language.fr }) })
      .getByLabel(fr.missions.name)
      .fill(`Mission de suivi ${tag}`);
    await page.getByLabel(fr.missions.cities).fill("Choluteca, San Lorenzo");
    await page.getByLabel(fr.missions.startDate).fill("2027-03-01");
    await page.getByLabel(fr.missions.endDate).fill("2027-03-05");
    await page.getByLabel("Carlos Mejía").check();
    await page.getByRole("button", { name: fr.common.save }).click();
    await expect(page.getByRole("heading", { name: `Mission de suivi ${tag}` })).toBeVisible();
    await expect(page.getByText("Carlos Mejía")).toBeVisible();
    await expect(page.getByText("Choluteca, San Lorenzo")).toBeVisible();

    await page.goto(`/projects/${projectId}/missions?view=calendar&month=2027-03`);
    await expect(page.getByRole("link", { name: `Mission de suivi ${tag}` }).first()).toBeVisible();
    await expectAccessible(page);

    await page.goto(`/projects/${projectId}/workshops/new`);
    await page.getByLabel(fr.workshops.name).fill(`Atelier de formation ${tag}`);
    await page.getByLabel(fr.workshops.mission).selectOption({ label: `Mission de suivi ${tag}` });
    await page.getByLabel(fr.workshops.startDate).fill("2027-03-02");
    await page.getByLabel(fr.workshops.endDate).fill("2027-03-03");
    await page.getByLabel(fr.workshops.invitedSearch).fill("SESAL");
    await page.getByRole("button", { name: "+ Secretaría de Salud" }).click();
    await expect(page.getByRole("button", { name: fill(fr.workshops.remove, { name: "Secretaría de Salud" }) })).toBeVisible();
    await page.getByRole("button", { name: fr.common.save }).click();
    await expect(page.getByRole("heading", { name: `Atelier de formation ${tag}` })).toBeVisible();
    await expect(page.getByRole("link", { name: "Secretaría de Salud" })).toBeVisible();
    await expect(page.getByRole("link", { name: `Mission de suivi ${tag}` })).toBeVisible();

    await page.getByRole("link", { name: fr.workshops.edit }).click();
    await page.getByLabel(fill(fr.workshops.agendaFor, { day: "mardi 2 mars 2027" })).fill("Ouverture et cadre légal");
    await page.getByRole("button", { name: fr.common.save }).click();
    await expect(page.getByText("Ouverture et cadre légal")).toBeVisible();
    await expectAccessible(page);
  });
});

test.describe("a workshop from its mission's page, as a manager (French)", () => {
  test.use({ storageState: storageStateFor("manager") });

  test("a mission with no workshop offers a new one, opened with the mission chosen, and the workshop saved belongs to it", async ({ page }) => {
    const tag = Date.now().toString(36);
    const projectId = await hondurasProjectId(page.request);
    const created = await page.request.post(`/api/v1/projects/${projectId}/missions`, {
      data: { projectId, title: { original: "fr", fr: `Mission sans atelier ${tag}` }, country: "HN", startDate: "2027-05-03", endDate: "2027-05-07" },
      headers: originHeader,
    });
    expect(created.status()).toBe(201);
    const mission = (await created.json()) as { id: string };

    await page.goto(`/projects/${projectId}/missions/${mission.id}`);
    await expect(page.getByText(fr.missions.noWorkshops)).toBeVisible();
    await page.getByRole("link", { name: fr.workshops.new }).click();
    await expect(page).toHaveURL(new RegExp(`/workshops/new\\?missionId=${mission.id}$`));
    await expect(page.getByLabel(fr.workshops.mission)).toHaveValue(mission.id);
    await page.getByLabel(fr.workshops.name).fill(`Atelier de la mission ${tag}`);
    await page.getByLabel(fr.workshops.startDate).fill("2027-05-04");
    await page.getByLabel(fr.workshops.endDate).fill("2027-05-05");
    await page.getByRole("button", { name: fr.common.save }).click();
    await expect(page.getByRole("heading", { name: `Atelier de la mission ${tag}` })).toBeVisible();
    await page.getByRole("link", { name: `Mission sans atelier ${tag}` }).click();
    await expect(page.getByRole("link", { name: `Atelier de la mission ${tag}` })).toBeVisible();
    await expect(page.getByText(fr.missions.noWorkshops)).toHaveCount(0);
    const listed = (await (await page.request.get(`/api/v1/projects/${projectId}/missions/${mission.id}`)).json()) as { workshops: { title: string }[] };
    expect(listed.workshops.map((w) => w.title)).toEqual([`Atelier de la mission ${tag}`]);
  });
});

test.describe("missions are the staff's", () => {
  test.use({ storageState: storageStateFor("field") });

  test("field staff add a note to a mission they travel on; a partner finds no missions", async ({ page, browser }) => {
    const projectId = await hondurasProjectId(page.request);
    await page.goto(`/projects/${projectId}/missions?when=all`);
    await page.getByRole("link", { name: "Misión de lanzamiento y estudio de línea de base" }).click();
    // Only those who may create workshops are offered one from the mission.
    await expect(page.getByRole("heading", { name: es.missions.workshops })).toBeVisible();
    await expect(page.getByRole("link", { name: es.workshops.new })).toHaveCount(0);
    const note = `Sala confirmada ${Date.now().toString(36)}`;
    await page.getByLabel(es.missions.note, { exact: true }).fill(note);
    await page.getByRole("button", { name: es.missions.addNote }).click();
    await expect(page.getByText(note)).toBeVisible();
    await expect(page.getByLabel(es.missions.note, { exact: true })).toHaveValue("");

    const partner = await browser.newContext({ storageState: storageStateFor("partner") });
    const partnerPage = await partner.newPage();
    const response = await partnerPage.goto(`/projects/${projectId}/missions`);
    expect(response?.status()).toBe(404);
    expect((await partnerPage.request.get(`/api/v1/projects/${projectId}/missions`)).status()).toBe(403);
    await partner.close();
  });
});
