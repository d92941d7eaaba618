import fs from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import type { SQL } from "drizzle-orm";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { drizzle as drizzlePostgres, type PostgresJsDatabase } from "drizzle-orm/postgres-js";
import { migrate as migratePostgres } from "drizzle-orm/postgres-js/migrator";
import postgres from "postgres";
import * as schema from "./schema";

// Both drivers expose the same query builder; services are written against this one type.
export type Db = PostgresJsDatabase<typeof schema>;
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

/** Rows of a raw query: PGlite answers `{ rows }`, postgres.js a plain array. */
export async function executeRows<T>(db: Db, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as T[] | { rows: T[] };
  return Array.isArray(result) ? result : result.rows;
}

export type Database = {
  db: Db;
  driver: "pglite" | "postgres";
  migrate: () => Promise<void>;
  close: () => Promise<void>;
};

const migrationsFolder = path.join(process.cwd(), "db", "migrations");

/**
 * The similarity from which pg_trgm's `%` operator calls two names alike. Set for every session,
 * so the trigram index itself discards names below it (duplicate checks use this level).
 */
export const trigramThreshold = 0.45;

export function openPostgres(url: string, options: { max?: number } = {}): Database {
  const client = postgres(url, {
    max: options.max ?? 10,
    onnotice: () => {},
    // Explicitly off: when on, postgres.js makes each error's query parameters enumerable, so they
    // would print with it.
    debug: false,
    connection: { "pg_trgm.similarity_threshold": String(trigramThreshold) },
  });
  const db = drizzlePostgres({ client, schema });
  return {
    db,
    driver: "postgres",
    migrate: () => migratePostgres(db, { migrationsFolder }),
    close: () => client.end({ timeout: 5 }),
  };
}

/** Opens PGlite in `dataDir`, or in memory when `dataDir` is undefined. */
export function openPglite(dataDir?: string): Database {
  const releaseLock = dataDir ? lockDataDir(dataDir) : () => {};
  // Extensions the migrations create must be loaded into PGlite up front.
  const client = new PGlite({ dataDir, extensions: { pg_trgm } });
  client.exec(`set pg_trgm.similarity_threshold = ${trigramThreshold}`).catch((error: unknown) => console.error("Could not set the trigram threshold", error));
  const db = drizzlePglite({ client, schema }) as unknown as Db;
  return {
    db,
    driver: "pglite",
    migrate: () => migratePglite(db as never, { migrationsFolder }),
    close: async () => {
      await client.close();
      releaseLock();
    },
  };
}

// PGlite has no lock between processes: two writers on one folder silently lose rows.
function lockDataDir(dataDir: string): () => void {
  fs.mkdirSync(dataDir, { recursive: true });
  const lockFile = `${path.resolve(dataDir)}.lock`;
  try {
    fs.writeFileSync(lockFile, String(process.pid), { flag: "wx" });
  } catch {
    const holder = Number(fs.readFileSync(lockFile, "utf8"));
    if (holder && holder !== process.pid && isAlive(holder)) {
      throw new Error(
        `The database folder ${dataDir} is in use by process ${holder}. Stop that process first, ` +
          `or set DATABASE_URL to use PostgreSQL when several processes need the database.`,
      );
    }
    fs.writeFileSync(lockFile, String(process.pid));
  }
  const release = () => {
    try {
      if (fs.readFileSync(lockFile, "utf8") === String(process.pid)) fs.unlinkSync(lockFile);
    } catch {
      // Already gone: nothing to release.
    }
  };
  process.once("exit", release);
  return release;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}
