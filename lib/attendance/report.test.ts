import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { createTestDatabase } from "@/db/testing";
import { projects, users, workshops } from "@/db/schema";
import { demoProjectCodes, seedDemo } from "@/db/seed/demo";
import { tegucigalpaWorkshopTitle } from "@/db/seed/workshops";
import { ctxFor, expectOk } from "@/lib/testing/helpers";
import { getWorkshopReport, getProjectAttendanceTotals } from "./use-cases";
import { summariseAttendance, type AttendanceFact } from "./report";

let database: Database;

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

const fact = (participantId: string, day: string, overrides: Partial<AttendanceFact> = {}): AttendanceFact => ({
  participantId,
  day,
  status: "present",
  sex: "woman",
  institutionId: "police",
  institutionName: "Policía",
  sector: "state",
  kind: "police_unit",
  ...overrides,
});

const counts = (list: { key: string; count: number }[]) => Object.fromEntries(list.map((c) => [c.key, c.count]));

describe("summariseAttendance", () => {
  const days = ["2019-06-18", "2019-06-19"];
  const ngo = { institutionId: "ngo", institutionName: "Calidad de Vida", sector: "civil_society", kind: "ngo" } as const;
  const facts = [
    fact("ana", days[0]!),
    fact("ana", days[1]!),
    fact("luis", days[0]!, { sex: "man" }),
    fact("rosa", days[1]!, ngo),
    fact("alex", days[0]!, { sex: "not_stated", institutionId: null, institutionName: null, sector: null, kind: null }),
    // Moved from the police to the NGO between the two days: counted once, under the NGO.
    fact("iris", days[0]!),
    fact("iris", days[1]!, ngo),
  ];
  const memberships = [
    { institutionId: "police", bodyId: "cicesct", bodyName: "CICESCT", startDate: "2019-04-01", endDate: null },
    // The NGO joined the body only after the workshop: its people do not count as members.
    { institutionId: "ngo", bodyId: "cicesct", bodyName: "CICESCT", startDate: "2020-01-01", endDate: null },
  ];
  const summary = summariseAttendance(days, facts, memberships);

  it("counts attendances and people per day", () => {
    expect(summary.days.map((d) => [d.day, d.attendances, d.participants])).toEqual([
      ["2019-06-18", 4, 4],
      ["2019-06-19", 3, 3],
    ]);
  });

  it("overall, counts each person once and tells every-day from some-days attendees", () => {
    expect(summary.overall).toMatchObject({ attendances: 7, participants: 5, everyDay: 2, someDays: 3 });
    expect(counts(summary.overall.bySex)).toEqual({ woman: 3, man: 1, not_stated: 1 });
    expect(counts(summary.overall.bySector)).toEqual({ state: 2, civil_society: 2, none: 1 });
    expect(counts(summary.overall.byKind)).toEqual({ police_unit: 2, ngo: 2, none: 1 });
    expect(counts(summary.overall.byInstitution)).toEqual({ police: 2, ngo: 2, none: 1 });
  });

  it("counts people from members of a coordination body on the day they came", () => {
    expect(counts(summary.overall.byBody)).toEqual({ cicesct: 3 });
    expect(counts(summary.days[1]!.byBody)).toEqual({ cicesct: 1 });
  });

  it("gives zeros, not gaps, for a day nobody came", () => {
    const empty = summariseAttendance(["2019-06-20"], [], []);
    expect(empty.days[0]).toMatchObject({ attendances: 0, participants: 0, bySex: [] });
    expect(empty.overall).toMatchObject({ participants: 0, everyDay: 0, someDays: 0 });
  });
});

describe("attendance.report on the demo data", () => {
  async function demo(email: string) {
    await seedDemo(database.db);
    const [project] = await database.db.select().from(projects).where(eq(projects.code, demoProjectCodes.honduras));
    const [workshop] = await database.db
      .select()
      .from(workshops)
      .where(and(eq(workshops.projectId, project!.id), eq(workshops.title, tegucigalpaWorkshopTitle)));
    const [user] = await database.db.select().from(users).where(eq(users.email, email));
    return getWorkshopReport(await ctxFor(database.db, user!.id), { projectId: project!.id, workshopId: workshop!.id });
  }

  it("shows the Tegucigalpa workshop's 35 participants over two days, and the institution invited but absent", async () => {
    const report = expectOk(await demo("manager@example.org"));
    expect(report.days.map((d) => [d.day, d.participants])).toEqual([
      ["2019-06-18", 33],
      ["2019-06-19", 30],
    ]);
    // Two came late and one left early: still attended. Two of those who missed the second day were excused.
    expect(report.overall).toMatchObject({ attendances: 63, late: 2, leftEarly: 1, excused: 2, participants: 35, everyDay: 28, someDays: 7 });
    // Civil society: three from the tourism chamber, five from Calidad de Vida.
    expect(counts(report.overall.bySector)).toEqual({ state: 27, civil_society: 8 });
    expect(report.absentInstitutions.map((i) => i.acronym)).toEqual(["INM"]);
    expect(report.attendees).toHaveLength(35);
  });

  it("gives a partner the figures without a single name", async () => {
    const report = expectOk(await demo("partner@example.org"));
    expect(report.overall.participants).toBe(35);
    expect(report.attendees).toBeNull();
    const text = JSON.stringify(report);
    expect(text).not.toContain("Martínez");
    expect(text).not.toContain("Zelaya");
    expect(text).not.toContain("Turno de guardia");
  });
});

describe("attendance.projectTotals on the demo data", () => {
  it("counts the Honduras project's held workshops, attendances and people, each person once", async () => {
    await seedDemo(database.db);
    const [project] = await database.db.select().from(projects).where(eq(projects.code, demoProjectCodes.honduras));
    const [user] = await database.db.select().from(users).where(eq(users.email, "partner@example.org"));
    const totals = expectOk(await getProjectAttendanceTotals(await ctxFor(database.db, user!.id), { projectId: project!.id }));
    // Only the Tegucigalpa workshop has attendance in the demo: 63 records, 35 people, 9 institutions.
    // 15 men, 19 women and one person of another sex.
    expect(totals).toEqual({ workshopsHeld: 2, attendances: 63, participants: 35, women: 19, men: 15, institutions: 9 });
  });
});
