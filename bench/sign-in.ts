// Sign-in throttling benchmark (issue 13): what the throttle adds to one sign-in (recording the
// attempt, judging it, recording its success), on an empty sign_in_attempts table and on one
// holding a worst-case 15 minutes of attempts, on PGlite and on PostgreSQL (DATABASE_URL, default
// the local server). The password check itself is printed beside it for scale.
// Run: npm run bench:sign-in (BENCH_SAMPLES, BENCH_ATTEMPTS to scale it).
import { openPglite, openPostgres, type Database } from "@/db/client";
import { signInAttempts } from "@/db/schema";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { getSignInRefusal, recordSignInSuccess, startSignInAttempt, throttle } from "@/lib/auth/throttle";
import { createScratchDatabase } from "./generate";
import { measure } from "./measure";

const samples = Number(process.env.BENCH_SAMPLES ?? 300);
// The global ceiling lets at most 20 password checks a second through: 18,000 in a 15-minute
// window, plus the failures of addresses that are made to wait. 20,000 is about the most the table holds.
const populatedAttempts = Number(process.env.BENCH_ATTEMPTS ?? 20_000);
const adminUrl = process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const targetMs = 5;

/** Fills the window with attempts from 2,000 addresses on 5,000 e-mails, none in the last two seconds. */
async function populate(database: Database, now: Date) {
  const rows = Array.from({ length: populatedAttempts }, (_, i) => ({
    email: `person${i % 5_000}@bench.example`,
    clientAddress: `10.${(i % 2_000) >> 8}.${i % 256}.1`,
    succeeded: i % 10 === 0,
    at: new Date(now.getTime() - 2_000 - Math.floor(Math.random() * (throttle.windowMs - 3_000))),
  }));
  for (let i = 0; i < rows.length; i += 1_000) await database.db.insert(signInAttempts).values(rows.slice(i, i + 1_000));
}

/**
 * One sign-in's throttle work, as `authenticate` does it for the right password. Each sample is
 * dated 60 ms after the previous one, fewer than the ceiling per second, so every sample takes
 * the full path instead of being answered "busy".
 */
function throttleRound(database: Database, start: Date) {
  let sample = 0;
  return async () => {
    const now = new Date(start.getTime() + 60 * sample++);
    const email = `sample${sample}@bench.example`;
    const clientAddress = `192.0.2.${sample % 250}`;
    const attemptId = await startSignInAttempt(database.db, email, clientAddress, now);
    const refusal = await getSignInRefusal(database.db, email, clientAddress, now, attemptId);
    if (refusal) throw new Error(`Sample refused: ${refusal.reason}`);
    await recordSignInSuccess(database.db, attemptId, email, clientAddress);
  };
}

/** The floor under any write: one row inserted and committed, with nothing else to do. */
function plainInsert(database: Database) {
  let sample = 0;
  return () => database.db.insert(signInAttempts).values({ email: `floor${sample++}@bench.example`, clientAddress: "203.0.113.1", succeeded: true, at: new Date(0) });
}

/** An address that has already failed on 40 e-mails: judging it reads the most rows per address. */
async function hammeringAddressCheck(database: Database, now: Date) {
  const clientAddress = "198.51.100.200";
  await database.db
    .insert(signInAttempts)
    .values(Array.from({ length: 40 }, (_, i) => ({ email: `guess${i}@bench.example`, clientAddress, at: new Date(now.getTime() - 5_000 - i * 1_000) })));
  return async () => {
    const refusal = await getSignInRefusal(database.db, "target@bench.example", clientAddress, now);
    if (refusal?.reason !== "locked") throw new Error("The hammering address was not made to wait");
  };
}

async function run(label: string, database: Database) {
  await database.migrate();
  console.log(`\n${label}`);
  const p95s: number[] = [];
  const empty = new Date();
  p95s.push(await measure("  Throttle for one sign-in, empty table", throttleRound(database, empty), samples));
  const populatedAt = new Date(empty.getTime() + 60 * (samples + 20) + 2_000);
  await populate(database, populatedAt);
  const rows = (await database.db.$count(signInAttempts)).toLocaleString("en");
  p95s.push(await measure(`  Throttle for one sign-in, ${rows} attempts stored`, throttleRound(database, populatedAt), samples));
  p95s.push(await measure("  Judging an address that failed on 40 e-mails", await hammeringAddressCheck(database, populatedAt), samples));
  // Two of the throttle's three statements are writes: this is what each costs at least.
  await measure("  For scale: inserting one row, nothing else", plainInsert(database), samples);
  return Math.max(...p95s);
}

const passwordHash = await hashPassword("a bench passphrase");
await measure("Password check alone (argon2id, for scale)", () => verifyPassword(passwordHash, "a bench passphrase"), 30);

const pglite = openPglite();
const pgliteP95 = await run("PGlite (in memory)", pglite).finally(() => pglite.close());

const scratch = await createScratchDatabase(adminUrl);
const postgresDb = openPostgres(scratch.url, { max: 4 });
const postgresP95 = await run("PostgreSQL", postgresDb).finally(async () => {
  await postgresDb.close();
  await scratch.drop();
});

const worst = Math.max(pgliteP95, postgresP95);
console.log(`\nTarget: the throttle adds under ${targetMs} ms to a sign-in. Worst p95 ${worst.toFixed(1)} ms: ${worst < targetMs ? "met" : "NOT met"}.`);
