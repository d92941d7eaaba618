// Attendance benchmark: generates a project's workshops and attendance (BENCH_SCALE, default
// "large": 1,000 workshops, 100,000 participants, 1,000,000 attendance records) on PostgreSQL,
// times the report and the project totals server side, then loads the built app over HTTP with
// autocannon: check-ins from 20 concurrent clients, the report page, the totals, beside a trivial
// route of the same app. Then the same HTTP runs on PGlite (BENCH_PGLITE_SCALE, default "medium").
// Run: npm run bench:attendance (builds the app first if needed).
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import { openPglite, openPostgres, type Database } from "@/db/client";
import { recordCheckIns, getWorkshopReport, getProjectAttendanceTotals } from "@/lib/attendance/use-cases";
import { ctxFor } from "@/lib/testing/helpers";
import { benchAccounts, createScratchDatabase, generateScale, pick, type Generated, type ScaleName } from "./generate";
import { measure } from "./measure";
import { atPace, seconds, verdict, warmUp, type Figures } from "./pace";
import { base, ensureBuilt, signIn, startServer } from "./server";

const adminUrl = process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const postgresScale = (process.env.BENCH_SCALE ?? "large") as ScaleName;
const pgliteScale = (process.env.BENCH_PGLITE_SCALE ?? "medium") as ScaleName;

/** A check-in of someone on one of the workshop's two days, as a phone would send it. */
function checkInOf(generated: Generated, workshop = generated.workshops[0]!) {
  const day = new Date(`${workshop.startDate}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() + (Math.random() < 0.5 ? 0 : 1));
  return { id: crypto.randomUUID(), participantId: pick(generated.participantIds), day: day.toISOString().slice(0, 10), action: "check_in" as const };
}

async function serverSide(database: Database, generated: Generated) {
  const ctx = await ctxFor(database.db, generated.userIds.manager);
  const projectId = generated.projectId;
  console.log("Server side (one request at a time, as the manager):");
  await measure("  Workshop report", () => getWorkshopReport(ctx, { projectId, workshopId: pick(generated.workshops).id }), 200);
  await measure("  Project attendance totals", () => getProjectAttendanceTotals(ctx, { projectId }), 50);
  const field = await ctxFor(database.db, generated.userIds.field);
  await measure("  One check-in", () => recordCheckIns(field, { projectId, workshopId: generated.workshops[0]!.id, items: [checkInOf(generated)] }), 200);
  console.log();
}

type Load = { connections: number /** Requests per second for all clients together; none means as fast as the app answers. */; rate?: number };

async function load(label: string, { connections, rate }: Load, request: () => { method: "GET" | "POST"; path: string; body?: string }, cookie: string): Promise<Figures> {
  const result = await autocannon({
    url: base,
    connections,
    duration: seconds,
    ...(rate ? { overallRate: rate } : {}),
    headers: { cookie, origin: base, "content-type": "application/json" },
    requests: [
      {
        setupRequest: (req) => {
          const next = request();
          return { ...req, method: next.method, path: next.path, ...(next.body ? { body: next.body } : {}) };
        },
      },
    ],
  });
  const failures = result.errors + result.timeouts + result.non2xx;
  const figures = { label, rps: result.requests.average, p50: result.latency.p50, p90: result.latency.p90, p97_5: result.latency.p97_5, p99: result.latency.p99, errors: failures };
  console.log(
    `  ${label.padEnd(40)} ${String(connections).padStart(3)} clients ${rate ? `at ${String(rate).padStart(3)} req/s` : "flat out    "}  ${figures.rps.toFixed(0).padStart(6)} req/s   p50 ${figures.p50.toFixed(0).padStart(4)} ms  p90 ${figures.p90.toFixed(0).padStart(4)} ms  p97.5 ${figures.p97_5.toFixed(0).padStart(4)} ms  p99 ${figures.p99.toFixed(0).padStart(4)} ms${failures ? `  (${failures} failed)` : ""}`,
  );
  return figures;
}

async function overHttp(generated: Generated, env: Record<string, string>) {
  const server = await startServer(env);
  try {
    const field = await signIn(benchAccounts.field);
    const manager = await signIn(benchAccounts.manager);
    const { projectId } = generated;
    const checkIn = () => {
      const workshop = pick(generated.workshops);
      return {
        method: "POST" as const,
        path: `/api/v1/projects/${projectId}/workshops/${workshop.id}/check-ins`,
        body: JSON.stringify({ items: [checkInOf(generated, workshop)] }),
      };
    };
    const report = () => ({ method: "GET" as const, path: `/projects/${projectId}/workshops/${pick(generated.workshops).id}/report` });
    const totals = () => ({ method: "GET" as const, path: `/api/v1/projects/${projectId}/attendance-totals` });
    const trivial = () => ({ method: "GET" as const, path: "/api/health" });
    await warmUp([
      [checkIn, field],
      [report, manager],
      [totals, manager],
      [trivial, field],
    ]);
    // Twenty phones, each checking someone in about every second (a brisk registration desk),
    // and a few people reading reports.
    console.log("  Latency at a field-day pace:");
    const results = [
      await atPace("Check-in (POST, device-generated id)", 20, 1000, checkIn, field),
      await atPace("Workshop report page (HTML)", 4, 1000, report, manager),
      await atPace("Project attendance totals (JSON)", 4, 2000, totals, manager),
    ];
    // Then flat out, after the latency runs, so their backlog cannot slow what is measured at pace.
    console.log("  Capacity (each client sends its next request as soon as the last is answered):");
    const capacity = [
      await load("Trivial route (/api/health)", { connections: 20 }, trivial, field),
      await load("Check-in (POST, device-generated id)", { connections: 20 }, checkIn, field),
      await load("Workshop report page (HTML)", { connections: 4 }, report, manager),
      await load("Project attendance totals (JSON)", { connections: 4 }, totals, manager),
    ];
    const ratio = capacity.slice(1).map((r) => `${r.label.split(" (")[0]} ${((100 * r.rps) / capacity[0]!.rps).toFixed(0)} %`);
    console.log(`  Throughput as a share of the trivial route: ${ratio.join(", ")}\n`);
    return results;
  } finally {
    server.kill("SIGTERM");
  }
}

ensureBuilt();
console.log(`Machine: ${os.cpus().length} cores, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB. Load generator on the same machine.\n`);

const scratch = await createScratchDatabase(adminUrl);
let postgresResults: Figures[];
try {
  const database = openPostgres(scratch.url, { max: 4 });
  let generated: Generated;
  try {
    generated = await generateScale(database, postgresScale);
    await serverSide(database, generated);
  } finally {
    await database.close();
  }
  console.log(`Over HTTP, PostgreSQL, "${postgresScale}" scale (${seconds} s per run):`);
  postgresResults = await overHttp(generated, { DATABASE_URL: scratch.url });
} finally {
  await scratch.drop();
}

const pgliteDir = fs.mkdtempSync(path.join(os.tmpdir(), "atelier-bench-"));
let pgliteResults: Figures[];
try {
  const database = openPglite(path.join(pgliteDir, "pglite"));
  let generated: Generated;
  try {
    generated = await generateScale(database, pgliteScale);
  } finally {
    await database.close();
  }
  console.log(`Over HTTP, PGlite, "${pgliteScale}" scale (${seconds} s per run):`);
  pgliteResults = await overHttp(generated, { ATELIER_DATA_DIR: pgliteDir, DATABASE_URL: "" });
} finally {
  fs.rmSync(pgliteDir, { recursive: true, force: true });
}

// The embedded database is the default, so it is held to the same targets (issue 15).
for (const [database, scale, [checkIn, report, totals]] of [
  ["PostgreSQL", postgresScale, postgresResults],
  ["PGlite", pgliteScale, pgliteResults],
] as const) {
  console.log(`Targets on ${database} at the "${scale}" scale, over HTTP (95th percentile at a field-day pace):`);
  console.log(`  check-in from 20 clients < 50 ms: ${verdict(checkIn!, 50)}`);
  console.log(`  workshop report < 150 ms: ${verdict(report!, 150)}`);
  console.log(`  project attendance totals < 300 ms: ${verdict(totals!, 300)}`);
}
