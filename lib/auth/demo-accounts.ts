import { and, eq, inArray } from "drizzle-orm";
import type { Db } from "@/db/client";
import { appSettings, users } from "@/db/schema";
import { demoAccounts, demoPassword } from "@/db/seed/demo";

/** The demo accounts still usable, listed on the sign-in page only while demo data is in use. */
export async function listUsableDemoAccounts(db: Db) {
  const [flag] = await db.select().from(appSettings).where(eq(appSettings.key, "demoData"));
  if (!flag) return [];
  const active = await db
    .select({ email: users.email })
    .from(users)
    .where(
      and(
        inArray(
          users.email,
          demoAccounts.map((a) => a.email),
        ),
        eq(users.isActive, true),
      ),
    );
  const activeEmails = new Set(active.map((u) => u.email));
  return demoAccounts
    .filter((a) => activeEmails.has(a.email))
    .map((a) => ({
      email: a.email,
      password: demoPassword,
      role: a.isAdmin ? ("admin" as const) : a.roles[0]!.role,
    }));
}
