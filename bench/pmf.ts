// PMF benchmark (issue 16): at the "large" scale on PostgreSQL (BENCH_SCALE; 1,000,000 attendance
// records), a performance measurement framework of 40 indicators, half of them computed (every
// calculation of the catalogue, with and without filters), half reported with approved values,
// over 4 yearly periods. Times the PMF server side, then the built app over HTTP (the page with 4
// readers about a second apart, the Excel export one at a time) beside the same run's trivial route.
// Computed figures are kept until the project's records change (lib/record-versions.ts): the first
// PMF, and the first after a check-in, show what computing them costs.
// Run: npm run bench:pmf (builds the app first if needed).
import os from "node:os";
import { performance } from "node:perf_hooks";
import { eq } from "drizzle-orm";
import { openPostgres } from "@/db/client";
import {
  attendance,
  bodyMemberships,
  evaluations,
  evaluationStatements,
  expectedResults,
  indicators,
  indicatorTargets,
  indicatorValues,
  participants,
  reportingPeriods,
  resultLinks,
} from "@/db/schema";
import type { calculationInput } from "@/lib/indicators/calculations/catalogue";
import { getPmf } from "@/lib/indicators/pmf";
import { ctxFor } from "@/lib/testing/helpers";
import type { z } from "zod";
import { createScratchDatabase, generateScale, type Generated, type ScaleName } from "./generate";
import { measure } from "./measure";
import { atPace, seconds, verdict, warmUp, type Request } from "./pace";
import { ensureBuilt, signIn, startServer, stopServer } from "./server";

const adminUrl = process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const scale = (process.env.BENCH_SCALE ?? "large") as ScaleName;
const samples = Number(process.env.BENCH_SAMPLES ?? 10);

ensureBuilt();
console.log(`Machine: ${os.cpus().length} cores, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB. Load generator on the same machine.\n`);

/** A logic model of one chain down to an output the generated workshops serve, 4 yearly periods, and the 40 indicators. */
async function buildPmf(db: ReturnType<typeof openPostgres>["db"], generated: Generated) {
  const { projectId } = generated;
  const result = async (code: string, level: "ultimate" | "intermediate" | "immediate" | "output", parentId: string | null) =>
    (
      await db
        .insert(expectedResults)
        .values({ projectId, code, level, parentId, statement: { original: "en", en: `Result ${code}` } })
        .returning()
    )[0]!;
  const ultimate = await result("1000", "ultimate", null);
  const intermediate = await result("1100", "intermediate", ultimate.id);
  const immediate = await result("1110", "immediate", intermediate.id);
  const output = await result("1111", "output", immediate.id);
  // Half the workshops serve the output.
  await db.insert(resultLinks).values(generated.workshops.filter((_, i) => i % 2 === 0).map((w) => ({ resultId: output.id, workshopId: w.id })));
  const periods = await db
    .insert(reportingPeriods)
    .values(["2019", "2020", "2021", "2022"].map((year) => ({ projectId, name: year, startDate: `${year}-01-01`, endDate: `${year}-12-31` })))
    .returning();
  const [statement] = await db
    .select({ id: evaluationStatements.id })
    .from(evaluationStatements)
    .innerJoin(evaluations, eq(evaluations.id, evaluationStatements.evaluationId))
    .where(eq(evaluations.projectId, projectId))
    .limit(1);
  const [membership] = await db.select({ bodyId: bodyMemberships.bodyId }).from(bodyMemberships).limit(1);
  const computed: z.input<typeof calculationInput>[] = [
    { kind: "unique_participants" },
    { kind: "unique_participants", minDays: 2 },
    { kind: "unique_participants", workshopType: "training", outputId: output.id },
    { kind: "unique_participants", sector: "state", cumulative: true },
    { kind: "unique_participants", bodyId: membership!.bodyId },
    { kind: "attendances" },
    { kind: "attendances", outputId: output.id },
    { kind: "attendances", institutionKind: "police_unit" },
    { kind: "workshops_held" },
    { kind: "workshops_held", workshopType: "training", cumulative: true },
    { kind: "institutions_reached" },
    { kind: "institutions_reached", level: "national" },
    { kind: "institutions_reached", bodyId: membership!.bodyId, cumulative: true },
    { kind: "evaluation_agreement", statementId: statement!.id },
    { kind: "actions_done" },
    { kind: "actions_done", as: "share", measure: "done_on_time" },
    { kind: "findings_answered" },
    { kind: "findings_answered", as: "share" },
    { kind: "unique_participants", outputId: output.id, cumulative: true },
    { kind: "attendances", sector: "civil_society" },
  ];
  const shares = new Set(["evaluation_agreement"]);
  for (let i = 0; i < 40; i++) {
    const calculation = computed[i] ?? null;
    const share = calculation && (shares.has(calculation.kind) || ("as" in calculation && calculation.as === "share"));
    const [indicator] = await db
      .insert(indicators)
      .values({
        projectId,
        resultId: [ultimate, intermediate, immediate, output][i % 4]!.id,
        code: `${[1000, 1100, 1110, 1111][i % 4]}.${i + 1}`,
        statement: { original: "en", en: `Indicator ${i + 1}` },
        unit: share ? "percentage" : "number",
        disaggregations: calculation?.kind === "unique_participants" ? ["sex", "sector"] : [],
        endTarget: share ? 80 : 1000,
        calculation: calculation as (typeof indicators.$inferInsert)["calculation"],
      })
      .returning();
    await db.insert(indicatorTargets).values(periods.map((p, n) => ({ indicatorId: indicator!.id, periodId: p.id, value: share ? 50 + n * 10 : 250 * (n + 1) })));
    if (!calculation) {
      await db.insert(indicatorValues).values(periods.map((p, n) => ({ indicatorId: indicator!.id, periodId: p.id, value: 200 * (n + 1), status: "approved" as const })));
    }
  }
}

const scratch = await createScratchDatabase(adminUrl);
try {
  const database = openPostgres(scratch.url, { max: 4 });
  let projectId: string;
  try {
    const generated = await generateScale(database, scale);
    projectId = generated.projectId;
    await buildPmf(database.db, generated);
    console.log("Server side (one request at a time): 40 indicators, 20 computed, 4 periods");
    const manager = await ctxFor(database.db, generated.userIds.manager);
    const start = performance.now();
    await getPmf(manager, { projectId });
    console.log(`  First PMF (cold)                                   ${(performance.now() - start).toFixed(0)} ms`);
    await measure("  PMF, manager, records unchanged", () => getPmf(manager, { projectId }), samples);
    // A check-in raises the project's record version: every computed figure is read again.
    const workshop = generated.workshops[0]!;
    const [newcomer] = await database.db.insert(participants).values({ givenNames: "New", familyNames: "Person", sex: "woman" }).returning();
    await database.db.insert(attendance).values({ workshopId: workshop.id, participantId: newcomer!.id, day: workshop.startDate });
    const afterChange = performance.now();
    await getPmf(manager, { projectId });
    console.log(`  First PMF after a check-in                         ${(performance.now() - afterChange).toFixed(0)} ms`);
    console.log();
  } finally {
    await database.close();
  }

  console.log(`Over HTTP, PostgreSQL, "${scale}" scale (${seconds} s per run, 4 readers about a second apart):`);
  const server = await startServer({ DATABASE_URL: scratch.url });
  try {
    const manager = await signIn("bench-manager@example.org");
    const page: Request = () => ({ method: "GET", path: `/projects/${projectId}/pmf` });
    const excel: Request = () => ({ method: "GET", path: `/api/v1/projects/${projectId}/pmf/export?format=xlsx&lang=en` });
    const trivial: Request = () => ({ method: "GET", path: "/api/health" });
    await warmUp(
      [
        [page, manager],
        [excel, manager],
        [trivial, manager],
      ],
      3,
    );
    const trivialFigures = await atPace("Trivial route (/api/health)", 4, 1000, trivial, manager);
    const pageFigures = await atPace("PMF page, manager (HTML)", 4, 1000, page, manager);
    const excelFigures = await atPace("PMF as Excel, manager", 1, 1000, excel, manager);
    console.log(`\nTargets on PostgreSQL at the "${scale}" scale, over HTTP:`);
    console.log(`  trivial route, for comparison: p95 ${trivialFigures.p95!.toFixed(0)} ms`);
    console.log(`  the PMF page in < 300 ms (p95), 4 readers: ${verdict(pageFigures, 300)}`);
    console.log(`  the Excel export in < 2 s (p95): ${verdict(excelFigures, 2000)}`);
  } finally {
    await stopServer(server);
  }
} finally {
  await scratch.drop();
}
