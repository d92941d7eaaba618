// Directory benchmark: 2,000 institutions and 100,000 participants on PostgreSQL. Prints the
// server-side latency of directory search and duplicate suggestions, and the time to compute
// the duplicates queue for the whole directory. Run: npm run bench (DATABASE_URL optional).
import { performance } from "node:perf_hooks";
import { openPostgres } from "@/db/client";
import { listInstitutions } from "@/lib/institutions/service";
import { findDuplicates, listDuplicatePairs } from "@/lib/participants/duplicates";
import { listParticipants } from "@/lib/participants/service";
import { toSearchText } from "@/lib/search-text";
import { ctxFor } from "@/lib/testing/helpers";
import { createScratchDatabase, generate, someFamilyName, someGivenName } from "./generate";
import { measure } from "./measure";

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
  const generated = await generate(db, { institutions: institutionCount, participants: participantCount, workshops: 0, attendance: 0, findings: 0, actions: 0, evaluations: 0, respondentsPerEvaluation: 0 });
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
      await measure("  Duplicate suggestions for a new person", () =>
        findDuplicates(ctx, { givenNames: someGivenName(), familyNames: `${someFamilyName()} ${someFamilyName()}`, sex: "woman" }),
        samples,
      ),
    );
    const queueStart = performance.now();
    const queue = await listDuplicatePairs(ctx, { page: 1, pageSize: 20 });
    queueSeconds.push((performance.now() - queueStart) / 1000);
    if (!queue.ok) throw new Error(queue.error);
    console.log(`${"  Duplicates queue, whole directory (first page)".padEnd(52)} ${queueSeconds.at(-1)!.toFixed(2)} s   (${queue.data.total} likely pairs)`);
  }
  console.log("\nTargets: search and suggestions p95 < 50 ms; queue < 5 s.");
  const met = figures.every((p95) => p95 < 50) && queueSeconds.every((s) => s < 5);
  console.log(met ? "All targets met." : "Some targets NOT met.");
} finally {
  await database.close();
  await scratch.drop();
}
