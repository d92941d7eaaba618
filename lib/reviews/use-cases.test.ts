import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { createTestDatabase } from "@/db/testing";
import { projectMembers, users } from "@/db/schema";
import { createFinding, getFinding } from "@/lib/findings/use-cases";
import { createStudy } from "@/lib/studies/use-cases";
import { ctxFor, expectFailure, expectOk } from "@/lib/testing/helpers";
import { createWorld } from "@/lib/testing/world";
import { answerFinding, awaitingMyReview, closeRound, commentOnFinding, getRound, listRounds, openRound } from "./use-cases";

let database: Database;

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

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
  const referral = await finding("Derivación entre policía y fiscalía");
  const sharing = await finding("Datos no compartidos en la CICESCT");
  // A second partner of the project, from another organisation.
  const [other] = await database.db
    .insert(users)
    .values({ email: `otra-${crypto.randomUUID()}@test.example`, name: "Otra Socia", locale: "es" })
    .returning();
  await database.db.insert(projectMembers).values({ projectId: world.projectId, userId: other!.id, role: "partner" });
  const partner = await world.ctx("partner");
  const otherPartner = await ctxFor(database.db, other!.id);
  const round = expectOk(
    await openRound(manager, {
      projectId: world.projectId,
      studyId: study.id,
      title: "Primera ronda",
      findingIds: [referral.id, sharing.id],
      partnerIds: [world.userIds.partner, other!.id],
    }),
  );
  const ids = { projectId: world.projectId, roundId: round.id };
  return { world, manager, study, referral, sharing, partner, otherPartner, round, ids };
}

describe("a round of partner review", () => {
  it("puts draft findings in review, lists them as awaiting each partner, and shows managers who answered what and who has not", async () => {
    const s = await setup();
    expect(expectOk(await getFinding(s.partner, { projectId: s.world.projectId, studyId: s.study.id, findingId: s.referral.id })).finding.status).toBe("in_review");
    expect(expectOk(await awaitingMyReview(s.partner, { projectId: s.world.projectId })).map((a) => a.findingId)).toEqual([s.referral.id, s.sharing.id]);
    expectOk(await answerFinding(s.partner, { ...s.ids, findingId: s.referral.id, answer: "agree" }));
    expectOk(await answerFinding(s.partner, { ...s.ids, findingId: s.sharing.id, answer: "needs_change", comment: "Falta el Ministerio Público" }));
    expectOk(await answerFinding(s.otherPartner, { ...s.ids, findingId: s.referral.id, answer: "disagree" }));
    expect(await awaitingMyReview(s.partner, { projectId: s.world.projectId }).then(expectOk)).toEqual([]);
    const [listed] = expectOk(await listRounds(s.manager, { projectId: s.world.projectId, studyId: s.study.id }));
    expect(listed!.waitingFor).toEqual(["Otra Socia"]);
    const seen = expectOk(await getRound(s.manager, s.ids));
    expect(seen.answers.filter((a) => a.findingId === s.sharing.id).map((a) => [a.answer, a.comment])).toEqual([["needs_change", "Falta el Ministerio Público"]]);
    expect(seen.answers.filter((a) => a.findingId === s.referral.id).map((a) => [a.name, a.answer])).toEqual([
      ["Otra Socia", "disagree"],
      [expect.stringMatching(/^partner /), "agree"],
    ]);
  });

  it("answering again replaces the answer; a closed round takes no more", async () => {
    const s = await setup();
    expectOk(await answerFinding(s.partner, { ...s.ids, findingId: s.referral.id, answer: "disagree" }));
    expectOk(await answerFinding(s.partner, { ...s.ids, findingId: s.referral.id, answer: "agree", comment: "Tras la discusión" }));
    expect(expectOk(await getRound(s.manager, s.ids)).answers.map((a) => [a.answer, a.comment])).toEqual([["agree", "Tras la discusión"]]);
    expectOk(await closeRound(s.manager, s.ids));
    expect(expectFailure(await answerFinding(s.partner, { ...s.ids, findingId: s.sharing.id, answer: "agree" })).fieldErrors?.answer).toEqual({ key: "roundClosed" });
    expect(await awaitingMyReview(s.partner, { projectId: s.world.projectId }).then(expectOk)).toEqual([]);
  });

  it("shows a partner their own answers only, and other partners' comments without their name", async () => {
    const s = await setup();
    expectOk(await answerFinding(s.otherPartner, { ...s.ids, findingId: s.referral.id, answer: "disagree", comment: "No estamos de acuerdo" }));
    const first = expectOk(await commentOnFinding(s.otherPartner, { ...s.ids, findingId: s.referral.id, body: "¿Qué fiscalías?" }));
    expectOk(await commentOnFinding(s.manager, { ...s.ids, findingId: s.referral.id, body: "Las de Tegucigalpa", parentId: first.id }));
    expectOk(await commentOnFinding(s.partner, { ...s.ids, findingId: s.referral.id, body: "Gracias", parentId: first.id }));
    const asPartner = expectOk(await getRound(s.partner, s.ids));
    expect(asPartner.answers).toEqual([]);
    expect(asPartner.partners).toEqual([]);
    expect(asPartner.comments.map((c) => [c.body, c.authorName === null, c.mine, c.parentId === first.id])).toEqual([
      ["¿Qué fiscalías?", true, false, false],
      ["Las de Tegucigalpa", false, false, true],
      ["Gracias", false, true, true],
    ]);
    expect(JSON.stringify(asPartner)).not.toContain("Otra Socia");
    expect(expectOk(await getRound(s.manager, s.ids)).comments[0]!.authorName).toBe("Otra Socia");
  });

  it("is seen only by the partners it was put to, and refuses findings and partners from elsewhere", async () => {
    const s = await setup();
    const alone = expectOk(
      await openRound(s.manager, { projectId: s.world.projectId, studyId: s.study.id, title: "Sólo una", findingIds: [s.sharing.id], partnerIds: [s.world.userIds.partner] }),
    );
    expect(expectFailure(await getRound(s.otherPartner, { projectId: s.world.projectId, roundId: alone.id })).error).toBe("not_found");
    expect(expectFailure(await answerFinding(s.otherPartner, { projectId: s.world.projectId, roundId: alone.id, findingId: s.sharing.id, answer: "agree" })).error).toBe(
      "not_found",
    );
    expect(expectFailure(await answerFinding(s.manager, { ...s.ids, findingId: s.sharing.id, answer: "agree" })).error).toBe("forbidden");
    expect(
      expectFailure(await answerFinding(s.partner, { projectId: s.world.projectId, roundId: alone.id, findingId: s.referral.id, answer: "agree" })).fieldErrors?.findingId,
    ).toEqual({
      key: "notRoundFinding",
    });
    const notPartner = { projectId: s.world.projectId, studyId: s.study.id, title: "X", findingIds: [s.sharing.id], partnerIds: [s.world.userIds.field] };
    expect(expectFailure(await openRound(s.manager, notPartner)).fieldErrors?.partnerIds).toEqual({ key: "notProjectPartner" });
    expect(expectFailure(await openRound(s.manager, { ...notPartner, partnerIds: [s.world.userIds.partner], findingIds: [] })).fieldErrors?.findingIds).toEqual({
      key: "required",
    });
    expect(expectFailure(await openRound(s.partner, { ...notPartner, partnerIds: [s.world.userIds.partner] })).error).toBe("forbidden");
  });
});
