/**
 * Database errors carry what a log must never hold: drizzle's message quotes the failed query's
 * parameters (e-mails, phones, names), PGlite attaches them as `params`, and PostgreSQL's own
 * message, `detail` and `where` may quote a value ("Key (email)=(…) already exists"). These
 * helpers keep only what locates the failure: the SQLSTATE code, the table, column and constraint.
 */

type DriverError = {
  code?: unknown;
  table?: unknown;
  table_name?: unknown;
  column?: unknown;
  column_name?: unknown;
  constraint?: unknown;
  constraint_name?: unknown;
  query?: unknown;
  params?: unknown;
  cause?: unknown;
  err?: unknown;
};

// Five characters, at least one a digit: "23505", "22P02", "XX000" (unlike Node's "EPERM").
const sqlState = /^(?=.*\d)[0-9A-Z]{5}$/;

/** `error` and what it wraps: drizzle keeps the driver's error as `cause`, Auth.js as `cause.err`. */
function* chainOf(error: unknown): Generator<DriverError> {
  const seen = new Set<unknown>();
  const pending = [error];
  while (pending.length > 0) {
    const e = pending.pop();
    if (typeof e !== "object" || e === null || seen.has(e)) continue;
    seen.add(e);
    yield e as DriverError;
    pending.push((e as DriverError).cause, (e as DriverError).err);
  }
}

// Arrays, not iterator helpers: Node 20 has none.
const findDriverError = (error: unknown) => [...chainOf(error)].find((e) => typeof e.code === "string" && sqlState.test(e.code)) ?? null;

const carriesQuery = (error: unknown) => [...chainOf(error)].some((e) => "params" in e || "parameters" in e);

/** A database failure told without any value: safe to log, to rethrow, to show in a stack trace. */
export class DatabaseFailure extends Error {
  override name = "DatabaseFailure";
  readonly code: string | undefined;

  constructor(context: string, error: unknown) {
    const driverError = findDriverError(error);
    const code = typeof driverError?.code === "string" ? driverError.code : undefined;
    const where = [
      ["table", driverError?.table_name ?? driverError?.table],
      ["column", driverError?.column_name ?? driverError?.column],
      ["constraint", driverError?.constraint_name ?? driverError?.constraint],
    ]
      .filter(([, value]) => typeof value === "string")
      .map(([label, value]) => `${label} ${value}`);
    super(`${context}: database error ${code ?? "without a code"}${where.length ? ` (${where.join(", ")})` : ""}`);
    this.code = code;
  }
}

/** Whether `error` came from the database, and so must not be logged or rethrown as it is. */
export const isDatabaseError = (error: unknown) => !(error instanceof DatabaseFailure) && (carriesQuery(error) || findDriverError(error) !== null);

/** `error` itself, or a DatabaseFailure in its place when it came from the database. */
export const redactDatabaseError = (context: string, error: unknown) => (isDatabaseError(error) ? new DatabaseFailure(context, error) : error);
