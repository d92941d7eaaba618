// Learning and certificates benchmark (issue 17): the built app on a fresh embedded database (PGlite)
// with the demo data. Prints the public questionnaire page's first load (scripts and bytes), 60
// people sending a pre-test within the same minute (p95 and errors), and a workshop's 60
// certificates as one PDF, server side. Run: npm run bench:learning (builds the app first if needed).
import { spawnSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { gzipSync } from "node:zlib";
import { demoPassword, demoProjectCodes } from "@/db/seed/demo";
import { percentile } from "./measure";
import { base, ensureBuilt, signIn, startServer, stopServer } from "./server";

const respondents = Number(process.env.BENCH_RESPONDENTS ?? 60);
const windowSeconds = Number(process.env.BENCH_WINDOW_SECONDS ?? 60);
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "atelier-learning-"));

async function api<T>(cookie: string, pathname: string, init: RequestInit = {}): Promise<T> {
  const response = await fetch(`${base}/api/v1${pathname}`, { ...init, headers: { cookie, origin: base, "content-type": "application/json", ...init.headers } });
  if (!response.ok) throw new Error(`${init.method ?? "GET"} ${pathname}: ${response.status}`);
  return (await response.json()) as T;
}

/** The certificates' PDF is measured in its own process: its wording reads next-intl, which the react-server build of this one cannot load. */
function certificatesFigures() {
  const run = spawnSync(process.execPath, ["node_modules/tsx/dist/cli.mjs", "--tsconfig", "tsconfig.json", "bench/certificates-pdf.ts"], { stdio: "inherit" });
  if (run.status !== 0) throw new Error("The certificates benchmark failed");
}

async function main() {
  ensureBuilt();
  console.log(`Machine: ${os.cpus().length} cores, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB. Load generator on the same machine.\n`);
  certificatesFigures();
  const server = await startServer({ ATELIER_DATA_DIR: dataDir, ATELIER_DEMO: "1", DATABASE_URL: "" });
  try {
    const manager = await signIn("manager@example.org", demoPassword);
    const projects = await api<{ items: { id: string; code: string }[] }>(manager, "/projects?pageSize=100");
    const projectId = projects.items.find((p) => p.code === demoProjectCodes.honduras)!.id;
    const workshops = await api<{ items: { id: string; city: string }[] }>(manager, `/projects/${projectId}/workshops?pageSize=100`);
    const workshopId = workshops.items.find((w) => w.city === "Tegucigalpa")!.id;
    const listed = await api<{ questionnaires: { id: string; kind: string; questions: { id: string }[] }[] }>(
      manager,
      `/projects/${projectId}/workshops/${workshopId}/questionnaires`,
    );
    const pre = listed.questionnaires.find((q) => q.kind === "pre_test")!;
    await api(manager, `/projects/${projectId}/workshops/${workshopId}/questionnaires/${pre.id}/status`, { method: "POST", body: JSON.stringify({ status: "open" }) });

    const page = await fetch(`${base}/q/${pre.id}`, { headers: { "accept-language": "es" } });
    const html = await page.text();
    const scripts = (html.match(/<script/g) ?? []).length;
    console.log(
      `Public questionnaire page, first load: ${scripts} scripts (0 kB of JavaScript), ${(gzipSync(html).byteLength / 1024).toFixed(1)} kB of compressed HTML — target < 100 kB of compressed JavaScript: ${scripts === 0 ? "met" : "NOT met"}`,
    );

    // Each person sends once, at a random moment of the window, all from the room's one address.
    const latencies: number[] = [];
    let errors = 0;
    const send = async () => {
      await new Promise((r) => setTimeout(r, Math.random() * windowSeconds * 1000));
      const answers = Object.fromEntries(pre.questions.map((q) => [q.id, String(Math.round(Math.random()))]));
      const code = `${String.fromCharCode(65 + Math.floor(Math.random() * 26))}${String.fromCharCode(65 + Math.floor(Math.random() * 26))}${String(1 + Math.floor(Math.random() * 28)).padStart(2, "0")}`;
      const start = performance.now();
      const response = await fetch(`${base}/api/v1/questionnaires/${pre.id}/responses`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ id: crypto.randomUUID(), pairingCode: code, answers }),
      });
      await response.arrayBuffer();
      latencies.push(performance.now() - start);
      if (response.status !== 201) errors += 1;
    };
    await Promise.all(Array.from({ length: respondents }, send));
    console.log(
      `${respondents} people sending the pre-test within ${windowSeconds} s on PGlite: p50 ${percentile(latencies, 50).toFixed(0)} ms, p95 ${percentile(latencies, 95).toFixed(0)} ms, slowest ${Math.max(...latencies).toFixed(0)} ms, ${errors} errors — target: no error: ${errors === 0 ? "met" : "NOT met"}`,
    );
  } finally {
    await stopServer(server);
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
