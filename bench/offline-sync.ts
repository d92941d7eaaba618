// Offline check-in benchmark (issue 5): a phone's outbox of 500 check-ins synced to the built app
// the way its sync engine sends it (ordered batches of at most 200, each after the last is
// answered, as field staff), then the whole outbox again, as after a lost acknowledgement; and the
// check-in screen's first-load JavaScript, compressed. Then the same in a real browser, the phone's
// own work included (offline-sync-browser.ts): 500 people checked in offline through the check-in
// screen in Chromium, and the time from the connection's return until nothing waits. On PGlite at
// the "medium" scale (BENCH_SCALE), or on a scratch database of the PostgreSQL server at
// DATABASE_URL when it is set.
// Run: npm run bench:offline-sync (builds the app first if needed). BENCH_OFFLINE_PARTS=http or
// =browser runs one part only.
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import zlib from "node:zlib";
import { count, eq, inArray } from "drizzle-orm";
import { openPglite, openPostgres, type Database } from "@/db/client";
import { attendance, participants, workshops } from "@/db/schema";
import type { SyncInput } from "@/lib/attendance/schemas";
import type { SyncResult } from "@/lib/attendance/sync";
import { benchAccounts, createScratchDatabase, generateScale, pick, someFamilyName, someGivenName, type ScaleName } from "./generate";
import { browserCheckIns, cpuSlowdown, measureInBrowser, seedBrowserWorkshop, type BrowserResult, type BrowserSetup } from "./offline-sync-browser";
import { base, ensureBuilt, signIn, startServer, stopServer } from "./server";

const scale = (process.env.BENCH_SCALE ?? "medium") as ScaleName;
const runs = 3;
const checkInsPerRun = 500;
// Some people are registered at the desk while offline: the outbox creates them, then checks them in.
const newPeoplePerRun = 5;
// The most the sync endpoint takes in one request (syncInput).
const batchSize = 200;
const syncTargetMs = 10_000;
const jsTargetKb = 200;
const parts = process.env.BENCH_OFFLINE_PARTS ?? "http,browser";
const withHttp = parts.includes("http");
const withBrowser = parts.includes("browser");

type Item = SyncInput["items"][number];
type Target = { label: string; env: Record<string, string>; open: () => Database; drop: () => Promise<void> };
type Setup = { projectId: string; workshopId: string; userId: string; days: string[]; participantIds: string[]; browser: BrowserSetup | null };
type Sent = { ms: number; batchMs: number[]; answers: Map<string, number>; present: number };
type Run = { day: string; newIds: string[]; first: Sent; again: Sent };

function pgliteTarget(): Target {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "atelier-bench-"));
  return {
    label: "PGlite",
    env: { ATELIER_DATA_DIR: dir, DATABASE_URL: "" },
    open: () => openPglite(path.join(dir, "pglite")),
    drop: async () => fs.rmSync(dir, { recursive: true, force: true }),
  };
}

async function postgresTarget(adminUrl: string): Promise<Target> {
  const scratch = await createScratchDatabase(adminUrl);
  return { label: "PostgreSQL", env: { DATABASE_URL: scratch.url }, open: () => openPostgres(scratch.url, { max: 4 }), drop: scratch.drop };
}

/** The generated project, plus a workshop of one day per run that nobody has checked in to yet. */
async function seed(database: Database): Promise<Setup> {
  try {
    const generated = await generateScale(database, scale);
    const days = Array.from({ length: runs }, (_, i) => new Date(Date.UTC(2025, 5, 2 + i)).toISOString().slice(0, 10));
    const [workshop] = await database.db
      .insert(workshops)
      .values({ projectId: generated.projectId, title: "Offline sync", type: "training", startDate: days[0]!, endDate: days.at(-1)!, language: "es", status: "held" })
      .returning({ id: workshops.id });
    const browser = withBrowser
      ? await seedBrowserWorkshop(database, generated.projectId).catch((error: unknown) => {
          console.log(`NO BROWSER RUN: ${error instanceof Error ? error.message : String(error)}\n`);
          process.exitCode = 1;
          return null;
        })
      : null;
    return { projectId: generated.projectId, workshopId: workshop!.id, userId: generated.userIds.field, days, participantIds: generated.participantIds, browser };
  } finally {
    await database.close();
  }
}

/** `n` different people, at random. */
function sample(ids: string[], n: number): string[] {
  const pool = [...ids];
  for (let i = 0; i < n; i++) {
    const j = i + Math.floor(Math.random() * (pool.length - i));
    [pool[i], pool[j]] = [pool[j]!, pool[i]!];
  }
  return pool.slice(0, n);
}

/** One day's outbox in the order the desk worked: people on file, and now and then someone registered on the spot. */
function outboxFor(day: string, participantIds: string[]): { items: Item[]; newIds: string[] } {
  const onFile = sample(participantIds, checkInsPerRun - newPeoplePerRun);
  const every = Math.floor(checkInsPerRun / newPeoplePerRun);
  const items: Item[] = [];
  const newIds: string[] = [];
  for (let i = 0; i < checkInsPerRun; i++) {
    let participantId: string;
    if (i % every === every - 1) {
      participantId = crypto.randomUUID();
      newIds.push(participantId);
      items.push({ id: participantId, kind: "participant", participant: { givenNames: someGivenName(), familyNames: someFamilyName(), sex: pick(["woman", "man"]) } });
    } else {
      participantId = onFile.pop()!;
    }
    items.push({ id: crypto.randomUUID(), kind: "check_in", participantId, day });
  }
  return { items, newIds };
}

const headersFor = (cookie: string) => ({ cookie, origin: base, "content-type": "application/json" });

async function presentOn(setup: Setup, day: string, cookie: string): Promise<number> {
  const response = await fetch(`${base}/api/v1/projects/${setup.projectId}/workshops/${setup.workshopId}/attendance?day=${day}`, { headers: headersFor(cookie) });
  if (!response.ok) throw new Error(`The day's attendance answered ${response.status}`);
  return ((await response.json()) as { counts: { present: number } }).counts.present;
}

/** Sends the outbox as the sync engine does, then reads the day's count as the check-in screen shows it. */
async function send(setup: Setup, day: string, items: Item[], cookie: string): Promise<Sent> {
  const batchMs: number[] = [];
  const answers = new Map<string, number>();
  const start = performance.now();
  for (let i = 0; i < items.length; i += batchSize) {
    const batchStart = performance.now();
    const response = await fetch(`${base}/api/v1/projects/${setup.projectId}/workshops/${setup.workshopId}/sync`, {
      method: "POST",
      body: JSON.stringify({ userId: setup.userId, items: items.slice(i, i + batchSize) }),
      headers: headersFor(cookie),
    });
    if (!response.ok) throw new Error(`Sync answered ${response.status}: ${await response.text()}`);
    const results = (await response.json()) as SyncResult[];
    batchMs.push(performance.now() - batchStart);
    for (const r of results) {
      const answer = "replayed" in r && r.replayed ? `${r.outcome} (replayed)` : r.outcome;
      answers.set(answer, (answers.get(answer) ?? 0) + 1);
    }
  }
  const ms = performance.now() - start;
  return { ms, batchMs, answers, present: await presentOn(setup, day, cookie) };
}

function printSent(label: string, sent: Sent) {
  const batches = sent.batchMs.map((ms) => ms.toFixed(0)).join(", ");
  const answers = [...sent.answers].map(([answer, n]) => `${n} ${answer}`).join(", ");
  console.log(`    ${label.padEnd(8)} ${sent.ms.toFixed(0).padStart(6)} ms  (batches ${batches} ms)  answers: ${answers}; present that day: ${sent.present}`);
}

/** The check-in screen's first-load JavaScript: every script its HTML loads from this site, compressed. */
async function pageScripts(pagePath: string, cookie: string) {
  const page = await fetch(`${base}${pagePath}`, { headers: { cookie }, redirect: "manual" });
  if (page.status !== 200) throw new Error(`The check-in page answered ${page.status}`);
  const html = await page.text();
  // Scripts marked nomodule are for old browsers only: a phone of today never loads them.
  const tags = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]).filter((tag) => !/\snomodule\b/i.test(tag));
  const sources = new Set(tags.flatMap((tag) => /\ssrc="(\/_next\/static\/[^"]+)"/.exec(tag)?.[1]?.replaceAll("&amp;", "&") ?? []));
  const sizes = { files: sources.size, raw: 0, gzip: 0, brotli: 0 };
  for (const src of sources) {
    const body = Buffer.from(await (await fetch(`${base}${src}`)).arrayBuffer());
    sizes.raw += body.length;
    sizes.gzip += zlib.gzipSync(body, { level: 9 }).length;
    sizes.brotli += zlib.brotliCompressSync(body).length;
  }
  return sizes;
}

async function overHttp(setup: Setup, env: Record<string, string>) {
  const server = await startServer(env);
  try {
    const cookie = await signIn(benchAccounts.field);
    const checkInPage = `/projects/${setup.projectId}/workshops/${setup.workshopId}/check-in`;
    // Next loads each route's code on its first request, and a phone coming back online finds the
    // app long started: warm the routes up with undos of people not present, which change nothing.
    for (let i = 0; i < 5; i++) {
      await send(setup, setup.days[0]!, [{ id: crypto.randomUUID(), kind: "undo", participantId: pick(setup.participantIds), day: setup.days[0]! }], cookie);
      await (await fetch(`${base}${checkInPage}`, { headers: { cookie } })).arrayBuffer();
    }
    const synced: Run[] = [];
    for (const day of withHttp ? setup.days : []) {
      const { items, newIds } = outboxFor(day, setup.participantIds);
      console.log(
        `  Run ${synced.length + 1}, ${day}: ${items.length} items (${checkInsPerRun} check-ins, ${newIds.length} of them of people registered offline) in ${Math.ceil(items.length / batchSize)} batches`,
      );
      const first = await send(setup, day, items, cookie);
      printSent("sync", first);
      const again = await send(setup, day, items, cookie);
      printSent("resend", again);
      synced.push({ day, newIds, first, again });
    }
    const js = await pageScripts(checkInPage, cookie);
    return { synced, js, browser: setup.browser ? await inBrowser(setup.browser) : null };
  } finally {
    await stopServer(server);
  }
}

/** The browser run; on failure, says where it failed and carries on with the other figures. */
async function inBrowser(b: BrowserSetup): Promise<BrowserResult | null> {
  console.log(
    `\n  In Chromium (${b.locale}, 390×844), as field staff: a two-day workshop inviting ${b.invitedInstitutions} institutions, ${b.rosterSize} people on its offline roster; prepared, then offline, ${browserCheckIns} people checked in through the screen by full name`,
  );
  try {
    const r = await measureInBrowser(b, (line) => console.log(line));
    const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
    console.log(`    entering the ${browserCheckIns} check-ins offline (UI, not the target): ${s(r.entryMs)}, ${(r.entryMs / browserCheckIns).toFixed(0)} ms each`);
    const slowed = cpuSlowdown > 1 ? `, the page's CPU slowed ${cpuSlowdown}×` : "";
    console.log(
      `    back online → no change waiting on the screen${slowed}: ${s(r.syncMs)} (inside the page, from its online event: ${r.syncInPageMs === null ? "not seen" : s(r.syncInPageMs)})`,
    );
    console.log(
      `    the screen's "present" count meanwhile: never below ${r.lowestPresent ?? "?"}; once settled ${r.settledScreen.present}, with ${r.settledScreen.listed} in its present list`,
    );
    if (r.lowestPresent !== browserCheckIns || r.settledScreen.present !== String(browserCheckIns) || r.settledScreen.listed !== browserCheckIns)
      console.log(`    THE SCREEN DID NOT KEEP SHOWING ${browserCheckIns} PRESENT`);
    const batches = r.batches.map((x) => `${x.items} items ${x.sentAt.toFixed(0)}→${x.answeredAt.toFixed(0)} ms${x.status === 200 ? "" : ` (${x.status || "failed"})`}`).join(", ");
    console.log(`    sync requests (ms after going online): ${batches || "none seen"}; roster fetched ${r.rosterFetches} times meanwhile`);
    console.log(
      `    through the API afterwards: ${r.presentOnServer} present on ${b.days[0]} (${r.presentListed} listed), ${r.presentOtherDay} on ${b.days[1]}; outbox left on the device: ${r.outboxLeft.waiting} waiting, ${r.outboxLeft.refused} refused`,
    );
    return r;
  } catch (error) {
    console.log(`    BROWSER RUN FAILED: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
    return null;
  }
}

/** What the database holds once the app has stopped: the records of each run's day, and the people created offline. */
async function countInDatabase(database: Database, setup: Setup, newIds: string[]) {
  try {
    const perDayOf = async (workshopId: string) =>
      new Map(
        (await database.db.select({ day: attendance.day, n: count() }).from(attendance).where(eq(attendance.workshopId, workshopId)).groupBy(attendance.day)).map((r) => [
          r.day,
          Number(r.n),
        ]),
      );
    const [created] = newIds.length ? await database.db.select({ n: count() }).from(participants).where(inArray(participants.id, newIds)) : [{ n: 0 }];
    return { perDay: await perDayOf(setup.workshopId), created: Number(created!.n), browserPerDay: setup.browser ? await perDayOf(setup.browser.workshopId) : null };
  } finally {
    await database.close();
  }
}

ensureBuilt();
console.log(`Machine: ${os.cpus().length} cores, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB. Load generator on the same machine.\n`);

const target = process.env.DATABASE_URL ? await postgresTarget(process.env.DATABASE_URL) : pgliteTarget();
try {
  const setup = await seed(target.open());
  console.log(`Syncing outboxes, ${target.label}, "${scale}" scale, as field staff:`);
  const { synced, js, browser } = await overHttp(setup, target.env);
  const newIds = synced.flatMap((r) => r.newIds);
  const stored = await countInDatabase(target.open(), setup, newIds);
  if (withHttp)
    console.log(
      `\n  In the database afterwards: ${setup.days.map((day) => `${day} ${stored.perDay.get(day) ?? 0} records`).join(", ")}; ${stored.created} of the ${newIds.length} people registered offline, each once`,
    );
  const b = setup.browser;
  const browserStored = b && stored.browserPerDay ? b.days.map((day) => stored.browserPerDay!.get(day) ?? 0) : null;
  if (b && browserStored) console.log(`  The browser run's workshop in the database: ${b.days.map((day, i) => `${day} ${browserStored[i]} records`).join(", ")}`);

  const kb = (bytes: number) => (bytes / 1000).toFixed(1);
  console.log(`\nCheck-in screen, first-load JavaScript (${js.files} files): ${kb(js.raw)} kB raw, ${kb(js.gzip)} kB gzip -9, ${kb(js.brotli)} kB brotli`);

  console.log(`\nTargets on ${target.label} at the "${scale}" scale:`);
  if (withHttp) {
    const slowest = Math.max(...synced.map((r) => r.first.ms));
    const allThere = synced.every((r) => r.first.present === checkInsPerRun && r.again.present === checkInsPerRun && stored.perDay.get(r.day) === checkInsPerRun);
    console.log(
      `  ${checkInsPerRun} queued check-ins synced < ${syncTargetMs / 1000} s, server side (HTTP from Node): slowest run ${(slowest / 1000).toFixed(1)} s, ${allThere ? "every record there once" : "RECORDS MISSING OR DOUBLED"}: ${slowest < syncTargetMs && allThere ? "met" : "NOT met"}`,
    );
  }
  if (withBrowser) {
    if (!b || !browser)
      console.log(`  ${browserCheckIns} queued check-ins synced < ${syncTargetMs / 1000} s, in the browser: NOT measured (${b ? "the browser run failed" : "no workshop for it"})`);
    else {
      const allThere =
        browser.presentOnServer === browserCheckIns &&
        browser.presentOtherDay === 0 &&
        browserStored?.[0] === browserCheckIns &&
        browserStored[1] === 0 &&
        browser.outboxLeft.refused === 0;
      console.log(
        `  ${browserCheckIns} queued check-ins synced < ${syncTargetMs / 1000} s, in the browser (online again → nothing waiting): ${(browser.syncMs / 1000).toFixed(1)} s, ${allThere ? `${browserCheckIns} present, each once` : "RECORDS MISSING, DOUBLED OR REFUSED"}: ${browser.syncMs < syncTargetMs && allThere ? "met" : "NOT met"}`,
      );
    }
  }
  console.log(`  check-in screen's JavaScript < ${jsTargetKb} kB compressed: ${kb(js.gzip)} kB gzip ${js.gzip < jsTargetKb * 1000 ? "met" : "NOT met"}`);
} finally {
  await target.drop();
}
