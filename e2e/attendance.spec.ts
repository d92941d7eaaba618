import type { APIRequestContext, Page } from "@playwright/test";
import { storageStateFor } from "./support/accounts";
import { expect, expectAccessible, originHeader, test } from "./support/fixtures";
import { fill, messages, translator } from "./support/messages";

const es = messages.es;
const fr = messages.fr;

async function hondurasProjectId(request: APIRequestContext) {
  const projects = (await (await request.get("/api/v1/projects?q=HN-PARCLC")).json()) as { items: { id: string }[] };
  return projects.items[0]!.id;
}

/** A fresh two-day workshop of the Honduras project, so this spec's check-ins touch no one else's figures. */
async function createWorkshop(manager: APIRequestContext, title: string) {
  const projectId = await hondurasProjectId(manager);
  const response = await manager.post(`/api/v1/projects/${projectId}/workshops`, {
    data: { title, type: "training", city: "Comayagua", startDate: "2021-03-09", endDate: "2021-03-10", language: "es", status: "held" },
    headers: originHeader,
  });
  expect(response.status()).toBe(201);
  const workshop = (await response.json()) as { id: string };
  return { projectId, workshopId: workshop.id };
}

const counter = (page: Page, label: string) => page.getByTestId(`counter-${label}`);

test.describe("check-in on a phone, as field staff (Spanish)", () => {
  test.use({ storageState: storageStateFor("field"), viewport: { width: 390, height: 844 } });

  test("five people checked in on day 1 (one new), one undone, day 2 empty; the manager's report shows the exact counts", async ({ page, browser }) => {
    const managerContext = await browser.newContext({ storageState: storageStateFor("manager") });
    const title = `Taller móvil ${Date.now().toString(36)}`;
    const { projectId, workshopId } = await createWorkshop(managerContext.request, title);
    const t = es.checkIn;

    await page.goto(`/projects/${projectId}/workshops/${workshopId}/check-in?day=2021-03-09`);
    await expect(page.getByRole("heading", { name: `${t.title} · ${title}` })).toBeVisible();
    await expect(page.getByText(t.nobodyYet)).toBeVisible();
    const search = page.getByLabel(t.search);
    for (const [typed, name] of [
      ["karla zel", "Karla Patricia Zelaya"],
      ["rosa elvira", "Rosa Elvira Cruz"],
      ["nelson", "Nelson Turcios"],
      ["galeas", "Sonia Galeas"],
    ]) {
      await search.fill(typed!);
      await page
        .getByRole("list", { name: t.results })
        .getByRole("button", { name: new RegExp(`^${name}.*${t.tapToMark}$`) })
        .click();
      await expect(page.getByRole("status").filter({ hasText: fill(t.checkedIn, { name: name! }) })).toBeVisible();
    }
    await expect(counter(page, t.present)).toHaveText("4");

    // Someone not on file: the short form, then checked in at once.
    const newcomer = `Prueba${Date.now().toString(36)}`;
    await page.getByRole("button", { name: t.addNew }).click();
    const form = page.getByRole("form", { name: t.addNew });
    await form.getByLabel(es.participants.givenNames).fill("Wendy");
    await form.getByLabel(es.participants.familyNames).fill(newcomer);
    await form.getByLabel(es.participants.sex).selectOption("woman");
    await form.getByRole("button", { name: t.addAndCheckIn }).click();
    await expect(page.getByRole("status").filter({ hasText: fill(t.checkedIn, { name: `Wendy ${newcomer}` }) })).toBeVisible();
    await expect(counter(page, t.present)).toHaveText("5");
    await expect(counter(page, t.women)).toHaveText("4");
    // Each row of tiles adds up to the people present: the newcomer came without an institution.
    const sum = async (labels: string[]) => (await Promise.all(labels.map((label) => counter(page, label).textContent()))).reduce((total, n) => total + Number(n), 0);
    await expect.poll(() => sum([t.women, t.men, t.otherSex])).toBe(5);
    await expect.poll(() => sum([t.state, t.civilSociety, t.otherSector, t.noInstitution])).toBe(5);
    expect(Number(await counter(page, t.noInstitution).textContent())).toBeGreaterThanOrEqual(1);
    await expectAccessible(page);

    // A mistaken tap is undone from the day's list.
    await page
      .getByRole("region", { name: t.presentToday })
      .getByRole("button", { name: fill(t.undoFor, { name: "Nelson Turcios" }) })
      .click();
    await expect(counter(page, t.present)).toHaveText("4");
    await expect(counter(page, t.men)).toHaveText("0");

    await page.getByRole("combobox", { name: t.day }).selectOption("2021-03-10");
    await expect(page.getByText(t.nobodyYet)).toBeVisible();
    await expect(counter(page, t.present)).toHaveText("0");
    await expect(page).toHaveURL(/day=2021-03-10/);

    // Nothing on the page scrolls sideways at phone width.
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    // The undo reaches the server with the phone's next sync: the report is read once nothing waits.
    await expect(page.getByTestId("waiting")).toHaveText(translator("es")("offline.waiting", { count: 0 }), { timeout: 20_000 });

    const managerPage = await managerContext.newPage();
    await managerPage.goto(`/projects/${projectId}/workshops/${workshopId}/report`);
    const summary = managerPage.getByRole("region", { name: fr.report.summary });
    await expect(summary.getByRole("row", { name: new RegExp(`^${fr.report.participants} 4 4 0$`) })).toBeVisible();
    await expect(summary.getByRole("row", { name: new RegExp(`^${fr.report.attendances} 4 4 0$`) })).toBeVisible();
    const attendees = managerPage.getByRole("region", { name: fr.report.attendees });
    await expect(attendees).toContainText("Zelaya, Karla Patricia");
    await expect(attendees).not.toContainText("Turcios");
    await expectAccessible(managerPage);
    await managerContext.close();
  });
});

test.describe("a long day at the door, as field staff on a phone", () => {
  test.use({ storageState: storageStateFor("field"), viewport: { width: 390, height: 844 } });

  test("the lists start with a screenful and the rest of the 33 present come as one scrolls", async ({ page }) => {
    const projectId = await hondurasProjectId(page.request);
    const list = (await (await page.request.get(`/api/v1/projects/${projectId}/workshops?q=Tegucigalpa`)).json()) as { items: { id: string }[] };
    await page.goto(`/projects/${projectId}/workshops/${list.items[0]!.id}/check-in?day=2019-06-18`);
    await expect(counter(page, es.checkIn.present)).toHaveText("33");
    const present = page.getByTestId("present-list").getByRole("listitem");
    await expect(present).toHaveCount(10);
    await expect(page.getByRole("list", { name: es.checkIn.results }).getByRole("listitem")).toHaveCount(10);
    await expect(async () => {
      await page.mouse.wheel(0, 3000);
      await expect(present).toHaveCount(33, { timeout: 500 });
    }).toPass();
  });
});

// A time zone whose date differs from UTC's right now: Kiritimati (UTC+14) is already tomorrow
// from 10:00 UTC; before that, Pago Pago (UTC-11) is still yesterday.
const farZone = new Date().getUTCHours() >= 10 ? "Pacific/Kiritimati" : "Pacific/Pago_Pago";

test.describe("the day a check-in screen opens on", () => {
  test.use({ storageState: storageStateFor("field"), timezoneId: farZone });

  test("is today where the phone is, not on the server's clock", async ({ page, browser }) => {
    const managerContext = await browser.newContext({ storageState: storageStateFor("manager") });
    const projectId = await hondurasProjectId(managerContext.request);
    const utcToday = new Date();
    const shift = (days: number) => new Date(utcToday.getTime() + days * 86_400_000).toISOString().slice(0, 10);
    const response = await managerContext.request.post(`/api/v1/projects/${projectId}/workshops`, {
      data: { title: `Taller en curso ${Date.now().toString(36)}`, type: "training", startDate: shift(-2), endDate: shift(2), language: "es" },
      headers: originHeader,
    });
    const workshop = (await response.json()) as { id: string };
    await managerContext.close();
    const localToday = new Intl.DateTimeFormat("en-CA", { timeZone: farZone }).format(utcToday);
    expect(localToday).not.toBe(utcToday.toISOString().slice(0, 10));
    await page.goto(`/projects/${projectId}/workshops/${workshop.id}/check-in`);
    await expect(page.getByRole("combobox", { name: es.checkIn.day })).toHaveValue(localToday);
  });
});

test.describe("the workshop report, as a partner (Spanish)", () => {
  test.use({ storageState: storageStateFor("partner") });

  test("shows the Tegucigalpa figures without a single participant's name, in the page and the API", async ({ page }) => {
    const projectId = await hondurasProjectId(page.request);
    const list = (await (await page.request.get(`/api/v1/projects/${projectId}/workshops?q=Tegucigalpa`)).json()) as { items: { id: string }[] };
    const workshopId = list.items[0]!.id;
    await page.goto(`/projects/${projectId}/workshops/${workshopId}/report`);
    await expect(page.getByText(es.report.figuresOnly)).toBeVisible();
    const summary = page.getByRole("region", { name: es.report.summary });
    await expect(summary.getByRole("row", { name: new RegExp(`^${es.report.participants} 35 33 30$`) })).toBeVisible();
    await expect(page.getByRole("region", { name: es.report.absent })).toContainText("Instituto Nacional de Migración");
    await expect(page.locator("main")).not.toContainText("Zelaya");
    await expect(page.getByRole("region", { name: es.report.attendees })).toHaveCount(0);
    const api = (await (await page.request.get(`/api/v1/projects/${projectId}/workshops/${workshopId}/report`)).json()) as { attendees: unknown };
    expect(api.attendees).toBeNull();
    // Check-in and the sign-in sheet are the staff's.
    expect((await page.request.get(`/api/v1/projects/${projectId}/workshops/${workshopId}/sign-in-sheet?day=2019-06-18`)).status()).toBe(403);
    await expectAccessible(page);
  });
});
