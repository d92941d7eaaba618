import path from "node:path";
import { getEnv } from "@/lib/env";
import { openPglite, openPostgres } from "../client";
import { describeDemoAccounts, seedDemo } from "./demo";

const env = getEnv();
const database = env.DATABASE_URL ? openPostgres(env.DATABASE_URL) : openPglite(path.join(env.ATELIER_DATA_DIR, "pglite"));
try {
  await database.migrate();
  await seedDemo(database.db);
  console.log(describeDemoAccounts());
} finally {
  await database.close();
}
