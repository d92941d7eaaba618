import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { createTestDatabase } from "@/db/testing";
import { projects, studies, users } from "@/db/schema";
import { actionStatuses, findingThemes } from "@/db/schema/values";
import { listActions } from "@/lib/improvement-actions/use-cases";
import { listFindings } from "@/lib/findings/use-cases";
import { awaitingMyReview, getRound, listRounds } from "@/lib/reviews/use-cases";
import { ctxFor, expectOk } from "@/lib/testing/helpers";
import { demoProjectCodes, seedDemo } from "./demo";
import { hondurasStudyTitle } from "./study";

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

describe("the Honduras baseline study of the demo data", () => {
  it("has a dozen findings across every theme, a review round answered by the demo partner, and actions in every status, some overdue", async () => {
    const [project] = await database.db.select({ id: projects.id }).from(projects).where(eq(projects.code, demoProjectCodes.honduras));
    const [study] = await database.db.select({ id: studies.id }).from(studies).where(eq(studies.title, hondurasStudyTitle));
    const ids = { projectId: project!.id, studyId: study!.id };
    const manager = await as("manager@example.org");
    const found = expectOk(await listFindings(manager, ids));
    expect(found).toHaveLength(12);
    expect(new Set(found.map((f) => f.theme))).toEqual(new Set(findingThemes));
    const [round] = expectOk(await listRounds(manager, ids));
    expect(round!.waitingFor).toEqual([]);
    const answers = expectOk(await getRound(manager, { projectId: project!.id, roundId: round!.id })).answers;
    expect(new Set(answers.map((a) => a.answer))).toEqual(new Set(["agree", "disagree", "needs_change"]));
    expect(answers.every((a) => a.name === "Sofía Hernández")).toBe(true);
    expect(expectOk(await awaitingMyReview(await as("partner@example.org"), { projectId: project!.id }))).toEqual([]);
    const actions = expectOk(await listActions(manager, { projectId: project!.id }));
    expect(new Set(actions.map((a) => a.status))).toEqual(new Set(actionStatuses));
    expect(actions.filter((a) => a.overdue).length).toBeGreaterThanOrEqual(2);
  });
});
