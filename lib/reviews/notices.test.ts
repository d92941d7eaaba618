import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { createTestDatabase } from "@/db/testing";
import { mailMessages, projectMembers, users } from "@/db/schema";
import { createFinding } from "@/lib/findings/use-cases";
import { getMailPreferences, setMailPreferences } from "@/lib/mail/preferences";
import { createStudy } from "@/lib/studies/use-cases";
import { ctxFor, expectOk } from "@/lib/testing/helpers";
import { createWorld } from "@/lib/testing/world";
import { answerFinding, openRound } from "./use-cases";

let database: Database;

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

const mailOf = (userId: string, kind: "review_opened" | "review_answered") =>
  database.db
    .select()
    .from(mailMessages)
    .where(and(eq(mailMessages.userId, userId), eq(mailMessages.kind, kind)))
    .orderBy(mailMessages.createdAt);

async function setup() {
  const world = await createWorld(database.db);
  const manager = await world.ctx("manager");
  const study = expectOk(await createStudy(manager, { projectId: world.projectId, title: "Línea de base" }));
  const finding = (text: string) =>
    createFinding(manager, {
      projectId: world.projectId,
      studyId: study.id,
      theme: "partnership",
      title: { original: "es", es: text },
      description: { original: "es", es: text },
    }).then(expectOk);
  const [first, second] = [await finding("Derivación entre policía y fiscalía"), await finding("Datos no compartidos")];
  const [english] = await database.db
    .insert(users)
    .values({ email: `partner-${crypto.randomUUID()}@test.example`, name: "Another Partner", locale: "en" })
    .returning();
  await database.db.insert(projectMembers).values({ projectId: world.projectId, userId: english!.id, role: "partner" });
  return { world, manager, study, first, second, english: english! };
}

describe("review-round notices", () => {
  it("tell each partner a round is open, in their language, naming no other partner; a partner who turned them off gets none", async () => {
    const s = await setup();
    const spanish = await s.world.ctx("partner");
    await database.db.update(users).set({ locale: "es" }).where(eq(users.id, spanish.user!.id));
    expectOk(await setMailPreferences(await ctxFor(database.db, s.english.id), { review_answered: "on" }));
    expect(expectOk(await getMailPreferences(await ctxFor(database.db, s.english.id), {}))).toEqual({ receives: ["review_answered"] });
    const round = expectOk(
      await openRound(s.manager, {
        projectId: s.world.projectId,
        studyId: s.study.id,
        title: "Primera ronda",
        findingIds: [s.first.id, s.second.id],
        partnerIds: [spanish.user!.id, s.english.id],
      }),
    );
    const [mail] = await mailOf(spanish.user!.id, "review_opened");
    expect(mail!.text).toContain("La ronda de revisión «Primera ronda»");
    expect(mail!.text).toContain("2 hallazgos esperan");
    expect(mail!.text).toContain(`/studies/${s.study.id}/reviews/${round.id}`);
    expect(mail!.text).not.toContain("Another Partner");
    expect(await mailOf(s.english.id, "review_opened")).toEqual([]);
  });

  it("tell the manager who opened it that partners answered, at most once an hour", async () => {
    const s = await setup();
    const partner = await s.world.ctx("partner");
    const round = expectOk(
      await openRound(s.manager, { projectId: s.world.projectId, studyId: s.study.id, title: "Ronda", findingIds: [s.first.id, s.second.id], partnerIds: [partner.user!.id] }),
    );
    const answer = (findingId: string, value: "agree" | "disagree") =>
      answerFinding(partner, { projectId: s.world.projectId, roundId: round.id, findingId, answer: value }).then(expectOk);
    await answer(s.first.id, "agree");
    await answer(s.second.id, "disagree");
    await answer(s.first.id, "disagree");
    const told = await mailOf(s.manager.user!.id, "review_answered");
    // One at once, one held back to the hour's end that tells of everything meanwhile; none more.
    expect(told).toHaveLength(2);
    expect(told[1]!.nextAttemptAt.getTime() - told[0]!.createdAt.getTime()).toBe(60 * 60 * 1000);
    expect(told[0]!.text).not.toContain(partner.user!.name);
  });
});
