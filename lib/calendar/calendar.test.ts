import ICAL from "ical.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { createTestDatabase } from "@/db/testing";
import { missions, missionTeam } from "@/db/schema";
import { contextForToken, newTokenSecret } from "@/lib/auth/api-token";
import { apiTokens } from "@/db/schema";
import { expectFailure, expectOk, written } from "@/lib/testing/helpers";
import { insertWorkshop } from "@/lib/testing/workshops";
import { createWorld } from "@/lib/testing/world";
import { setUserActive } from "@/lib/users/use-cases";
import { calendarForToken, getCalendarFeed, renewCalendarFeed } from "./feed";

let database: Database;

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

/** The events of an iCalendar text: uid, summary, dates (end exclusive), location, status. */
function eventsOf(ics: string) {
  const calendar = new ICAL.Component(ICAL.parse(ics));
  return calendar.getAllSubcomponents("vevent").map((v) => {
    const event = new ICAL.Event(v);
    return {
      summary: event.summary,
      start: event.startDate.toString(),
      end: event.endDate.toString(),
      location: event.location,
      status: String(v.getFirstPropertyValue("status")),
    };
  });
}

const address = () => `10.7.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`;
const tokenOf = (path: string) => path.split("/").at(-1)!;

async function setup() {
  const world = await createWorld(database.db);
  const field = await world.ctx("field");
  const workshop = await insertWorkshop(database.db, world.projectId, {
    title: "Taller de Comayagua",
    city: "Comayagua",
    venue: "Hotel Casa Grande",
    startDate: "2021-05-11",
    endDate: "2021-05-12",
  });
  await insertWorkshop(database.db, world.otherProjectId, { title: "Taller de otro proyecto" });
  await insertWorkshop(database.db, world.projectId, { title: "Taller cancelado", status: "cancelled", startDate: "2021-09-01", endDate: "2021-09-01" });
  const [travelled] = await database.db
    .insert(missions)
    .values({ projectId: world.projectId, title: written("Misión a Comayagua", "es"), country: "HN", cities: ["Comayagua"], startDate: "2021-05-10", endDate: "2021-05-13" })
    .returning();
  await database.db.insert(missionTeam).values({ missionId: travelled!.id, userId: field.user!.id });
  await database.db.insert(missions).values({ projectId: world.projectId, title: written("Misión sin ella", "es"), country: "HN", startDate: "2021-06-01", endDate: "2021-06-02" });
  return { world, field, workshop };
}

describe("the private calendar feed", () => {
  it("holds exactly the missions its owner travels on and the workshops of their projects, whole days and places", async () => {
    const s = await setup();
    expect(expectOk(await getCalendarFeed(s.field, {}))).toEqual({ createdAt: null });
    const feed = expectOk(await renewCalendarFeed(s.field, {}));
    expect(expectOk(await getCalendarFeed(s.field, {}))).toEqual({ createdAt: feed.createdAt });
    const ics = expectOk(await calendarForToken(database.db, tokenOf(feed.path), address()));
    expect(eventsOf(ics).sort((a, b) => a.start.localeCompare(b.start))).toEqual([
      { summary: "Misión a Comayagua", start: "2021-05-10", end: "2021-05-14", location: "Comayagua, HN", status: "CONFIRMED" },
      { summary: "Taller de Comayagua", start: "2021-05-11", end: "2021-05-13", location: "Hotel Casa Grande, Comayagua", status: "CONFIRMED" },
      { summary: "Taller cancelado", start: "2021-09-01", end: "2021-09-02", location: null, status: "CANCELLED" },
    ]);
  });

  it("stops at its old address once renewed, when its owner is deactivated, and for a made-up address", async () => {
    const s = await setup();
    const first = expectOk(await renewCalendarFeed(s.field, {}));
    const second = expectOk(await renewCalendarFeed(s.field, {}));
    expect(expectFailure(await calendarForToken(database.db, tokenOf(first.path), address())).error).toBe("not_found");
    expectOk(await calendarForToken(database.db, tokenOf(second.path), address()));
    expect(expectFailure(await calendarForToken(database.db, "made-up", address())).error).toBe("not_found");
    expectOk(await setUserActive(await s.world.ctx("admin"), { userId: s.field.user!.id, isActive: false }));
    expect(expectFailure(await calendarForToken(database.db, tokenOf(second.path), address())).error).toBe("not_found");
  });

  it("is renewed only from a browser, and fetched at most 60 times a minute from one address", async () => {
    const s = await setup();
    const { secret, hash } = newTokenSecret();
    await database.db.insert(apiTokens).values({ userId: s.field.user!.id, name: "Script", tokenHash: hash, access: "write", expiresAt: new Date(Date.now() + 86_400_000) });
    expect(expectFailure(await renewCalendarFeed((await contextForToken(database.db, secret))!, {})).error).toBe("forbidden");
    const feed = expectOk(await renewCalendarFeed(s.field, {}));
    const from = address();
    for (let i = 0; i < 60; i++) expectOk(await calendarForToken(database.db, tokenOf(feed.path), from));
    expect(expectFailure(await calendarForToken(database.db, tokenOf(feed.path), from)).error).toBe("too_many");
  });
});
