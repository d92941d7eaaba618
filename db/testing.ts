import crypto from "node:crypto";
import postgres from "postgres";
import { openPglite, openPostgres, type Database } from "./client";

/**
 * A fresh, migrated database for one test file: in-memory PGlite by default, or a PostgreSQL
 * database created for the run (and dropped by `close`) when TEST_DATABASE_URL is set.
 */
export async function createTestDatabase(): Promise<Database> {
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) {
    const database = openPglite();
    await database.migrate();
    return database;
  }
  const name = `atelier_test_${crypto.randomBytes(6).toString("hex")}`;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const database = openPostgres(url.toString(), { max: 4 });
  await database.migrate();
  return {
    ...database,
    close: async () => {
      await database.close();
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}
