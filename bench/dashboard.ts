// Dashboard benchmark (issue 7): the project page with its dashboard at the largest scale on
// PostgreSQL (BENCH_SCALE, default "large": 1,000 workshops, 1,000,000 attendance records, 200
// findings, 400 actions, three evaluations of 2,000 respondents with four pinned figures each).
// Times the dashboard server side, with and without a period, then the built app over HTTP: the
// project page (HTML) and the dashboard's API, as a manager and as a partner.
// Run: npm run bench:dashboard (builds the app first if needed).
import os from "node:os";
import { openPostgres } from "@/db/client";
import { projectMembers, users } from "@/db/schema";
import { hashPassword } from "@/lib/auth/password";
import { getDashboard } from "@/lib/reports/dashboard";
import { getPortfolio } from "@/lib/reports/portfolio";
import { ctxFor } from "@/lib/testing/helpers";
import { benchPassword, createScratchDatabase, generateScale, type ScaleName } from "./generate";
import { measure } from "./measure";
import { atPace, seconds, verdict, warmUp, type Request } from "./pace";
import { ensureBuilt, signIn, startServer, stopServer } from "./server";

const adminUrl = process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const scale = (process.env.BENCH_SCALE ?? "large") as ScaleName;
const partnerEmail = "bench-partner@example.org";
// The generated workshops run from 2019 to late 2022: a year of them, and all of them.
const aYear = { from: "2021-01-01", to: "2021-12-31" };
const sinceStart = { from: "2019-01-01" };

ensureBuilt();
console.log(`Machine: ${os.cpus().length} cores, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB. Load generator on the same machine.\n`);

const scratch = await createScratchDatabase(adminUrl);
try {
  const database = openPostgres(scratch.url, { max: 4 });
  let projectId: string;
  try {
    const generated = await generateScale(database, scale);
    projectId = generated.projectId;
    const [partner] = await database.db
      .insert(users)
      .values({ email: partnerEmail, name: "Bench partner", passwordHash: await hashPassword(benchPassword), locale: "es" })
      .returning();
    await database.db.insert(projectMembers).values({ projectId, userId: partner!.id, role: "partner" });

    console.log("Server side (one request at a time):");
    const manager = await ctxFor(database.db, generated.userIds.manager);
    const partnerCtx = await ctxFor(database.db, partner!.id);
    const admin = await ctxFor(database.db, generated.userIds.admin);
    await measure("  Dashboard, manager, whole project", () => getDashboard(manager, { projectId }), 50);
    await measure("  Dashboard, manager, one year", () => getDashboard(manager, { projectId, ...aYear }), 50);
    await measure("  Dashboard, manager, since the first workshop", () => getDashboard(manager, { projectId, ...sinceStart }), 50);
    await measure("  Dashboard, partner, whole project", () => getDashboard(partnerCtx, { projectId }), 50);
    await measure("  Portfolio, admin (one project)", () => getPortfolio(admin, {}), 20);
    console.log();
  } finally {
    await database.close();
  }

  console.log(`Over HTTP, PostgreSQL, "${scale}" scale (${seconds} s per run, 4 readers about a second apart):`);
  const server = await startServer({ DATABASE_URL: scratch.url });
  try {
    const [manager, partner] = [await signIn("bench-manager@example.org"), await signIn(partnerEmail)];
    const page =
      (query = ""): Request =>
      () => ({ method: "GET", path: `/projects/${projectId}${query}` });
    const api = (): Request => () => ({ method: "GET", path: `/api/v1/projects/${projectId}/dashboard` });
    const yearQuery = `?from=${aYear.from}&to=${aYear.to}`;
    await warmUp([
      [page(), manager],
      [page(yearQuery), manager],
      [page(), partner],
      [api(), manager],
    ]);
    const wholePage = await atPace("Project page, manager (HTML)", 4, 1000, page(), manager);
    const yearPage = await atPace("Project page, one year (HTML)", 4, 1000, page(yearQuery), manager);
    const partnerPage = await atPace("Project page, partner (HTML)", 4, 1000, page(), partner);
    await atPace("Dashboard API, manager (JSON)", 4, 1000, api(), manager);
    console.log(`\nTarget on PostgreSQL at the "${scale}" scale, over HTTP: the dashboard renders in < 300 ms (p95)`);
    console.log(`  whole project: ${verdict(wholePage, 300)}`);
    console.log(`  one year: ${verdict(yearPage, 300)}`);
    console.log(`  as a partner: ${verdict(partnerPage, 300)}`);
  } finally {
    await stopServer(server);
  }
} finally {
  await scratch.drop();
}
