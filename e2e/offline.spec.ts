import type { APIRequestContext, BrowserContext, Page } from "@playwright/test";
import { storageStateFor } from "./support/accounts";
import { acceptSignInLink, createUserWithLink, expect, expectAccessible, originHeader, test, uniqueEmail } from "./support/fixtures";
import { fill, messages, translator } from "./support/messages";

const es = messages.es;
const t = es.checkIn;
const o = es.offline;
const tr = translator("es");
const day1 = "2021-05-11";
const day2 = "2021-05-12";
const phone = { width: 390, height: 844 };
// Institutions of the Honduras demo whose people the workshop invites, so the roster holds them.
const invited = ["Secretaría de Salud", "Ministerio Público de Honduras", "Asociación Calidad de Vida", "Policía Nacional de Honduras"];

async function createWorkshop(manager: APIRequestContext, title: string) {
  const projects = (await (await manager.get("/api/v1/projects?q=HN-PARCLC")).json()) as { items: { id: string }[] };
  const projectId = projects.items[0]!.id;
  const invitedInstitutionIds: string[] = [];
  for (const name of invited) {
    const found = (await (await manager.get(`/api/v1/institutions?${new URLSearchParams({ q: name })}`)).json()) as { items: { id: string; name: string }[] };
    invitedInstitutionIds.push(found.items.find((i) => i.name === name)!.id);
  }
  const response = await manager.post(`/api/v1/projects/${projectId}/workshops`, {
    data: { title, type: "training", city: "La Ceiba", startDate: day1, endDate: day2, language: "es", status: "held", invitedInstitutionIds },
    headers: originHeader,
  });
  expect(response.status()).toBe(201);
  const { id: workshopId } = (await response.json()) as { id: string };
  return { projectId, workshopId, url: `/projects/${projectId}/workshops/${workshopId}/check-in?day=${day1}` };
}

type Workshop = Awaited<ReturnType<typeof createWorkshop>>;

/** Who the server holds as present on a day, by name. */
async function presentOnServer(manager: APIRequestContext, w: Workshop, day = day1): Promise<string[]> {
  const response = await manager.get(`/api/v1/projects/${w.projectId}/workshops/${w.workshopId}/attendance?day=${day}`);
  const { present } = (await response.json()) as { present: { givenNames: string; familyNames: string }[] };
  return present.map((p) => `${p.givenNames} ${p.familyNames}`).sort();
}

// The offline PIN each test's user chooses the first time they prepare a workshop on a device.
const pin = "246810";

/** Opens the check-in screen and prepares it for offline use (choosing the PIN), once the service worker is active. */
async function prepare(page: Page, w: Workshop) {
  await page.goto(w.url);
  await page.getByRole("button", { name: o.prepare }).click();
  const choose = page.getByRole("region", { name: o.choosePinTitle });
  await choose.getByLabel(o.pin, { exact: true }).fill(pin);
  await choose.getByLabel(o.confirmPin).fill(pin);
  await choose.getByRole("button", { name: o.savePinAndPrepare }).click();
  await expect(page.getByText(o.prepared.split("·")[0]!.trim())).toBeVisible();
  // An active worker answers the next page loads, whether or not it controls this one yet.
  await page.evaluate(() => navigator.serviceWorker.ready);
}

/** Offline, the device's data opens only with the PIN. */
async function unlock(page: Page, typed = pin) {
  const prompt = page.getByRole("region", { name: o.unlockTitle });
  await prompt.getByLabel(o.pin, { exact: true }).fill(typed);
  await prompt.getByRole("button", { name: o.unlock }).click();
}

async function goOffline(context: BrowserContext, page: Page, w: Workshop) {
  await context.setOffline(true);
  await page.goto(w.url);
  await unlock(page);
  await expect(page.getByText(o.workingOffline)).toBeVisible();
}

async function checkIn(page: Page, typed: string, name: string) {
  await page.getByLabel(t.search).fill(typed);
  await page
    .getByRole("list", { name: t.results })
    .getByRole("button", { name: new RegExp(`^${name}.*${t.tapToMark}$`) })
    .click();
  await expect(page.getByRole("status").filter({ hasText: fill(t.checkedIn, { name }) })).toBeVisible();
}

/**
 * Opens the new-person form. On two busy cores a tap can land while the long roster list is still
 * being drawn and be lost, as a person would tap again: the form must open within a few tries.
 */
async function openNewPersonForm(page: Page) {
  const form = page.getByRole("form", { name: t.addNew });
  await expect(async () => {
    if (!(await form.isVisible())) await page.getByRole("button", { name: t.addNew }).click();
    await expect(form).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 20_000 });
  return form;
}

async function addNew(page: Page, givenNames: string, familyNames: string) {
  const form = await openNewPersonForm(page);
  await form.getByLabel(es.participants.givenNames).fill(givenNames);
  await form.getByLabel(es.participants.familyNames).fill(familyNames);
  await form.getByLabel(es.participants.sex).selectOption("woman");
  await form.getByRole("button", { name: t.addAndCheckIn }).click();
  await expect(page.getByRole("status").filter({ hasText: fill(t.checkedIn, { name: `${givenNames} ${familyNames}` }) })).toBeVisible();
}

const waiting = (page: Page) => page.getByTestId("waiting");
const presentList = (page: Page) => page.getByTestId("present-list").getByRole("listitem");

test.describe("check-in without a connection, as field staff on a phone (Spanish)", () => {
  test.use({ storageState: storageStateFor("field"), viewport: phone });

  test("prepared, then offline: ten check-ins (two new people) and an undo survive a reload and a closed tab, and reach the server exactly once", async ({
    page,
    context,
    browser,
  }) => {
    const manager = await browser.newContext({ storageState: storageStateFor("manager") });
    const w = await createWorkshop(manager.request, `Taller sin conexión ${Date.now().toString(36)}`);
    await prepare(page, w);
    await goOffline(context, page, w);
    await expect(page.getByTestId("connection")).toHaveText(o.offline);

    const people = [
      ["sandra", "Sandra Maradiaga"],
      ["sonia gal", "Sonia Galeas"],
      ["karla", "Karla Patricia Zelaya"],
      ["oscar", "Óscar Armando Rivera Paz"],
      ["ericka", "Ericka Pineda Lagos"],
      ["reina", "Reina Amaya de Flores"],
      ["euceda", "Claudia Euceda"],
      ["nelson", "Nelson Turcios"],
    ] as const;
    for (const [typed, name] of people) await checkIn(page, typed, name);
    const tag = Date.now().toString(36);
    await addNew(page, "Wendy", `Offline${tag}`);
    await addNew(page, "Dilcia", `Offline${tag}`);
    await page
      .getByRole("region", { name: t.presentToday })
      .getByRole("button", { name: fill(t.undoFor, { name: "Nelson Turcios" }) })
      .click();
    await expect(page.getByTestId(`counter-${t.present}`)).toHaveText("9");
    await expect(waiting(page)).toHaveText(tr("offline.waiting", { count: 13 }));

    // The tab is closed and the app opened again, still without a connection: nothing is lost.
    await page.close();
    const reopened = await context.newPage();
    await reopened.goto(w.url);
    await unlock(reopened);
    await expect(reopened.getByText(o.workingOffline)).toBeVisible();
    await expect(reopened.getByTestId(`counter-${t.present}`)).toHaveText("9");
    await expect(waiting(reopened)).toHaveText(tr("offline.waiting", { count: 13 }));
    expect(await presentOnServer(manager.request, w)).toEqual([]);

    await context.setOffline(false);
    await expect(waiting(reopened)).toHaveText(tr("offline.waiting", { count: 0 }));
    await expect(reopened.getByTestId("connection")).toHaveText(o.online);
    const onServer = await presentOnServer(manager.request, w);
    expect(onServer).toHaveLength(9);
    expect(onServer).toEqual(expect.arrayContaining([`Wendy Offline${tag}`, `Dilcia Offline${tag}`, "Sandra Maradiaga"]));
    expect(onServer).not.toContain("Nelson Turcios");
    const created = (await (await manager.request.get(`/api/v1/participants?q=Offline${tag}`)).json()) as { items: unknown[] };
    expect(created.items).toHaveLength(2);
    await expect(presentList(reopened)).toHaveCount(9);
    await manager.close();
  });

  test("late, left early and excused are one step beyond present, work offline, and reach the server and the report", async ({ page, context, browser }) => {
    const manager = await browser.newContext({ storageState: storageStateFor("manager") });
    const w = await createWorkshop(manager.request, `Taller de estados ${Date.now().toString(36)}`);
    await prepare(page, w);
    await goOffline(context, page, w);

    await checkIn(page, "sandra", "Sandra Maradiaga");
    // One step further: the row's "other" panel, reached by keyboard as well.
    await page.getByLabel(t.search).fill("karla");
    await page.getByRole("button", { name: fill(t.moreFor, { name: "Karla Patricia Zelaya" }) }).click();
    await page
      .getByRole("region", { name: fill(t.markAs, { name: "Karla Patricia Zelaya" }) })
      .getByRole("button", { name: t.statuses.late, exact: true })
      .click();
    await expect(page.getByRole("status").filter({ hasText: fill(t.marked, { name: "Karla Patricia Zelaya", status: t.statuses.late }) })).toBeVisible();

    // Sandra, already present, left early: changed from the day's list.
    const presentRegion = page.getByRole("region", { name: t.presentToday });
    await presentRegion.getByRole("button", { name: fill(t.moreFor, { name: "Sandra Maradiaga" }) }).click();
    await page
      .getByRole("region", { name: fill(t.markAs, { name: "Sandra Maradiaga" }) })
      .getByRole("button", { name: t.statuses.left_early, exact: true })
      .click();
    await expect(presentList(page).filter({ hasText: "Sandra Maradiaga" })).toContainText(t.statuses.left_early);

    // An excuse needs its reason.
    await page.getByLabel(t.search).fill("nelson");
    await page.getByRole("button", { name: fill(t.moreFor, { name: "Nelson Turcios" }) }).click();
    const panel = page.getByRole("region", { name: fill(t.markAs, { name: "Nelson Turcios" }) });
    await panel.getByRole("button", { name: t.saveExcuse }).click();
    await expect(panel.getByText(es.validation.required)).toBeVisible();
    await panel.getByLabel(t.reason).fill("Audiencia en el juzgado");
    await panel.getByLabel(t.reason).press("Enter");
    await expect(page.getByTestId("excused-list")).toContainText("Audiencia en el juzgado");
    // Late and left early count as present; the excused person does not.
    await expect(page.getByTestId(`counter-${t.present}`)).toHaveText("2");
    await expectAccessible(page);

    await context.setOffline(false);
    await expect(waiting(page)).toHaveText(tr("offline.waiting", { count: 0 }));
    const report = (await (await manager.request.get(`/api/v1/projects/${w.projectId}/workshops/${w.workshopId}/report`)).json()) as {
      overall: { attendances: number; late: number; leftEarly: number; excused: number };
      attendees: { familyNames: string; rate: number; excused: { reason: string }[] }[];
    };
    expect(report.overall).toMatchObject({ attendances: 2, late: 1, leftEarly: 1, excused: 1 });
    expect(report.attendees.map((a) => [a.familyNames, a.rate, a.excused.map((e) => e.reason)])).toEqual([
      ["Maradiaga", 0.5, []],
      ["Turcios", 0, ["Audiencia en el juzgado"]],
      ["Zelaya", 0.5, []],
    ]);
    await manager.close();
  });

  test("an outbox whose acknowledgements are lost twice is sent three times and leaves the same records", async ({ page, context, browser }) => {
    const manager = await browser.newContext({ storageState: storageStateFor("manager") });
    const w = await createWorkshop(manager.request, `Taller reenvío ${Date.now().toString(36)}`);
    await prepare(page, w);
    await goOffline(context, page, w);
    await checkIn(page, "sandra", "Sandra Maradiaga");
    await checkIn(page, "karla", "Karla Patricia Zelaya");
    await addNew(page, "Marta", `Reenvio${Date.now().toString(36)}`);

    // The server receives and applies each batch, but the first two answers never reach the phone.
    let sent = 0;
    await page.route("**/sync", async (route) => {
      sent += 1;
      const response = await route.fetch();
      if (sent <= 2) await route.abort("connectionreset");
      else await route.fulfill({ response });
    });
    await context.setOffline(false);
    await expect(waiting(page)).toHaveText(tr("offline.waiting", { count: 0 }), { timeout: 20_000 });
    expect(sent).toBe(3);
    expect(await presentOnServer(manager.request, w)).toHaveLength(3);
    await manager.close();
  });

  test("a new person's contact details, folded away in the form, travel sealed in the outbox and reach the server", async ({ page, context, browser }) => {
    const manager = await browser.newContext({ storageState: storageStateFor("manager") });
    const w = await createWorkshop(manager.request, `Taller contacto ${Date.now().toString(36)}`);
    await prepare(page, w);
    await goOffline(context, page, w);
    const tag = Date.now().toString(36);
    const email = `puerta-${tag}@e2e.example`;
    const form = await openNewPersonForm(page);
    await form.getByLabel(es.participants.givenNames).fill("Lesbia");
    await form.getByLabel(es.participants.familyNames).fill(`Contacto${tag}`);
    // Folded by default, and opened from the keyboard.
    await expect(form.getByLabel(es.participants.email)).toBeHidden();
    await form.getByText(t.contactDetails).focus();
    await page.keyboard.press("Enter");
    await form.getByLabel(es.participants.email).fill(email);
    await form.getByLabel(es.participants.phone).fill("+504 3311-2090");
    await form.getByLabel(es.participants.preferredLanguage).selectOption("en");
    await form.getByRole("button", { name: t.addAndCheckIn }).click();
    await expect(page.getByRole("status").filter({ hasText: fill(t.checkedIn, { name: `Lesbia Contacto${tag}` }) })).toBeVisible();
    await expect(waiting(page)).toHaveText(tr("offline.waiting", { count: 2 }));
    const stored = await page.evaluate(dumpIndexedDb);
    for (const clear of [email, "3311-2090", `Contacto${tag}`]) expect(stored).not.toContain(clear);

    await context.setOffline(false);
    await expect(waiting(page)).toHaveText(tr("offline.waiting", { count: 0 }));
    expect(await presentOnServer(manager.request, w)).toEqual([`Lesbia Contacto${tag}`]);
    const found = (await (await manager.request.get(`/api/v1/participants?q=Contacto${tag}`)).json()) as { items: { id: string }[] };
    expect(found.items).toHaveLength(1);
    const { participant } = (await (await manager.request.get(`/api/v1/participants/${found.items[0]!.id}`)).json()) as {
      participant: { email: string | null; phone: string | null; preferredLanguage: string | null };
    };
    expect(participant).toMatchObject({ email, phone: "+504 3311-2090", preferredLanguage: "en" });
    // The roster the device keeps after the sync names the person, never their contact details.
    await expect(presentList(page)).toHaveCount(1);
    const afterSync = await page.evaluate(dumpIndexedDb);
    for (const clear of [email, "3311-2090"]) expect(afterSync).not.toContain(clear);
    await manager.close();
  });

  for (const firstBack of ["the first phone", "the second phone"] as const) {
    test(`two phones check in overlapping people offline, ${firstBack} syncing first: one record per person and day, and both show the same list`, async ({
      page,
      context,
      browser,
    }) => {
      const manager = await browser.newContext({ storageState: storageStateFor("manager") });
      const w = await createWorkshop(manager.request, `Taller dos teléfonos ${Date.now().toString(36)}`);
      const other = await browser.newContext({ storageState: storageStateFor("field"), viewport: phone });
      const second = await other.newPage();
      await prepare(page, w);
      await prepare(second, w);
      await goOffline(context, page, w);
      await goOffline(other, second, w);
      for (const [typed, name] of [
        ["sandra", "Sandra Maradiaga"],
        ["karla", "Karla Patricia Zelaya"],
        ["reina", "Reina Amaya de Flores"],
      ] as const)
        await checkIn(page, typed, name);
      for (const [typed, name] of [
        ["karla", "Karla Patricia Zelaya"],
        ["reina", "Reina Amaya de Flores"],
        ["nelson", "Nelson Turcios"],
      ] as const)
        await checkIn(second, typed, name);

      const phones = [
        { context, page },
        { context: other, page: second },
      ];
      if (firstBack === "the second phone") phones.reverse();
      for (const phoneNow of phones) {
        await phoneNow.context.setOffline(false);
        await expect(waiting(phoneNow.page)).toHaveText(tr("offline.waiting", { count: 0 }));
      }
      const expected = ["Karla Patricia Zelaya", "Nelson Turcios", "Reina Amaya de Flores", "Sandra Maradiaga"];
      expect(await presentOnServer(manager.request, w)).toEqual(expected);
      const lists: string[][] = [];
      for (const phonePage of [page, second]) {
        await phonePage.reload();
        await expect(presentList(phonePage)).toHaveCount(4);
        lists.push((await presentList(phonePage).allInnerTexts()).sort());
      }
      expect(lists[0]).toEqual(lists[1]);
      for (const name of expected) expect(lists[0]!.join("\n")).toContain(name);
      await other.close();
      await manager.close();
    });
  }

  test("a refused change does not hold back the ones after it, and stays visible with its reason", async ({ page, context, browser }) => {
    const manager = await browser.newContext({ storageState: storageStateFor("manager") });
    const w = await createWorkshop(manager.request, `Taller rechazo ${Date.now().toString(36)}`);
    await prepare(page, w);
    await goOffline(context, page, w);
    await checkIn(page, "sandra", "Sandra Maradiaga");
    await page.getByRole("combobox", { name: t.day }).selectOption(day2);
    await checkIn(page, "karla", "Karla Patricia Zelaya");
    await page.getByRole("combobox", { name: t.day }).selectOption(day1);
    await checkIn(page, "reina", "Reina Amaya de Flores");

    // Meanwhile the workshop is cut to its first day.
    const { workshop } = (await (await manager.request.get(`/api/v1/projects/${w.projectId}/workshops/${w.workshopId}`)).json()) as { workshop: Record<string, unknown> };
    const updated = await manager.request.patch(`/api/v1/projects/${w.projectId}/workshops/${w.workshopId}`, {
      data: { ...workshop, endDate: day1, invitedInstitutionIds: [] },
      headers: originHeader,
    });
    expect(updated.status()).toBe(200);

    await context.setOffline(false);
    await expect(waiting(page)).toHaveText(tr("offline.waiting", { count: 0 }));
    expect(await presentOnServer(manager.request, w)).toEqual(["Reina Amaya de Flores", "Sandra Maradiaga"]);
    await page.getByRole("button", { name: new RegExp(o.review) }).click();
    const refused = page.getByRole("list", { name: o.refusedTitle }).getByRole("listitem");
    await expect(refused).toHaveCount(1);
    await expect(refused).toContainText("Karla Patricia Zelaya");
    await expect(refused).toContainText(o.refused.dayOutsideWorkshop);
    await expectAccessible(page);
    await manager.close();
  });

  test("a new person refused for a mistyped e-mail is corrected from the refused changes and reaches the server with it", async ({ page, context, browser }) => {
    const manager = await browser.newContext({ storageState: storageStateFor("manager") });
    const w = await createWorkshop(manager.request, `Taller correo ${Date.now().toString(36)}`);
    await prepare(page, w);
    await goOffline(context, page, w);
    const tag = Date.now().toString(36);
    const form = await openNewPersonForm(page);
    await form.getByLabel(es.participants.givenNames).fill("Olga");
    await form.getByLabel(es.participants.familyNames).fill(`Correo${tag}`);
    await form.getByText(t.contactDetails).click();
    await form.getByLabel(es.participants.email).fill(`olga-${tag}@`);
    await form.getByRole("button", { name: t.addAndCheckIn }).click();
    await expect(waiting(page)).toHaveText(tr("offline.waiting", { count: 2 }));

    await context.setOffline(false);
    await page.getByRole("button", { name: new RegExp(o.review) }).click();
    const refused = page.getByRole("list", { name: o.refusedTitle }).getByRole("listitem");
    await expect(refused.filter({ hasText: `Olga Correo${tag}` }).first()).toContainText(es.participants.email);
    expect(await presentOnServer(manager.request, w)).toEqual([]);
    await refused.getByRole("button", { name: o.fix }).click();
    const email = `olga-${tag}@e2e.example`;
    await refused.getByLabel(es.participants.email).fill(email);
    await refused.getByRole("button", { name: o.saveAndSend }).click();
    await expect(page.getByRole("list", { name: o.refusedTitle })).toBeHidden();
    await expect.poll(() => presentOnServer(manager.request, w)).toEqual([`Olga Correo${tag}`]);
    const found = (await (await manager.request.get(`/api/v1/participants?q=Correo${tag}`)).json()) as { items: { id: string }[] };
    const { participant } = (await (await manager.request.get(`/api/v1/participants/${found.items[0]!.id}`)).json()) as { participant: { email: string | null } };
    expect(participant.email).toBe(email);
    await manager.close();
  });
});

test.describe("opening the app without a connection", () => {
  test.use({ storageState: storageStateFor("field"), viewport: phone });

  test("from the home screen, the offline page leads to the prepared workshop, where check-in works", async ({ page, context, browser }) => {
    const manager = await browser.newContext({ storageState: storageStateFor("manager") });
    const title = `Taller inicio ${Date.now().toString(36)}`;
    const w = await createWorkshop(manager.request, title);
    await prepare(page, w);
    await context.setOffline(true);
    await page.goto("/projects");
    await expect(page.getByRole("heading", { name: o.pageTitle })).toBeVisible();
    await expectAccessible(page);
    await unlock(page);
    const prepared = page.getByRole("region", { name: o.preparedList }).getByRole("listitem").filter({ hasText: title });
    await prepared.getByRole("link", { name: o.openCheckIn }).click();
    // A new page: the key opened on the previous one stayed in its memory.
    await unlock(page);
    await expect(page.getByText(o.workingOffline)).toBeVisible();
    await checkIn(page, "sandra", "Sandra Maradiaga");
    await expect(waiting(page)).toHaveText(tr("offline.waiting", { count: 1 }));
    await context.setOffline(false);
    await expect(waiting(page)).toHaveText(tr("offline.waiting", { count: 0 }));
    expect(await presentOnServer(manager.request, w, await page.getByRole("combobox", { name: t.day }).inputValue())).toEqual(["Sandra Maradiaga"]);
    await manager.close();
  });
});

test.describe("what stays on the device", () => {
  test.use({ viewport: phone });

  test("signed in, the device holds no contact detail and no readable name; after sign-out it holds nothing", async ({ browser }) => {
    // A field member of their own: signing out ends every session of the user.
    const admin = await browser.newContext({ storageState: storageStateFor("admin") });
    const manager = await browser.newContext({ storageState: storageStateFor("manager") });
    const { userId, token } = await createUserWithLink(admin.request, { name: "Teléfono Prueba", email: uniqueEmail("movil"), locale: "es" });
    const w = await createWorkshop(manager.request, `Taller datos ${Date.now().toString(36)}`);
    const granted = await admin.request.post(`/api/v1/projects/${w.projectId}/members`, { data: { userId, role: "field" }, headers: originHeader });
    expect(granted.ok()).toBe(true);
    const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
    const page = await context.newPage();
    await acceptSignInLink(page, token, "clave-de-prueba-2026");
    await expect(page).toHaveURL(/\/projects/);
    // Someone of an invited institution with an e-mail and a phone on file.
    const tag = Date.now().toString(36);
    const email = `contacto-${tag}@e2e.example`;
    const phoneNumber = "+504 2237-9911";
    const institutions = (await (await manager.request.get(`/api/v1/institutions?${new URLSearchParams({ q: invited[0]! })}`)).json()) as { items: { id: string; name: string }[] };
    const institutionId = institutions.items.find((i) => i.name === invited[0])!.id;
    const person = await manager.request.post("/api/v1/participants", {
      data: { projectId: w.projectId, givenNames: "Contacta", familyNames: `Prueba${tag}`, sex: "woman", institutionId, email, phone: phoneNumber },
      headers: originHeader,
    });
    expect(person.status()).toBe(201);
    const roster = await (await manager.request.get(`/api/v1/projects/${w.projectId}/workshops/${w.workshopId}/offline-roster`)).text();
    expect(roster).toContain(`Prueba${tag}`);
    for (const contact of [email, phoneNumber, "2237-9911"]) expect(roster).not.toContain(contact);

    await prepare(page, w);
    await goOffline(context, page, w);
    await checkIn(page, "sandra", "Sandra Maradiaga");
    await checkIn(page, `prueba${tag}`, `Contacta Prueba${tag}`);

    // Sealed: neither the contact details (never sent) nor the names can be read from the device.
    const stored = await page.evaluate(dumpIndexedDb);
    expect(stored.length).toBeGreaterThan(1000);
    for (const clear of [email, "2237-9911", `Prueba${tag}`, "Maradiaga", "Secretaría de Salud"]) expect(stored).not.toContain(clear);

    // Back online, but the server cannot be reached: the two check-ins still wait, and signing out warns first.
    await page.route("**/sync", (route) => route.abort("connectionrefused"));
    await context.setOffline(false);
    await expect(page.getByTestId("connection")).toHaveText(o.online);
    await expect(waiting(page)).toHaveText(tr("offline.waiting", { count: 2 }));
    const signOut = page.getByRole("banner").getByRole("button", { name: es.nav.signOut });
    const dialog = page.getByRole("dialog");
    await signOut.click();
    await expect(dialog).toContainText(tr("offline.unsentWarning", { count: 2 }));
    await dialog.getByRole("button", { name: o.cancel }).click();
    await expect(waiting(page)).toHaveText(tr("offline.waiting", { count: 2 }));
    await signOut.click();
    await dialog.getByRole("button", { name: o.signOutAnyway }).click();
    await expect(page).toHaveURL(/sign-in/);
    expect(await page.evaluate(() => indexedDB.databases())).toEqual([]);
    expect(await page.evaluate(() => caches.keys().then((keys) => keys.filter((k) => k === "check-in-pages")))).toEqual([]);
    await context.close();
    await manager.close();
    await admin.close();
  });
});

test.describe("who can open the device's data", () => {
  test.use({ storageState: storageStateFor("field"), viewport: phone });

  const databases = (page: Page) => page.evaluate(() => indexedDB.databases().then((all) => all.map((d) => d.name)));

  test("a prepared roster opens only with its owner's PIN: the offline page lists nothing until then, and the session's end erases it", async ({ page, context, browser }) => {
    const manager = await browser.newContext({ storageState: storageStateFor("manager") });
    const title = `Taller cerrado ${Date.now().toString(36)}`;
    const w = await createWorkshop(manager.request, title);
    await prepare(page, w);

    // The session ends (here: its cookie is gone) while the phone is offline.
    await context.clearCookies();
    await context.setOffline(true);
    await page.goto("/projects");
    await expect(page.getByRole("heading", { name: o.pageTitle })).toBeVisible();
    await expect(page.getByRole("region", { name: o.unlockTitle })).toContainText(tr("offline.unlockHelp", { count: 5 }));
    await expect(page.getByRole("region", { name: o.preparedList })).toHaveCount(0);
    await expect(page.getByText(title)).toHaveCount(0);
    await expectAccessible(page);
    await unlock(page, "135790");
    await expect(page.getByText(tr("offline.wrongPin", { count: 4 }))).toBeVisible();
    await expect(page.getByText(title)).toHaveCount(0);

    // The check-in screen, stored for offline use, asks for the PIN too.
    await page.goto(w.url);
    await expect(page.getByRole("region", { name: o.unlockTitle })).toBeVisible();
    await expect(page.getByText("Sandra Maradiaga")).toHaveCount(0);
    await unlock(page);
    await expect(page.getByText(o.workingOffline)).toBeVisible();

    // Back online, the server sends the browser to sign-in: the device keeps nothing of the user's.
    await context.setOffline(false);
    await page.goto(w.url);
    await expect(page).toHaveURL(/sign-in/);
    await expect.poll(() => databases(page)).toEqual([]);
    expect(await page.evaluate(() => caches.has("check-in-pages"))).toBe(false);
    await manager.close();
  });

  test("five wrong PINs erase the data, after a warning that unsent changes go with it", async ({ page, context, browser }) => {
    const manager = await browser.newContext({ storageState: storageStateFor("manager") });
    const w = await createWorkshop(manager.request, `Taller intentos ${Date.now().toString(36)}`);
    await prepare(page, w);
    await goOffline(context, page, w);
    await checkIn(page, "sandra", "Sandra Maradiaga");
    await page.reload();
    for (const left of [4, 3, 2, 1]) {
      await unlock(page, "000000");
      await expect(page.getByText(tr("offline.wrongPin", { count: left }))).toBeVisible();
    }
    await unlock(page, "000000");
    await expect(page.getByText(o.pinErased)).toBeVisible();
    // The stored page went too: the offline page answers, with nothing prepared.
    await page.goto(w.url);
    await expect(page.getByText(o.nonePrepared)).toBeVisible();
    await context.setOffline(false);
    expect(await presentOnServer(manager.request, w)).toEqual([]);
    await manager.close();
  });

  test("a 401 from the server erases the device's data at once", async ({ page, context, browser }) => {
    const manager = await browser.newContext({ storageState: storageStateFor("manager") });
    const w = await createWorkshop(manager.request, `Taller expirado ${Date.now().toString(36)}`);
    await prepare(page, w);
    await context.clearCookies();
    // Searching the directory asks the server, which no longer knows the session.
    await page.getByLabel(t.search).fill("sandra");
    await expect(page.getByText(o.signedOut)).toBeVisible();
    await expect.poll(() => databases(page)).toEqual([]);
    await manager.close();
  });
});

test.describe("a new password", () => {
  test.use({ viewport: phone });

  test("erases what the device kept offline", async ({ browser }) => {
    const admin = await browser.newContext({ storageState: storageStateFor("admin") });
    const manager = await browser.newContext({ storageState: storageStateFor("manager") });
    const { userId, token } = await createUserWithLink(admin.request, { name: "Clave Nueva", email: uniqueEmail("clave"), locale: "es" });
    const w = await createWorkshop(manager.request, `Taller clave ${Date.now().toString(36)}`);
    const granted = await admin.request.post(`/api/v1/projects/${w.projectId}/members`, { data: { userId, role: "field" }, headers: originHeader });
    expect(granted.ok()).toBe(true);
    const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
    const page = await context.newPage();
    const password = "clave-de-prueba-2026";
    await acceptSignInLink(page, token, password);
    await expect(page).toHaveURL(/\/projects/);
    await prepare(page, w);
    expect(await page.evaluate(() => indexedDB.databases().then((all) => all.length))).toBe(1);

    await page.goto("/account");
    const a = es.account;
    await page.getByLabel(a.currentPassword).fill(password);
    await page.getByLabel(a.newPassword, { exact: true }).fill("otra-clave-de-prueba-2026");
    await page.getByLabel(a.confirmPassword).fill("otra-clave-de-prueba-2026");
    await page.getByRole("main").getByRole("button", { name: a.changePassword }).click();
    await expect(page).toHaveURL(/sign-in/);
    await expect.poll(() => page.evaluate(() => indexedDB.databases())).toEqual([]);
    await context.close();
    await manager.close();
    await admin.close();
  });
});

/** Every record of every IndexedDB database of the origin, as text (bytes as their character codes). */
async function dumpIndexedDb(): Promise<string> {
  const text = (value: unknown): string => {
    if (value instanceof ArrayBuffer) return new TextDecoder().decode(value);
    if (ArrayBuffer.isView(value)) return new TextDecoder().decode(value.buffer);
    if (value && typeof value === "object") return Object.values(value).map(text).join(" ");
    return String(value);
  };
  const out: string[] = [];
  for (const info of await indexedDB.databases()) {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open(info.name!);
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    for (const store of Array.from(db.objectStoreNames)) {
      const rows = await new Promise<unknown[]>((resolve) => {
        const request = db.transaction(store).objectStore(store).getAll();
        request.onsuccess = () => resolve(request.result);
      });
      out.push(...rows.map(text));
    }
    db.close();
  }
  return out.join("\n");
}
