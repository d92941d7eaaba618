import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { createTestDatabase } from "@/db/testing";
import { auditEntries, findings, projectMembers, reviewAnswersTable, reviewComments, reviewRoundFindings, reviewRoundPartners, reviewRounds, users } from "@/db/schema";
import { userWithRoles } from "@/lib/testing/directory";
import { createFinding, getFinding, updateFinding } from "@/lib/findings/use-cases";
import { createStudy } from "@/lib/studies/use-cases";
import { ctxFor, expectFailure, expectOk, snapshotCounts } from "@/lib/testing/helpers";
import { createWorld } from "@/lib/testing/world";
import { answerFinding, awaitingMyReview, closeRound, commentOnFinding, getRound, listRounds, openRound } from "./use-cases";

let database: Database;

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

const everything = { reviewRounds, reviewRoundFindings, reviewRoundPartners, reviewAnswersTable, reviewComments, auditEntries, findings };

async function setup() {
  const world = await createWorld(database.db);
  const manager = await world.ctx("manager");
  const study = expectOk(await createStudy(manager, { projectId: world.projectId, title: "Línea de base" }));
  const finding = (text: string, studyId = study.id) =>
    createFinding(manager, { projectId: world.projectId, studyId, theme: "partnership", title: { original: "es", es: text }, description: { original: "es", es: text } }).then(
      expectOk,
    );
  const referral = await finding("Derivación entre policía y fiscalía");
  const sharing = await finding("Datos no compartidos");
  const outside = await finding("Fuera de la ronda");
  // A second partner of the project, from another organisation, left out of the round.
  const [other] = await database.db
    .insert(users)
    .values({ email: `otra-${crypto.randomUUID()}@test.example`, name: "Otra Socia", locale: "es" })
    .returning();
  await database.db.insert(projectMembers).values({ projectId: world.projectId, userId: other!.id, role: "partner" });
  const round = expectOk(
    await openRound(manager, { projectId: world.projectId, studyId: study.id, title: "Primera ronda", findingIds: [referral.id, sharing.id], partnerIds: [world.userIds.partner] }),
  );
  const ids = { projectId: world.projectId, roundId: round.id };
  return { world, manager, study, finding, referral, sharing, outside, other: other!, partner: await world.ctx("partner"), round, ids };
}

describe("opening a round", () => {
  it("refuses a partner of another project, a finding of another study, and staff as reviewers, writing nothing", async () => {
    const s = await setup();
    const elsewhere = await userWithRoles(database.db, { [s.world.otherProjectId]: "partner" });
    const otherStudy = expectOk(await createStudy(s.manager, { projectId: s.world.projectId, title: "Segundo estudio" }));
    const foreign = await s.finding("De otro estudio", otherStudy.id);
    const before = await snapshotCounts(database.db, everything);
    const open = (findingIds: string[], partnerIds: string[]) =>
      openRound(s.manager, { projectId: s.world.projectId, studyId: s.study.id, title: "Ronda", findingIds, partnerIds }).then(expectFailure);
    expect((await open([s.outside.id], [elsewhere.user!.id])).fieldErrors?.partnerIds).toEqual({ key: "notProjectPartner" });
    expect((await open([s.outside.id], [s.world.userIds.admin])).fieldErrors?.partnerIds).toEqual({ key: "notProjectPartner" });
    expect((await open([s.outside.id, foreign.id], [s.world.userIds.partner])).fieldErrors?.findingIds).toEqual({ key: "notStudyFinding" });
    expect((await open([s.outside.id], ["not-an-id"])).fieldErrors?.["partnerIds.0"]).toEqual({ key: "invalidFormat" });
    expect(await snapshotCounts(database.db, everything)).toEqual(before);
    expect(expectOk(await getFinding(s.manager, { projectId: s.world.projectId, studyId: s.study.id, findingId: s.outside.id })).finding.status).toBe("draft");
  });

  it("takes a finding or a partner named twice once", async () => {
    const s = await setup();
    const input = { projectId: s.world.projectId, studyId: s.study.id, title: "Dos veces", findingIds: [s.outside.id, s.outside.id], partnerIds: `${s.other.id},${s.other.id}` };
    const round = expectOk(await openRound(s.manager, input));
    const seen = expectOk(await getRound(s.manager, { projectId: s.world.projectId, roundId: round.id }));
    expect([seen.findings.length, seen.partners.map((p) => p.name)]).toEqual([1, ["Otra Socia"]]);
  });
});

describe("answers and comments", () => {
  it("refuses an answer on a finding outside the round and a reply to a comment of another finding or round, writing nothing", async () => {
    const s = await setup();
    const first = expectOk(await commentOnFinding(s.partner, { ...s.ids, findingId: s.referral.id, body: "¿Qué fiscalías?" }));
    const second = expectOk(
      await openRound(s.manager, { projectId: s.world.projectId, studyId: s.study.id, title: "Segunda", findingIds: [s.referral.id], partnerIds: [s.world.userIds.partner] }),
    );
    const before = await snapshotCounts(database.db, everything);
    expect(expectFailure(await answerFinding(s.partner, { ...s.ids, findingId: s.outside.id, answer: "agree" })).fieldErrors?.findingId).toEqual({ key: "notRoundFinding" });
    expect(expectFailure(await commentOnFinding(s.partner, { ...s.ids, findingId: s.outside.id, body: "Hola" })).fieldErrors?.findingId).toEqual({ key: "notRoundFinding" });
    expect(expectFailure(await commentOnFinding(s.partner, { ...s.ids, findingId: s.sharing.id, body: "Respuesta", parentId: first.id })).fieldErrors?.parentId).toEqual({
      key: "invalid",
    });
    const otherRound = { projectId: s.world.projectId, roundId: second.id, findingId: s.referral.id, body: "Respuesta", parentId: first.id };
    expect(expectFailure(await commentOnFinding(s.partner, otherRound)).fieldErrors?.parentId).toEqual({ key: "invalid" });
    expect(expectFailure(await commentOnFinding(s.partner, { ...s.ids, findingId: s.referral.id, body: "   " })).fieldErrors?.body).toEqual({ key: "required" });
    expect(expectFailure(await answerFinding(s.partner, { ...s.ids, findingId: s.referral.id, answer: "maybe" })).fieldErrors?.answer).toEqual({ key: "invalidChoice" });
    expect(await snapshotCounts(database.db, everything)).toEqual(before);
  });

  it("keeps one answer per partner and finding however often it is given, and then waits for no one", async () => {
    const s = await setup();
    for (const answer of ["agree", "disagree", "needs_change"] as const) {
      expectOk(await answerFinding(s.partner, { ...s.ids, findingId: s.referral.id, answer }));
    }
    expectOk(await answerFinding(s.partner, { ...s.ids, findingId: s.sharing.id, answer: "agree" }));
    const seen = expectOk(await getRound(s.manager, s.ids));
    expect(seen.answers.filter((a) => a.findingId === s.referral.id).map((a) => a.answer)).toEqual(["needs_change"]);
    const [listed] = expectOk(await listRounds(s.manager, { projectId: s.world.projectId, studyId: s.study.id }));
    expect(listed!.waitingFor).toEqual([]);
  });

  it("lets field staff discuss, never answer, open or close", async () => {
    const s = await setup();
    const field = await s.world.ctx("field");
    expectOk(await commentOnFinding(field, { ...s.ids, findingId: s.referral.id, body: "Desde el terreno" }));
    expect(expectFailure(await answerFinding(field, { ...s.ids, findingId: s.referral.id, answer: "agree" })).error).toBe("forbidden");
    expect(expectFailure(await closeRound(field, s.ids)).error).toBe("forbidden");
    expect(
      expectFailure(await openRound(field, { projectId: s.world.projectId, studyId: s.study.id, title: "X", findingIds: [s.outside.id], partnerIds: [s.world.userIds.partner] }))
        .error,
    ).toBe("forbidden");
    expect(expectOk(await getRound(s.manager, s.ids)).round.closedAt).toBeNull();
  });

  it("takes no more comments once the round is closed", async () => {
    const s = await setup();
    expectOk(await closeRound(s.manager, s.ids));
    const before = await snapshotCounts(database.db, everything);
    expect(expectFailure(await commentOnFinding(s.partner, { ...s.ids, findingId: s.referral.id, body: "Tarde" })).fieldErrors).toBeDefined();
    expect(await snapshotCounts(database.db, everything)).toEqual(before);
  });
});

describe("closing a round", () => {
  it("closes once: a second close writes nothing", async () => {
    const s = await setup();
    expectOk(await closeRound(s.manager, s.ids));
    const closedAt = expectOk(await getRound(s.manager, s.ids)).round.closedAt;
    await closeRound(s.manager, s.ids);
    expect(expectOk(await getRound(s.manager, s.ids)).round.closedAt).toEqual(closedAt);
    const closings = await database.db
      .select()
      .from(auditEntries)
      .where(and(eq(auditEntries.action, "reviews.close"), eq(auditEntries.entityId, s.study.id)));
    expect(closings).toHaveLength(1);
  });
});

describe("what partners see of rounds", () => {
  it("a partner left out of a round neither sees nor joins it, nor does the outsider through their own project", async () => {
    const s = await setup();
    const left = await ctxFor(database.db, s.other.id);
    const before = await snapshotCounts(database.db, everything);
    expect(expectOk(await listRounds(left, { projectId: s.world.projectId, studyId: s.study.id }))).toEqual([]);
    expect(expectOk(await awaitingMyReview(left, { projectId: s.world.projectId }))).toEqual([]);
    expect(expectFailure(await getRound(left, s.ids)).error).toBe("not_found");
    expect(expectFailure(await answerFinding(left, { ...s.ids, findingId: s.referral.id, answer: "agree" })).error).toBe("not_found");
    expect(expectFailure(await commentOnFinding(left, { ...s.ids, findingId: s.referral.id, body: "Hola" })).error).toBe("not_found");
    const outsider = await s.world.ctx("outsider");
    expect(expectFailure(await getRound(outsider, { ...s.ids, projectId: s.world.otherProjectId })).error).toBe("not_found");
    expect(expectFailure(await closeRound(outsider, { ...s.ids, projectId: s.world.otherProjectId })).error).toBe("not_found");
    expect(expectFailure(await getRound(await s.world.ctx("loner"), s.ids)).error).toBe("not_found");
    expect(await snapshotCounts(database.db, everything)).toEqual(before);
  });

  it("never gives a partner another partner's name: not in the rounds list, the round, nor what awaits them", async () => {
    const s = await setup();
    const both = expectOk(
      await openRound(s.manager, {
        projectId: s.world.projectId,
        studyId: s.study.id,
        title: "Ambas",
        findingIds: [s.outside.id],
        partnerIds: [s.world.userIds.partner, s.other.id],
      }),
    );
    const bothIds = { projectId: s.world.projectId, roundId: both.id };
    const other = await ctxFor(database.db, s.other.id);
    expectOk(await answerFinding(other, { ...bothIds, findingId: s.outside.id, answer: "disagree", comment: "No" }));
    expectOk(await commentOnFinding(other, { ...bothIds, findingId: s.outside.id, body: "Nuestra postura" }));
    const seen = [
      expectOk(await listRounds(s.partner, { projectId: s.world.projectId, studyId: s.study.id })),
      expectOk(await getRound(s.partner, bothIds)),
      expectOk(await awaitingMyReview(s.partner, { projectId: s.world.projectId })),
    ];
    expect(JSON.stringify(seen)).not.toContain("Otra Socia");
    expect(expectOk(await listRounds(s.manager, { projectId: s.world.projectId, studyId: s.study.id })).find((r) => r.id === both.id)!.waitingFor).toEqual([
      expect.stringMatching(/^partner /),
    ]);
  });

  it("shows a partner only findings they can open", async () => {
    const s = await setup();
    await updateFinding(s.manager, {
      projectId: s.world.projectId,
      studyId: s.study.id,
      findingId: s.referral.id,
      version: 2,
      theme: "partnership",
      status: "draft",
      title: { original: "es", es: "Derivación: borrador otra vez" },
      description: { original: "es", es: "x" },
    });
    const round = expectOk(await getRound(s.partner, s.ids));
    const awaiting = expectOk(await awaitingMyReview(s.partner, { projectId: s.world.projectId }));
    for (const findingId of [...round.findings.map((f) => f.id), ...awaiting.map((a) => a.findingId)]) {
      expect(await getFinding(s.partner, { projectId: s.world.projectId, studyId: s.study.id, findingId })).toMatchObject({ ok: true });
    }
  });
});
