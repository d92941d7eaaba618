import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { createTestDatabase } from "@/db/testing";
import { users } from "@/db/schema";
import { demoProjectCodes, seedDemo } from "@/db/seed/demo";
import { ctxFor, expectFailure, expectOk } from "@/lib/testing/helpers";
import { getPortfolio } from "./portfolio";

let database: Database;

beforeAll(async () => {
  database = await createTestDatabase();
  await seedDemo(database.db);
});
afterAll(() => database.close());

async function as(email: string) {
  const [user] = await database.db.select({ id: users.id }).from(users).where(eq(users.email, email));
  return ctxFor(database.db, user!.id);
}

describe("the portfolio", () => {
  it("puts every project side by side for the administrator, and no one else", async () => {
    const rows = expectOk(await getPortfolio(await as("admin@example.org"), {}));
    expect(rows.map((r) => r.code).sort()).toEqual([demoProjectCodes.costaRica, demoProjectCodes.honduras].sort());
    const honduras = rows.find((r) => r.code === demoProjectCodes.honduras)!;
    expect([honduras.findings, honduras.actions, honduras.pinned.length]).toEqual([12, 6, 4]);
    expect(honduras.participants).toBeGreaterThanOrEqual(35);
    const costaRica = rows.find((r) => r.code === demoProjectCodes.costaRica)!;
    expect(costaRica.pinned.map((p) => (p.figure.shown ? p.figure.percent : p.figure.reason))).toEqual([96, 100, 100]);
    expect(expectFailure(await getPortfolio(await as("manager@example.org"), {})).error).toBe("not_found");
    // Both projects have ended: their current period is their last one.
    expect(honduras.indicators).toBe(12);
    expect(honduras.behind.map((b) => [b.code, b.period])).toEqual([
      ["1111.1", "2022"],
      ["1111.2", "2022"],
      ["1210.1", "2022"],
      ["1310.1", "2022"],
      ["1311.1", "2022"],
    ]);
    expect(costaRica.indicators).toBe(3);
  });
});
