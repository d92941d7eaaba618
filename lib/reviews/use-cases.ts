import { and, asc, eq, inArray, isNull, ne, sql } from "drizzle-orm";
import {
  findings,
  projectMembers,
  reviewAnswersTable,
  reviewComments,
  reviewRoundFindings,
  reviewRoundPartners,
  reviewRounds,
  studies,
  users,
  type ReviewRound,
} from "@/db/schema";
import { recordAudit } from "@/lib/audit";
import { UseCaseError } from "@/lib/result";
import { loadStudy } from "@/lib/studies/queries";
import { can, rolesWith } from "@/lib/policy";
import { defineUseCase, type UseCaseCtx } from "@/lib/use-case";
import { noticeRoundAnswered, noticeRoundOpened } from "./notices";
import { nextVersion } from "@/lib/audited-write";
import { projectIdInput } from "@/lib/zod-fields";
import { answerInput, commentInput, openRoundInput, roundIdInput, studyRoundsInput } from "./schemas";
import { answerFindingOutput, awaitingMyReviewOutput, closeRoundOutput, commentOnFindingOutput, getRoundOutput, listRoundsOutput, openRoundOutput } from "./responses";

const isStaff = (ctx: UseCaseCtx) => can(ctx.access, "reviews.readAll");

/**
 * Opens a round of review: the chosen findings (drafts among them go "in review", so their
 * reviewers can read them) put to chosen partners of the project.
 */
export const openRound = defineUseCase({
  name: "reviews.open",
  http: { method: "post", path: "/projects/{projectId}/studies/{studyId}/reviews", status: 201, response: openRoundOutput },
  access: { kind: "project", permission: "reviews.manage" },
  input: openRoundInput,
  write: true,
  async run(ctx, input) {
    const study = await loadStudy(ctx, input.projectId, input.studyId);
    const findingIds = [...new Set(input.findingIds)];
    const partnerIds = [...new Set(input.partnerIds)];
    const found = await ctx.db
      .select({ id: findings.id })
      .from(findings)
      .where(and(eq(findings.studyId, study.id), inArray(findings.id, findingIds)));
    if (found.length !== findingIds.length) throw new UseCaseError("invalid", { findingIds: { key: "notStudyFinding" } });
    const partners = await ctx.db
      .select({ userId: projectMembers.userId })
      .from(projectMembers)
      .where(and(eq(projectMembers.projectId, input.projectId), inArray(projectMembers.role, rolesWith("reviews.answer")), inArray(projectMembers.userId, partnerIds)));
    if (partners.length !== partnerIds.length) throw new UseCaseError("invalid", { partnerIds: { key: "notProjectPartner" } });
    const [round] = await ctx.db.insert(reviewRounds).values({ studyId: study.id, title: input.title, openedById: ctx.user.id }).returning();
    await ctx.db.insert(reviewRoundFindings).values(findingIds.map((findingId) => ({ roundId: round!.id, findingId })));
    await ctx.db.insert(reviewRoundPartners).values(partnerIds.map((userId) => ({ roundId: round!.id, userId })));
    await ctx.db
      .update(findings)
      .set({ status: "in_review", ...nextVersion(findings) })
      .where(and(inArray(findings.id, findingIds), eq(findings.status, "draft")));
    await recordAudit(ctx.db, {
      actorId: ctx.user.id,
      action: "reviews.open",
      entityType: "study",
      entityId: study.id,
      projectId: input.projectId,
      changes: {
        round: { before: null, after: input.title },
        findings: { before: null, after: findingIds.sort() },
        partners: { before: null, after: partnerIds.sort() },
        mail: { before: null, after: "review_opened" },
      },
    });
    await noticeRoundOpened(ctx.db, { round: round!, projectId: input.projectId, studyId: study.id }, partnerIds, findingIds.length);
    return round!;
  },
});

/** A round of the project this user takes part in: staff see every round, partners only their own. */
async function loadRound(ctx: UseCaseCtx, projectId: string, roundId: string): Promise<ReviewRound> {
  const [round] = await ctx.db
    .select({ round: reviewRounds })
    .from(reviewRounds)
    .innerJoin(studies, eq(studies.id, reviewRounds.studyId))
    .where(and(eq(reviewRounds.id, roundId), eq(studies.projectId, projectId)))
    .limit(1);
  if (!round) throw new UseCaseError("not_found");
  if (!isStaff(ctx)) {
    const [invited] = await ctx.db
      .select({ userId: reviewRoundPartners.userId })
      .from(reviewRoundPartners)
      .where(and(eq(reviewRoundPartners.roundId, roundId), eq(reviewRoundPartners.userId, ctx.user.id)));
    if (!invited) throw new UseCaseError("not_found");
  }
  return round.round;
}

async function assertRoundFinding(ctx: UseCaseCtx, roundId: string, findingId: string) {
  const [inRound] = await ctx.db
    .select({ findingId: reviewRoundFindings.findingId })
    .from(reviewRoundFindings)
    .where(and(eq(reviewRoundFindings.roundId, roundId), eq(reviewRoundFindings.findingId, findingId)));
  if (!inRound) throw new UseCaseError("invalid", { findingId: { key: "notRoundFinding" } });
}

/** The rounds of a study, each with who has not answered every finding yet. */
export const listRounds = defineUseCase({
  name: "reviews.list",
  http: { method: "get", path: "/projects/{projectId}/studies/{studyId}/reviews", response: listRoundsOutput },
  access: { kind: "project", permission: "project.read" },
  input: studyRoundsInput,
  write: false,
  async run(ctx, input) {
    const study = await loadStudy(ctx, input.projectId, input.studyId);
    const rounds = await ctx.db
      .select({ id: reviewRounds.id, title: reviewRounds.title, createdAt: reviewRounds.createdAt, closedAt: reviewRounds.closedAt })
      .from(reviewRounds)
      .where(
        and(
          eq(reviewRounds.studyId, study.id),
          isStaff(ctx)
            ? undefined
            : inArray(reviewRounds.id, ctx.db.select({ id: reviewRoundPartners.roundId }).from(reviewRoundPartners).where(eq(reviewRoundPartners.userId, ctx.user.id))),
        ),
      )
      .orderBy(sql`${reviewRounds.createdAt} desc`);
    if (!isStaff(ctx) || rounds.length === 0) return rounds.map((r) => ({ ...r, waitingFor: [] as string[] }));
    const waiting = await ctx.db
      .select({ roundId: reviewRoundPartners.roundId, name: users.name })
      .from(reviewRoundPartners)
      .innerJoin(users, eq(users.id, reviewRoundPartners.userId))
      .where(
        and(
          inArray(
            reviewRoundPartners.roundId,
            rounds.map((r) => r.id),
          ),
          sql`(select count(*) from ${reviewRoundFindings} f where f.round_id = ${reviewRoundPartners.roundId}) >
              (select count(*) from ${reviewAnswersTable} a where a.round_id = ${reviewRoundPartners.roundId} and a.user_id = ${reviewRoundPartners.userId})`,
        ),
      )
      .orderBy(asc(users.name));
    return rounds.map((r) => ({ ...r, waitingFor: waiting.filter((w) => w.roundId === r.id).map((w) => w.name) }));
  },
});

/**
 * A round's findings with their answers and discussion. Managers and field staff see who answered
 * what; a partner sees their own answers, and other partners only as "a partner" (their names are
 * personal data of someone else's organisation).
 */
export const getRound = defineUseCase({
  name: "reviews.get",
  http: { method: "get", path: "/projects/{projectId}/reviews/{roundId}", response: getRoundOutput },
  access: { kind: "project", permission: "project.read" },
  input: roundIdInput,
  write: false,
  async run(ctx, input) {
    const round = await loadRound(ctx, input.projectId, input.roundId);
    const staff = isStaff(ctx);
    const [roundFindings, answers, comments, partners] = await Promise.all([
      ctx.db
        .select({ id: findings.id, title: findings.title, theme: findings.theme, status: findings.status })
        .from(reviewRoundFindings)
        .innerJoin(findings, eq(findings.id, reviewRoundFindings.findingId))
        // A finding set back to draft is the staff's again, even inside a round.
        .where(and(eq(reviewRoundFindings.roundId, round.id), can(ctx.access, "findings.readDrafts") ? undefined : ne(findings.status, "draft")))
        .orderBy(asc(findings.createdAt)),
      ctx.db
        .select({
          findingId: reviewAnswersTable.findingId,
          userId: reviewAnswersTable.userId,
          name: users.name,
          answer: reviewAnswersTable.answer,
          comment: reviewAnswersTable.comment,
          updatedAt: reviewAnswersTable.updatedAt,
        })
        .from(reviewAnswersTable)
        .innerJoin(users, eq(users.id, reviewAnswersTable.userId))
        .where(and(eq(reviewAnswersTable.roundId, round.id), staff ? undefined : eq(reviewAnswersTable.userId, ctx.user.id)))
        .orderBy(asc(users.name)),
      ctx.db
        .select({
          id: reviewComments.id,
          findingId: reviewComments.findingId,
          parentId: reviewComments.parentId,
          body: reviewComments.body,
          createdAt: reviewComments.createdAt,
          authorId: reviewComments.authorId,
          authorName: users.name,
          authorIsPartner: sql<boolean>`exists (select 1 from ${reviewRoundPartners} p where p.round_id = ${reviewComments.roundId} and p.user_id = ${reviewComments.authorId})`,
        })
        .from(reviewComments)
        .leftJoin(users, eq(users.id, reviewComments.authorId))
        .where(eq(reviewComments.roundId, round.id))
        .orderBy(asc(reviewComments.createdAt)),
      staff
        ? ctx.db
            .select({ userId: reviewRoundPartners.userId, name: users.name })
            .from(reviewRoundPartners)
            .innerJoin(users, eq(users.id, reviewRoundPartners.userId))
            .where(eq(reviewRoundPartners.roundId, round.id))
            .orderBy(asc(users.name))
        : Promise.resolve([]),
    ]);
    const shownComments = comments.map(({ authorId, authorName, authorIsPartner, ...c }) => ({
      ...c,
      mine: authorId === ctx.user.id,
      // Another partner is "a partner" to a partner reader.
      authorName: staff || !authorIsPartner || authorId === ctx.user.id ? authorName : null,
    }));
    return { round, findings: roundFindings, answers, comments: shownComments, partners, isPartner: !staff, canManage: can(ctx.access, "reviews.manage") };
  },
});

/** The findings of open rounds that wait for this partner's answer. */
export const awaitingMyReview = defineUseCase({
  name: "reviews.awaiting",
  http: { method: "get", path: "/projects/{projectId}/reviews/awaiting", response: awaitingMyReviewOutput },
  access: { kind: "project", permission: "project.read" },
  input: projectIdInput,
  write: false,
  async run(ctx, input) {
    return ctx.db
      .select({ roundId: reviewRounds.id, roundTitle: reviewRounds.title, studyId: studies.id, findingId: findings.id, title: findings.title })
      .from(reviewRoundPartners)
      .innerJoin(reviewRounds, eq(reviewRounds.id, reviewRoundPartners.roundId))
      .innerJoin(studies, eq(studies.id, reviewRounds.studyId))
      .innerJoin(reviewRoundFindings, eq(reviewRoundFindings.roundId, reviewRounds.id))
      .innerJoin(findings, eq(findings.id, reviewRoundFindings.findingId))
      .where(
        and(
          eq(reviewRoundPartners.userId, ctx.user.id),
          eq(studies.projectId, input.projectId),
          isNull(reviewRounds.closedAt),
          ne(findings.status, "draft"),
          sql`not exists (select 1 from ${reviewAnswersTable} a where a.round_id = ${reviewRounds.id} and a.finding_id = ${findings.id} and a.user_id = ${ctx.user.id})`,
        ),
      )
      .orderBy(asc(reviewRounds.createdAt), asc(findings.createdAt));
  },
});

/** A partner's answer on a finding of their round; answering again replaces it. */
export const answerFinding = defineUseCase({
  name: "reviews.answer",
  http: { method: "post", path: "/projects/{projectId}/reviews/{roundId}/answers", response: answerFindingOutput },
  access: { kind: "project", permission: "project.read" },
  input: answerInput,
  write: true,
  async run(ctx, input) {
    const round = await loadRound(ctx, input.projectId, input.roundId);
    // Only the partners the round was put to answer it, whatever else they may see.
    const [invited] = await ctx.db
      .select({ userId: reviewRoundPartners.userId })
      .from(reviewRoundPartners)
      .where(and(eq(reviewRoundPartners.roundId, round.id), eq(reviewRoundPartners.userId, ctx.user.id)));
    if (!invited) throw new UseCaseError("forbidden");
    if (round.closedAt) throw new UseCaseError("invalid", { answer: { key: "roundClosed" } });
    await assertRoundFinding(ctx, round.id, input.findingId);
    const [previous] = await ctx.db
      .select({ answer: reviewAnswersTable.answer })
      .from(reviewAnswersTable)
      .where(and(eq(reviewAnswersTable.roundId, round.id), eq(reviewAnswersTable.findingId, input.findingId), eq(reviewAnswersTable.userId, ctx.user.id)));
    const values = { roundId: round.id, findingId: input.findingId, userId: ctx.user.id, answer: input.answer, comment: input.comment, updatedAt: new Date() };
    await ctx.db
      .insert(reviewAnswersTable)
      .values(values)
      .onConflictDoUpdate({
        target: [reviewAnswersTable.roundId, reviewAnswersTable.findingId, reviewAnswersTable.userId],
        set: { answer: input.answer, comment: input.comment, updatedAt: new Date() },
      });
    await recordAudit(ctx.db, {
      actorId: ctx.user.id,
      action: "reviews.answer",
      entityType: "finding",
      entityId: input.findingId,
      projectId: input.projectId,
      changes: { answer: { before: previous?.answer ?? null, after: input.answer } },
    });
    await noticeRoundAnswered(ctx.db, { round, projectId: input.projectId, studyId: round.studyId });
    return { answered: true };
  },
});

/** A comment, or a reply to one, under a finding of a round: by its partners or the project's staff. */
export const commentOnFinding = defineUseCase({
  name: "reviews.comment",
  http: { method: "post", path: "/projects/{projectId}/reviews/{roundId}/comments", status: 201, response: commentOnFindingOutput },
  access: { kind: "project", permission: "project.read" },
  input: commentInput,
  write: true,
  async run(ctx, input) {
    const round = await loadRound(ctx, input.projectId, input.roundId);
    if (round.closedAt) throw new UseCaseError("invalid", { body: { key: "roundClosed" } });
    await assertRoundFinding(ctx, round.id, input.findingId);
    if (input.parentId) {
      const [parent] = await ctx.db
        .select({ id: reviewComments.id })
        .from(reviewComments)
        .where(and(eq(reviewComments.id, input.parentId), eq(reviewComments.roundId, round.id), eq(reviewComments.findingId, input.findingId)));
      if (!parent) throw new UseCaseError("invalid", { parentId: { key: "invalid" } });
    }
    const [comment] = await ctx.db
      .insert(reviewComments)
      .values({ roundId: round.id, findingId: input.findingId, parentId: input.parentId, authorId: ctx.user.id, body: input.body })
      .returning({ id: reviewComments.id });
    await recordAudit(ctx.db, {
      actorId: ctx.user.id,
      action: "reviews.comment",
      entityType: "finding",
      entityId: input.findingId,
      projectId: input.projectId,
      changes: { comment: { before: null, after: input.body } },
    });
    return comment!;
  },
});

export const closeRound = defineUseCase({
  name: "reviews.close",
  http: { method: "post", path: "/projects/{projectId}/reviews/{roundId}/close", response: closeRoundOutput },
  access: { kind: "project", permission: "reviews.manage" },
  input: roundIdInput,
  write: true,
  async run(ctx, input) {
    const round = await loadRound(ctx, input.projectId, input.roundId);
    const closed = await ctx.db
      .update(reviewRounds)
      .set({ closedAt: new Date() })
      .where(and(eq(reviewRounds.id, round.id), isNull(reviewRounds.closedAt)))
      .returning({ id: reviewRounds.id });
    // Closing a closed round changes nothing, and leaves no second entry in the history.
    if (closed.length) {
      await recordAudit(ctx.db, {
        actorId: ctx.user.id,
        action: "reviews.close",
        entityType: "study",
        entityId: round.studyId,
        projectId: input.projectId,
        changes: { round: { before: round.title, after: null } },
      });
    }
    return { closed: true };
  },
});
