// Offline check-in in a real browser (issue 5), the phone's own work included: field staff prepare
// a two-day workshop for offline use in Chromium (phone viewport), go offline, check 500 people in
// through the check-in screen, and come back online; the figure is the time from the connection's
// return until the screen shows no change waiting. Used by offline-sync.ts, against its running app.
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { chromium, type Browser, type Page, type Request } from "@playwright/test";
import { and, asc, eq, isNotNull } from "drizzle-orm";
import type { Database } from "@/db/client";
import { participants, users, workshopInvitations, workshops } from "@/db/schema";
import { toSearchText } from "@/lib/search-text";
import { chromiumArgs, findChromium } from "../e2e/support/browser";
import { fill, messages, translator, type Locale } from "../e2e/support/messages";
import { benchAccounts } from "./generate";
import { base, signInPage } from "./server";

export const browserCheckIns = 500;
const phone = { width: 390, height: 844 };
// The workshop's two days: after the HTTP runs' days, inside the generated project's dates.
const browserDays = ["2025-06-16", "2025-06-17"];
// BENCH_CPU_SLOWDOWN=4: the page's CPU slowed down that many times (Chromium's own throttling, as
// DevTools does it) while it syncs, for a phone slower than this machine. The entry is not slowed.
export const cpuSlowdown = Number(process.env.BENCH_CPU_SLOWDOWN ?? 1);

type BenchSync = { online: number | null; zero: number | null; lowestPresent: number | null };

export type BrowserSetup = { projectId: string; workshopId: string; days: string[]; rosterSize: number; invitedInstitutions: number; names: string[]; locale: Locale };

export type BrowserResult = {
  /** Entering the 500 check-ins offline, through the UI (the UI's cost, not the target). */
  entryMs: number;
  /** From `setOffline(false)` until the screen shows no change waiting, as the test driver sees it. */
  syncMs: number;
  /** The same, inside the page: from its `online` event until the "waiting" text turned to zero. */
  syncInPageMs: number | null;
  /** Each POST …/sync: items sent, when it left and when it was answered (ms after `setOffline(false)`). */
  batches: { items: number; sentAt: number; answeredAt: number; status: number }[];
  rosterFetches: number;
  /** The lowest "present" count the screen showed while syncing. */
  lowestPresent: number | null;
  /** The screen once the roster fetched after the sync arrived: its "present" count and list. */
  settledScreen: { present: string | null; listed: number };
  presentOnServer: number;
  presentListed: number;
  presentOtherDay: number;
  /** What the device's outbox still holds afterwards: changes waiting, and refused ones. */
  outboxLeft: { waiting: number; refused: number };
};

/**
 * A fresh two-day workshop whose offline roster holds at least `browserCheckIns` people each found
 * alone by their full name: institutions are invited (the roster is their people) until enough of
 * their people's names match nobody else on the roster. Made in the database before the app starts.
 */
export async function seedBrowserWorkshop(database: Database, projectId: string): Promise<BrowserSetup> {
  const { db } = database;
  const [field] = await db.select({ locale: users.locale }).from(users).where(eq(users.email, benchAccounts.field));
  const locale = (field?.locale ?? "en") as Locale;
  const people = await db
    .select({ institutionId: participants.institutionId, givenNames: participants.givenNames, familyNames: participants.familyNames })
    .from(participants)
    .where(and(isNotNull(participants.institutionId), eq(participants.isErased, false)))
    .orderBy(asc(participants.institutionId), asc(participants.id));
  const byInstitution = new Map<string, { name: string; text: string }[]>();
  for (const p of people) {
    const list = byInstitution.get(p.institutionId!) ?? [];
    list.push({ name: `${p.givenNames} ${p.familyNames}`, text: toSearchText(p.givenNames, p.familyNames) });
    byInstitution.set(p.institutionId!, list);
  }
  const invited: string[] = [];
  const roster: { name: string; text: string }[] = [];
  let alone: string[] = [];
  for (const [institutionId, members] of byInstitution) {
    invited.push(institutionId);
    roster.push(...members);
    // Once the roster may be large enough, keep the people whose full name, searched as the
    // screen searches (every word somewhere in the name), finds them and nobody else.
    if (roster.length < browserCheckIns) continue;
    alone = roster
      .filter((p) => {
        const words = p.text.split(" ");
        return roster.filter((q) => words.every((w) => q.text.includes(w))).length === 1;
      })
      .map((p) => p.name);
    if (alone.length >= browserCheckIns) break;
  }
  if (alone.length < browserCheckIns) throw new Error(`Only ${alone.length} people can be found alone by name; the browser run needs ${browserCheckIns} (a larger BENCH_SCALE?)`);
  const [workshop] = await db
    .insert(workshops)
    .values({
      projectId,
      title: "Offline sync in the browser",
      type: "training",
      city: "La Ceiba",
      startDate: browserDays[0]!,
      endDate: browserDays[1]!,
      language: "es",
      status: "held",
    })
    .returning({ id: workshops.id });
  await db.insert(workshopInvitations).values(invited.map((institutionId) => ({ workshopId: workshop!.id, institutionId })));
  // In random order, as people arrive.
  const names = alone
    .map((name) => ({ name, r: Math.random() }))
    .sort((a, b) => a.r - b.r)
    .slice(0, browserCheckIns)
    .map((x) => x.name);
  return { projectId, workshopId: workshop!.id, days: browserDays, rosterSize: roster.length, invitedInstitutions: invited.length, names, locale };
}

const escapeRegex = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

type Step = { name: string; run: () => Promise<void> };

/** Runs one step after another, saying which one failed, with what the screen showed then. */
async function steps(page: Page, list: Step[]) {
  for (const step of list) {
    try {
      await step.run();
    } catch (error) {
      const shot = path.join(os.tmpdir(), `offline-sync-browser-${Date.now()}.png`);
      await page.screenshot({ path: shot, fullPage: true }).catch(() => {});
      const waiting = await page
        .getByTestId("waiting")
        .textContent({ timeout: 1000 })
        .catch(() => "(not found)");
      throw new Error(`at "${step.name}" (the screen's "waiting": ${waiting}; screenshot ${shot}): ${error instanceof Error ? error.message.split("\n")[0] : String(error)}`);
    }
  }
}

export async function measureInBrowser(setup: BrowserSetup, log: (line: string) => void): Promise<BrowserResult> {
  const browser: Browser = await chromium.launch({ executablePath: findChromium(), args: chromiumArgs });
  try {
    const context = await browser.newContext({ viewport: phone, baseURL: base });
    const page = await context.newPage();
    const m = messages[setup.locale];
    const tr = translator(setup.locale);
    const url = `/projects/${setup.projectId}/workshops/${setup.workshopId}/check-in?day=${setup.days[0]}`;
    const waitingText = (count: number) => tr("offline.waiting", { count });
    const hasText = async (text: string, timeout: number) => {
      await page.waitForFunction(([selector, wanted]) => document.querySelector(selector!)?.textContent === wanted, ['[data-testid="waiting"]', text] as const, {
        timeout,
        polling: 100,
      });
    };
    const presentCounter = `counter-${m.checkIn.present}`;
    const result: Partial<BrowserResult> = {};
    await steps(page, [
      { name: "sign in as field staff", run: () => signInPage(page, benchAccounts.field) },
      {
        name: "open the check-in screen",
        run: async () => {
          await page.goto(url);
          const lang = await page.evaluate(() => document.documentElement.lang);
          if (lang !== setup.locale) throw new Error(`the page speaks "${lang}", the bench expected "${setup.locale}"`);
        },
      },
      {
        name: `prepare for offline use ("${m.offline.prepare}")`,
        run: async () => {
          await page.getByRole("button", { name: m.offline.prepare }).click({ timeout: 30_000 });
          await page.getByText(m.offline.prepared.split("·")[0]!.trim()).waitFor({ timeout: 30_000 });
          await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
        },
      },
      {
        name: "go offline and open the screen from the device",
        run: async () => {
          await context.setOffline(true);
          await page.goto(url);
          await page.getByText(m.offline.workingOffline).waitFor({ timeout: 30_000 });
          await hasText(waitingText(0), 10_000);
        },
      },
      {
        name: `check in ${setup.names.length} people offline`,
        run: async () => {
          const search = page.getByLabel(m.checkIn.search);
          const results = page.getByRole("list", { name: m.checkIn.results });
          const start = performance.now();
          for (const [i, name] of setup.names.entries()) {
            await search.fill(name);
            await results.getByRole("button", { name: new RegExp(`^${escapeRegex(name)}.*${escapeRegex(m.checkIn.tapToMark)}$`) }).click({ timeout: 30_000 });
            await page
              .getByRole("status")
              .filter({ hasText: fill(m.checkIn.checkedIn, { name }) })
              .waitFor({ timeout: 30_000 });
            if ((i + 1) % 100 === 0) log(`    ${i + 1} entered, ${((performance.now() - start) / 1000).toFixed(1)} s`);
          }
          await hasText(waitingText(setup.names.length), 60_000);
          result.entryMs = performance.now() - start;
          log(`    the screen shows "${waitingText(setup.names.length)}"`);
          const present = await page.getByTestId(`counter-${m.checkIn.present}`).textContent();
          if (present !== String(setup.names.length)) throw new Error(`the screen counts ${present} present, not ${setup.names.length}`);
        },
      },
      {
        name: "come back online and sync",
        run: async () => {
          // Inside the page: when the connection returns, when "waiting" first shows zero, and the
          // lowest "present" count shown meanwhile (a person must not flicker back to absent).
          await page.evaluate(
            ([zero, counter]) => {
              const w = window as unknown as { benchSync: BenchSync };
              w.benchSync = { online: null, zero: null, lowestPresent: null };
              window.addEventListener("online", () => (w.benchSync.online ??= performance.now()), { once: true });
              // No named function in here: tsx would wrap it in a helper the page does not have.
              new MutationObserver(() => {
                if (w.benchSync.zero === null && document.querySelector('[data-testid="waiting"]')?.textContent === zero) w.benchSync.zero = performance.now();
                const present = Number(document.querySelector(`[data-testid="${counter}"]`)?.textContent ?? NaN);
                if (!Number.isNaN(present)) w.benchSync.lowestPresent = Math.min(w.benchSync.lowestPresent ?? present, present);
              }).observe(document.body, { subtree: true, childList: true, characterData: true });
            },
            [waitingText(0), presentCounter] as const,
          );
          if (cpuSlowdown > 1) await (await context.newCDPSession(page)).send("Emulation.setCPUThrottlingRate", { rate: cpuSlowdown });
          const batches: BrowserResult["batches"] = [];
          let rosterFetches = 0;
          const sentAt = new Map<object, number>();
          const statusOf = new Map<object, number>();
          const start = performance.now();
          page.on("request", (request) => {
            if (request.method() === "POST" && request.url().endsWith("/sync")) sentAt.set(request, performance.now() - start);
            if (request.url().includes("/offline-roster")) rosterFetches += 1;
          });
          page.on("response", (response) => statusOf.set(response.request(), response.status()));
          const answered = (request: Request, failed: boolean) => {
            const at = sentAt.get(request);
            if (at === undefined) return;
            const body = request.postDataJSON() as { items: unknown[] } | null;
            batches.push({ items: body?.items.length ?? 0, sentAt: at, answeredAt: performance.now() - start, status: failed ? 0 : (statusOf.get(request) ?? 0) });
          };
          page.on("requestfinished", (request) => answered(request, false));
          page.on("requestfailed", (request) => answered(request, true));
          await context.setOffline(false);
          await hasText(waitingText(0), 120_000);
          result.syncMs = performance.now() - start;
          const inPage = await page.evaluate(() => (window as unknown as { benchSync: BenchSync }).benchSync);
          result.syncInPageMs = inPage.online !== null && inPage.zero !== null ? inPage.zero - inPage.online : null;
          result.lowestPresent = inPage.lowestPresent;
          // Then the screen settles on the server's roster: still everyone present, listed once.
          await page
            .waitForFunction(
              ([counter, n]) =>
                document.querySelector(`[data-testid="${counter}"]`)?.textContent === String(n) && document.querySelectorAll('[data-testid="present-list"] > li').length === n,
              [presentCounter, setup.names.length] as const,
              { timeout: 10_000, polling: 100 },
            )
            .catch(() => {});
          result.settledScreen = {
            present: await page.getByTestId(presentCounter).textContent(),
            listed: await page.getByTestId("present-list").getByRole("listitem").count(),
          };
          if (cpuSlowdown > 1) await (await context.newCDPSession(page)).send("Emulation.setCPUThrottlingRate", { rate: 1 });
          result.batches = batches.sort((a, b) => a.sentAt - b.sentAt);
          result.rosterFetches = rosterFetches;
        },
      },
      {
        name: "count the day's attendance through the app's API",
        run: async () => {
          const attendanceOn = async (day: string) => {
            const response = await context.request.get(`/api/v1/projects/${setup.projectId}/workshops/${setup.workshopId}/attendance?day=${day}`);
            if (!response.ok()) throw new Error(`the day's attendance answered ${response.status()}`);
            return (await response.json()) as { counts: { present: number }; present: unknown[] };
          };
          const first = await attendanceOn(setup.days[0]!);
          result.presentOnServer = first.counts.present;
          result.presentListed = first.present.length;
          result.presentOtherDay = (await attendanceOn(setup.days[1]!)).counts.present;
          result.outboxLeft = await page.evaluate(outboxOnDevice);
        },
      },
    ]);
    return result as BrowserResult;
  } finally {
    await browser.close();
  }
}

/** The device's outbox as stored (the refusal is kept beside the sealed change, readable). */
async function outboxOnDevice(): Promise<{ waiting: number; refused: number }> {
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const request = indexedDB.open("atelier-offline");
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  try {
    const rows = await new Promise<{ refusal: unknown }[]>((resolve, reject) => {
      const request = db.transaction("outbox").objectStore("outbox").getAll();
      request.onsuccess = () => resolve(request.result as { refusal: unknown }[]);
      request.onerror = () => reject(request.error);
    });
    return { waiting: rows.filter((r) => !r.refusal).length, refused: rows.filter((r) => r.refusal).length };
  } finally {
    db.close();
  }
}
