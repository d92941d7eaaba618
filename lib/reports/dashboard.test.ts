import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { createTestDatabase } from "@/db/testing";
import { findings, projects, projectThemes, studies, users } from "@/db/schema";
import { demoProjectCodes, seedDemo } from "@/db/seed/demo";
import { narrativeFor } from "@/lib/narrative";
import { ctxFor, expectFailure, expectOk } from "@/lib/testing/helpers";
import { getDashboard } from "./dashboard";

let database: Database;
let projectId: string;

beforeAll(async () => {
  database = await createTestDatabase();
  await seedDemo(database.db);
  const [project] = await database.db.select({ id: projects.id }).from(projects).where(eq(projects.code, demoProjectCodes.honduras));
  projectId = project!.id;
});
afterAll(() => database.close());

async function as(email: string) {
  const [user] = await database.db.select({ id: users.id }).from(users).where(eq(users.email, email));
  return ctxFor(database.db, user!.id);
}

describe("the project dashboard", () => {
  it("counts the Tegucigalpa workshop's people once each, the institutions reached and the CICESCT members among them, for the period asked", async () => {
    const manager = await as("manager@example.org");
    const june = expectOk(await getDashboard(manager, { projectId, from: "2019-06-01", to: "2019-06-30" }));
    expect(june.workshopsByType).toEqual([{ key: "baseline", count: 1 }]);
    expect(june.attendance).toEqual({ attendances: 63, participants: 35, women: expect.any(Number) });
    expect(june.attendance.women).toBeGreaterThan(0);
    expect(june.institutionsReached).toBeGreaterThan(0);
    expect(june.institutionsBySector.reduce((n, s) => n + s.count, 0)).toBe(june.institutionsByKind.reduce((n, k) => n + k.count, 0));
    const cicesct = june.bodies.find((b) => b.acronym === "CICESCT")!;
    expect(cicesct.reached).toBeGreaterThan(0);
    expect(cicesct.reached).toBeLessThanOrEqual(cicesct.members);
    const whole = expectOk(await getDashboard(manager, { projectId }));
    expect(whole.attendance.participants).toBeGreaterThanOrEqual(35);
    // The whole project reads the per-project tally; a period wide enough to hold every workshop
    // counts the records themselves: both must tell the same figures.
    const sinceEver = expectOk(await getDashboard(manager, { projectId, from: "2000-01-01" }));
    expect(sinceEver.attendance).toEqual(whole.attendance);
    expect(sinceEver.institutionsBySector).toEqual(whole.institutionsBySector);
    expect(sinceEver.institutionsByKind).toEqual(whole.institutionsByKind);
    expect(whole.institutionsByKind.map((k) => k.count)).toEqual(whole.institutionsByKind.map((k) => k.count).sort((a, b) => b - a));
    expect(expectFailure(await getDashboard(manager, { projectId, from: "2020-01-01", to: "2019-01-01" })).fieldErrors?.to).toEqual({ key: "endBeforeStart" });
  });

  it("sums findings by theme and status, actions by status with the overdue ones, and shows the pinned evaluation figures", async () => {
    const manager = await as("manager@example.org");
    const board = expectOk(await getDashboard(manager, { projectId }));
    expect(board.findings.reduce((n, f) => n + f.count, 0)).toBe(12);
    expect(board.actions.reduce((n, a) => n + a.count, 0)).toBe(6);
    expect(board.overdueActions).toBeGreaterThanOrEqual(2);
    expect(
      board.pinned.map((p) => `${p.figure.shown ? `${p.figure.percent} % of ${p.figure.n}` : p.figure.reason}${p.group ? ` (${narrativeFor(p.group, "en").text})` : ""}`),
    ).toEqual(["76 % of 109", "86 % of 109", "96 % of 109", "96 % of 51 (Civil society)"]);
    const partner = expectOk(await getDashboard(await as("partner@example.org"), { projectId }));
    expect(partner.findings.reduce((n, f) => n + f.count, 0)).toBe(10);
  });

  it("names a finding's theme of the project's own, in its languages", async () => {
    const manager = await as("manager@example.org");
    const [study] = await database.db.select({ id: studies.id }).from(studies).where(eq(studies.projectId, projectId));
    const [theme] = await database.db
      .insert(projectThemes)
      .values({ projectId, name: { original: "es", es: "Migración laboral" } })
      .returning();
    await database.db
      .insert(findings)
      .values({ studyId: study!.id, projectThemeId: theme!.id, title: { original: "es", es: "Contratación" }, description: { original: "es", es: "" }, status: "validated" });
    const board = expectOk(await getDashboard(manager, { projectId }));
    expect(board.findings.filter((f) => f.projectTheme)).toEqual([{ theme: null, projectTheme: { original: "es", es: "Migración laboral" }, status: "validated", count: 1 }]);
  });
});
