import fs from "node:fs";
import { request as playwrightRequest } from "@playwright/test";
import ICAL from "ical.js";
import { baseURL } from "../playwright.config";
import { storageStateFor } from "./support/accounts";
import { expect, expectAccessible, test } from "./support/fixtures";
import { messages } from "./support/messages";

const es = messages.es.calendar;
const summaries = (ics: string) => new ICAL.Component(ICAL.parse(ics)).getAllSubcomponents("vevent").map((v) => String(v.getFirstPropertyValue("summary")));

test.describe("calendars, as field staff (Spanish)", () => {
  test.use({ storageState: storageStateFor("field") });

  test("the private address made on the account page feeds a calendar app with the Honduras workshops, and a workshop downloads as one event", async ({ page }) => {
    await page.goto("/account");
    const section = page.getByRole("region", { name: es.title });
    await section.getByRole("button", { name: es.create }).click();
    const address = await section.getByLabel(es.addressLabel).inputValue();
    await expectAccessible(page);

    // A calendar app: no session, only the secret address.
    const app = await playwrightRequest.newContext({ baseURL });
    const feed = await app.get(address);
    expect(feed.headers()["content-type"]).toContain("text/calendar");
    expect(summaries(await feed.text())).toContain("Taller de línea de base — Tegucigalpa");
    await app.dispose();

    const projects = (await (await page.request.get("/api/v1/projects?q=HN-PARCLC")).json()) as { items: { id: string }[] };
    const projectId = projects.items[0]!.id;
    const workshops = (await (await page.request.get(`/api/v1/projects/${projectId}/workshops?q=Tegucigalpa`)).json()) as { items: { id: string }[] };
    await page.goto(`/projects/${projectId}/workshops/${workshops.items[0]!.id}`);
    const download = page.waitForEvent("download");
    await page.getByRole("link", { name: messages.es.workshops.addToCalendar }).click();
    const file = await (await download).path();
    expect(summaries(fs.readFileSync(file!, "utf8"))).toEqual(["Taller de línea de base — Tegucigalpa"]);
  });
});
