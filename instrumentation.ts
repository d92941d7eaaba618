// Runs once when the server starts (never during `next build`): open the database and migrate,
// so the first request does not wait; with ATELIER_DEMO=1, load the demo data and print the logins.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { redactDatabaseError } = await import("./lib/database-errors");
  // Use cases and the API already log database errors without their values; this covers whatever
  // else logs one (Next.js's own handler, Auth.js), since drizzle's message quotes every parameter.
  for (const level of ["error", "warn"] as const) {
    const write = console[level].bind(console);
    console[level] = (...args: unknown[]) => write(...args.map((arg) => redactDatabaseError("Logged", arg)));
  }
  const { ensureDatabase, getDb } = await import("./db");
  await ensureDatabase();
  // The access log's pending entries are written when the server stops; retention runs daily.
  const { flushAccessLogOnExit } = await import("./lib/access-recording");
  flushAccessLogOnExit();
  const { startDailyRetention } = await import("./lib/retention/daily");
  startDailyRetention(getDb);
  const { startMailWorker } = await import("./lib/mail/worker");
  startMailWorker(getDb);
  const { getEnv } = await import("./lib/env");
  if (getEnv().ATELIER_DEMO === "1") {
    const { describeDemoAccounts, describeDemoMail, seedDemo } = await import("./db/seed/demo");
    await seedDemo(getDb());
    console.log(`\n${describeDemoAccounts()}\n\n${describeDemoMail()}\n`);
  }
}
