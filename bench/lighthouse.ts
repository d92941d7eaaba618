// Lighthouse 12 (mobile profile, default simulated throttling) on the screens people use most, signed
// in: the check-in screen as field staff, the workshops list, the project dashboard and the participants
// list as a manager. Median of BENCH_LIGHTHOUSE_RUNS runs (default 3) per page. It builds nothing:
// run `npm run build` first. The built app starts on a fresh embedded database with the demo data, as
// the end-to-end tests start it. Every run's whole report is kept under .data/lighthouse/ for a closer look.
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { demoPassword, demoProjectCodes } from "@/db/seed/demo";
import { findChromium } from "../e2e/support/browser";
import { base, signIn, startServer, stopServer } from "./server";

const runs = Number(process.env.BENCH_LIGHTHOUSE_RUNS ?? 3);
// BENCH_SCREENS=check-in,participants measures only those screens (by slug), to iterate on one or two.
const screens = process.env.BENCH_SCREENS?.split(",")
  .map((s) => s.trim())
  .filter(Boolean);
const dataDir = path.join(".data", "bench-lighthouse");
const reportDir = path.join(".data", "lighthouse");
const targets = { performance: 95, cls: 0.05, tbt: 200, accessibility: 100, bestPractices: 100 };

type Scores = { performance: number; cls: number; tbt: number; accessibility: number; bestPractices: number };
type LighthouseResult = {
  runtimeError?: { message: string };
  finalDisplayedUrl: string;
  categories: Record<"performance" | "accessibility" | "best-practices", { score: number | null }>;
  audits: Record<"cumulative-layout-shift" | "total-blocking-time", { numericValue?: number }>;
};

/** One Lighthouse run through its CLI, which launches its own Chromium and sends the session cookie. */
function lighthouse(url: string, cookie: string, reportFile: string): Promise<LighthouseResult> {
  const args = [
    "node_modules/lighthouse/cli/index.js",
    url,
    "--quiet",
    "--output=json",
    "--output-path=stdout",
    "--only-categories=performance,accessibility,best-practices",
    `--extra-headers=${JSON.stringify({ Cookie: cookie })}`,
    "--chrome-flags=--headless=new --no-sandbox",
  ];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { env: { ...process.env, CHROME_PATH: findChromium() }, stdio: ["ignore", "pipe", "inherit"] });
    let out = "";
    child.stdout.on("data", (chunk) => {
      out += chunk;
    });
    child.on("error", reject);
    child.on("exit", (code) => {
      if (code !== 0) return reject(new Error(`Lighthouse exited with ${code}`));
      fs.writeFileSync(reportFile, out);
      resolve(JSON.parse(out) as LighthouseResult);
    });
  });
}

function scoresOf(result: LighthouseResult, url: string): Scores {
  if (result.runtimeError) throw new Error(`Lighthouse failed on ${url}: ${result.runtimeError.message}`);
  // A page that redirected to the sign-in page would score well and measure nothing.
  if (new URL(result.finalDisplayedUrl).pathname !== new URL(url).pathname) throw new Error(`${url} ended on ${result.finalDisplayedUrl}`);
  const score = (key: keyof LighthouseResult["categories"]) => Math.round((result.categories[key].score ?? 0) * 100);
  return {
    performance: score("performance"),
    cls: result.audits["cumulative-layout-shift"].numericValue ?? Number.NaN,
    tbt: result.audits["total-blocking-time"].numericValue ?? Number.NaN,
    accessibility: score("accessibility"),
    bestPractices: score("best-practices"),
  };
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
};

async function getJson<T>(pathname: string, cookie: string): Promise<T> {
  const response = await fetch(`${base}/api/v1${pathname}`, { headers: { cookie } });
  if (!response.ok) throw new Error(`${pathname} answered ${response.status}`);
  return (await response.json()) as T;
}

async function main() {
  if (!fs.existsSync(".next/BUILD_ID")) throw new Error("No build found: run `npm run build` first.");
  fs.rmSync(dataDir, { recursive: true, force: true });
  fs.mkdirSync(reportDir, { recursive: true });
  const server = await startServer({ ATELIER_DATA_DIR: dataDir, ATELIER_DEMO: "1" });
  try {
    const [field, manager] = [await signIn("field@example.org", demoPassword), await signIn("manager@example.org", demoPassword)];
    const projects = await getJson<{ items: { id: string; code: string }[] }>("/projects?pageSize=100", manager);
    const project = projects.items.find((p) => p.code === demoProjectCodes.honduras);
    if (!project) throw new Error("The demo project of Honduras is missing");
    const workshops = await getJson<{ items: { id: string; city: string | null }[] }>(`/projects/${project.id}/workshops?pageSize=100`, field);
    const workshop = workshops.items.find((w) => w.city === "Tegucigalpa");
    if (!workshop) throw new Error("The demo workshop in Tegucigalpa is missing");
    const allPages = [
      { name: "check-in (field staff)", slug: "check-in", url: `${base}/projects/${project.id}/workshops/${workshop.id}/check-in`, cookie: field },
      { name: "workshops list", slug: "workshops", url: `${base}/projects/${project.id}/workshops`, cookie: manager },
      { name: "project dashboard", slug: "dashboard", url: `${base}/projects/${project.id}`, cookie: manager },
      { name: "participants list", slug: "participants", url: `${base}/participants`, cookie: manager },
    ];
    const unknown = screens?.filter((slug) => !allPages.some((p) => p.slug === slug)) ?? [];
    if (unknown.length > 0) throw new Error(`Unknown BENCH_SCREENS ${unknown.join(", ")}: choose among ${allPages.map((p) => p.slug).join(", ")}`);
    const pages = screens ? allPages.filter((p) => screens.includes(p.slug)) : allPages;
    // Next loads a route's code on its first request: warm every page up before measuring.
    for (const page of pages) await (await fetch(page.url, { headers: { cookie: page.cookie } })).arrayBuffer();

    console.log(`Lighthouse 12, mobile profile, default throttling, median of ${runs} runs`);
    console.log("page                     perf   CLS     TBT ms  a11y  best practices  (each run's perf / TBT)");
    let met = true;
    for (const page of pages) {
      const all: Scores[] = [];
      for (let i = 0; i < runs; i++) all.push(scoresOf(await lighthouse(page.url, page.cookie, path.join(reportDir, `${page.slug}-${i + 1}.json`)), page.url));
      const m: Scores = {
        performance: median(all.map((s) => s.performance)),
        cls: median(all.map((s) => s.cls)),
        tbt: median(all.map((s) => s.tbt)),
        accessibility: median(all.map((s) => s.accessibility)),
        bestPractices: median(all.map((s) => s.bestPractices)),
      };
      met &&=
        m.performance >= targets.performance && m.cls < targets.cls && m.tbt < targets.tbt && m.accessibility >= targets.accessibility && m.bestPractices >= targets.bestPractices;
      const each = all.map((s) => `${s.performance}/${Math.round(s.tbt)}`).join(" ");
      console.log(
        `${page.name.padEnd(24)} ${String(m.performance).padStart(4)}  ${m.cls.toFixed(3)}  ${String(Math.round(m.tbt)).padStart(6)}  ${String(m.accessibility).padStart(4)}  ${String(m.bestPractices).padStart(14)}  (${each})`,
      );
    }
    console.log(
      `Targets (performance ≥ ${targets.performance}, CLS < ${targets.cls}, TBT < ${targets.tbt} ms, accessibility ${targets.accessibility}, best practices ${targets.bestPractices}): ${met ? "met" : "NOT met"}`,
    );
  } finally {
    await stopServer(server);
  }
}

await main();
