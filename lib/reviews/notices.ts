import { and, eq, inArray } from "drizzle-orm";
import type { Db } from "@/db/client";
import { projects, users, type ReviewRound } from "@/db/schema";
import { wordingFor } from "@/lib/i18n/wording";
import { enqueueBatchedNotice, enqueueNotice } from "@/lib/mail/queue";

type RoundPlace = { round: ReviewRound; projectId: string; studyId: string };

const roundPath = ({ projectId, studyId, round }: RoundPlace) => `/projects/${projectId}/studies/${studyId}/reviews/${round.id}`;

async function projectCode(db: Db, projectId: string) {
  const [project] = await db.select({ code: projects.code }).from(projects).where(eq(projects.id, projectId));
  return project?.code ?? "";
}

/** Tells each partner the round was put to that it is open, in their language; none is told who else was asked. */
export async function noticeRoundOpened(db: Db, place: RoundPlace, partnerIds: string[], findingCount: number) {
  const code = await projectCode(db, place.projectId);
  const partners = await db
    .select()
    .from(users)
    .where(and(inArray(users.id, partnerIds), eq(users.isActive, true)));
  for (const partner of partners) {
    const { t } = wordingFor(partner.locale);
    await enqueueNotice(db, "review_opened", partner, (origin) => ({
      subject: t("mail.reviewOpened.subject", { project: code }),
      paragraphs: [t("mail.reviewOpened.body", { round: place.round.title, project: code, count: findingCount })],
      action: { label: t("mail.reviewOpened.action"), url: `${origin}${roundPath(place)}` },
    }));
  }
}

/**
 * Tells the manager who opened the round that a partner answered, at most once an hour (the
 * message names no partner and no finding: the round's page shows who answered what).
 */
export async function noticeRoundAnswered(db: Db, place: RoundPlace) {
  if (!place.round.openedById) return;
  const [manager] = await db
    .select()
    .from(users)
    .where(and(eq(users.id, place.round.openedById), eq(users.isActive, true)));
  if (!manager) return;
  const code = await projectCode(db, place.projectId);
  const { t } = wordingFor(manager.locale);
  await enqueueBatchedNotice(db, "review_answered", manager, `round:${place.round.id}`, (origin) => ({
    subject: t("mail.reviewAnswered.subject", { project: code }),
    paragraphs: [t("mail.reviewAnswered.body", { round: place.round.title })],
    action: { label: t("mail.reviewAnswered.action"), url: `${origin}${roundPath(place)}` },
  }));
}
