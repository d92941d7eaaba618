import { and, desc, eq, gt, or } from "drizzle-orm";
import type { Db } from "@/db/client";
import { mailMessages, users, type Locale, type MailKind, type OptionalMailKind } from "@/db/schema";
import { composeMail, type MailContent } from "./compose";
import { mailLinkOrigin, mailSettings } from "./settings";
import { nudgeMailWorker } from "./worker";

export type Recipient = { id: string; email: string; name: string; locale: Locale };

/**
 * Queues a message for the worker, in the recipient's language; without a mail server it is kept
 * in the database at once. `notBefore` holds it back until then. The caller's audit entry records
 * that it was sent, never what it said.
 */
export async function enqueueMail(db: Db, kind: MailKind, to: Recipient, content: (origin: string) => MailContent, options: { topic?: string; notBefore?: Date } = {}) {
  const origin = mailLinkOrigin();
  const composed = composeMail(to.locale, to.name, origin, content(origin));
  const [message] = await db
    .insert(mailMessages)
    .values({
      kind,
      topic: options.topic ?? null,
      userId: to.id,
      toAddress: to.email,
      locale: to.locale,
      ...composed,
      status: mailSettings().mode === "smtp" ? "queued" : "kept",
      ...(options.notBefore ? { nextAttemptAt: options.notBefore } : {}),
    })
    .returning({ id: mailMessages.id, status: mailMessages.status });
  nudgeMailWorker();
  return message!;
}

/** A notice the recipient may have turned off on their account page: queued only if they have not. */
export async function enqueueNotice(db: Db, kind: OptionalMailKind, to: Recipient, content: (origin: string) => MailContent, options: { topic?: string; notBefore?: Date } = {}) {
  const [recipient] = await db.select({ optOut: users.mailOptOut }).from(users).where(eq(users.id, to.id));
  if (recipient?.optOut.includes(kind)) return null;
  return enqueueMail(db, kind, to, content, options);
}

const hourMs = 60 * 60 * 1000;

/**
 * Queues a notice (see enqueueNotice) about `topic` at most once an hour for its recipient: none while one is still
 * waiting to go, and one held back to the hour's end when one went less than an hour ago, so what
 * happens meanwhile is told in that one message.
 */
export async function enqueueBatchedNotice(db: Db, kind: OptionalMailKind, to: Recipient, topic: string, content: (origin: string) => MailContent, now = new Date()) {
  const [latest] = await db
    .select({ createdAt: mailMessages.createdAt, nextAttemptAt: mailMessages.nextAttemptAt })
    .from(mailMessages)
    .where(
      and(
        eq(mailMessages.userId, to.id),
        eq(mailMessages.kind, kind),
        eq(mailMessages.topic, topic),
        or(gt(mailMessages.nextAttemptAt, now), gt(mailMessages.createdAt, new Date(now.getTime() - hourMs))),
      ),
    )
    .orderBy(desc(mailMessages.nextAttemptAt))
    .limit(1);
  if (latest && latest.nextAttemptAt > now) return null;
  return enqueueNotice(db, kind, to, content, { topic, ...(latest ? { notBefore: new Date(latest.createdAt.getTime() + hourMs) } : {}) });
}
