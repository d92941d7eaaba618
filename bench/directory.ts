// Directory benchmark: 2,000 institutions and 100,000 participants on PostgreSQL. Prints the
// server-side latency of directory search and duplicate suggestions, the time to compute the
// duplicates queue for the whole directory, and what the access log adds to a participant's page
// and to the participant list. Run: npm run bench (DATABASE_URL optional).
import { performance } from "node:perf_hooks";
import { openPostgres } from "@/db/client";
import { listInstitutions } from "@/lib/institutions/use-cases";
import { findDuplicates, listDuplicatePairs } from "@/lib/participants/duplicates";
import { flushAccessLog, recordAccess } from "@/lib/access-recording";
import { getParticipant, listParticipants } from "@/lib/participants/use-cases";
import { toSearchText } from "@/lib/search-text";
import { ctxFor } from "@/lib/testing/helpers";
import { createScratchDatabase, generate, someFamilyName, someGivenName } from "./generate";
import { measure, percentile } from "./measure";

const institutionCount = Number(process.env.BENCH_INSTITUTIONS ?? 2_000);
const participantCount = Number(process.env.BENCH_PARTICIPANTS ?? 100_000);
const samples = Number(process.env.BENCH_SAMPLES ?? 200);
const adminUrl = process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";

const scratch = await createScratchDatabase(adminUrl);
const database = openPostgres(scratch.url, { max: 4 });
try {
  await database.migrate();
  const db = database.db;
  console.log(`Seeding ${institutionCount} institutions and ${participantCount} participants…`);
  const seedStart = performance.now();
  const generated = await generate(db, {
    institutions: institutionCount,
    participants: participantCount,
    workshops: 0,
    attendance: 0,
    findings: 0,
    actions: 0,
    evaluations: 0,
    respondentsPerEvaluation: 0,
  });
  console.log(`Seeded in ${((performance.now() - seedStart) / 1000).toFixed(1)} s\n`);

  // An admin searches the whole directory; a manager goes through the project-visibility check,
  // which here covers every participant (the worst case for that check).
  const fragment = () => toSearchText(someFamilyName()).slice(0, 5);
  const figures: number[] = [];
  const queueSeconds: number[] = [];
  for (const viewer of ["admin", "manager"] as const) {
    const ctx = await ctxFor(db, generated.userIds[viewer]);
    console.log(`As ${viewer}:`);
    figures.push(
      await measure("  Institution search (accent-free, 20 per page)", () => listInstitutions(ctx, { q: fragment() }), samples),
      await measure("  Participant search (accent-free, 20 per page)", () => listParticipants(ctx, { q: `${toSearchText(someGivenName())} ${fragment()}` }), samples),
      await measure(
        "  Duplicate suggestions for a new person",
        () => findDuplicates(ctx, { givenNames: someGivenName(), familyNames: `${someFamilyName()} ${someFamilyName()}`, sex: "woman" }),
        samples,
      ),
    );
    const queueStart = performance.now();
    const queue = await listDuplicatePairs(ctx, { page: 1, pageSize: 20 });
    queueSeconds.push((performance.now() - queueStart) / 1000);
    if (!queue.ok) throw new Error(queue.error);
    console.log(`${"  Duplicates queue, whole directory (first page)".padEnd(52)} ${queueSeconds.at(-1)!.toFixed(2)} s   (${queue.data.total} likely pairs)`);
  }
  const logCosts: number[] = [];
  for (const viewer of ["admin", "manager"] as const) {
    const ctx = await ctxFor(db, generated.userIds[viewer]);
    console.log(`Access log, as ${viewer}:`);
    const someone = () => generated.participantIds[Math.floor(Math.random() * generated.participantIds.length)]!;
    logCosts.push(
      await measureLogging("  Participant's page", () => getParticipant(ctx, { participantId: someone() })),
      await measureLogging("  Participant list (20 per page, a search)", () => listParticipants(ctx, { q: fragment() })),
    );
  }
  await flushAccessLog();
  // The part of that a request waits for, measured alone: a list's 20 entries into the buffer.
  const admin = await ctxFor(db, generated.userIds.admin);
  const entries = generated.participantIds.slice(0, 20).map((participantId) => ({ action: "participant.view" as const, resource: "participants.list", participantId }));
  await measure("  Recording a list's 20 entries (request side)", () => recordAccess(admin as never, entries), samples);
  await measure(
    "  Writing 100 entries (one flush, in the background)",
    async () => {
      await recordAccess(admin as never, [...entries, ...entries, ...entries, ...entries, ...entries]);
      await flushAccessLog();
    },
    samples,
  );

  console.log("\nTargets: search and suggestions p95 < 50 ms; queue < 5 s; the access log adds < 5 ms at p95.");
  const met = figures.every((p95) => p95 < 50) && queueSeconds.every((s) => s < 5) && logCosts.every((ms) => ms < 5);
  console.log(met ? "All targets met." : "Some targets NOT met.");
} finally {
  await flushAccessLog();
  await database.close();
  await scratch.drop();
}

/**
 * Times a use case with the access log and without it, alternating samples so both meet the same
 * load; entries are written in the background as in the app (every second or hundred entries).
 * "Without" swaps the log's buffer for one that keeps nothing, for this benchmark only. Prints both
 * and returns what logging adds to p95 (ms).
 */
async function measureLogging(label: string, run: () => Promise<unknown>): Promise<number> {
  const log = (globalThis as unknown as { atelierAccessLog: { pending: Map<unknown, unknown[]> } }).atelierAccessLog;
  const keeping = log.pending;
  const discarding = new (class extends Map<unknown, unknown[]> {
    override set() {
      return this;
    }
  })();
  const times = { with: [] as number[], without: [] as number[] };
  for (let i = 0; i < 10 + samples * 2; i++) {
    const isLogged = i % 2 === 0;
    log.pending = isLogged ? keeping : discarding;
    const start = performance.now();
    await run();
    if (i >= 10) times[isLogged ? "with" : "without"].push(performance.now() - start);
  }
  log.pending = keeping;
  const added = percentile(times.with, 95) - percentile(times.without, 95);
  const show = (t: number[]) => `p50 ${percentile(t, 50).toFixed(1).padStart(6)} ms   p95 ${percentile(t, 95).toFixed(1).padStart(6)} ms`;
  console.log(`${label.padEnd(52)} with log ${show(times.with)}`);
  console.log(`${"".padEnd(52)} without  ${show(times.without)}   adds ${added.toFixed(1)} ms at p95`);
  return added;
}
