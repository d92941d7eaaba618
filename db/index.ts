import "server-only";
import path from "node:path";
import { getEnv } from "@/lib/env";
import { openPglite, openPostgres, type Database, type Db } from "./client";

// Cached on globalThis: a module-level singleton opened PGlite several times in one server process.
const globalForDb = globalThis as unknown as { atelierDatabase?: Database; atelierReady?: Promise<void> };

function getDatabase(): Database {
  if (!globalForDb.atelierDatabase) {
    const env = getEnv();
    globalForDb.atelierDatabase = env.DATABASE_URL ? openPostgres(env.DATABASE_URL) : openPglite(path.join(env.ATELIER_DATA_DIR, "pglite"));
  }
  return globalForDb.atelierDatabase;
}

export function getDb(): Db {
  return getDatabase().db;
}

/** Opens the database and applies pending migrations, once per process. */
export function ensureDatabase(): Promise<void> {
  globalForDb.atelierReady ??= getDatabase().migrate();
  return globalForDb.atelierReady;
}
