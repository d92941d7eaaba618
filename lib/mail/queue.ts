import type { Db } from "@/db/client";
import { mailMessages, type Locale, type MailKind } from "@/db/schema";
import { composeMail, type MailContent } from "./compose";
import { mailLinkOrigin, mailSettings } from "./settings";
import { nudgeMailWorker } from "./worker";

export type Recipient = { id: string; email: string; name: string; locale: Locale };

/**
 * Queues a message for the worker, in the recipient's language; without a mail server it is kept
 * in the database at once. The caller's audit entry records that it was sent, never what it said.
 */
export async function enqueueMail(db: Db, kind: MailKind, to: Recipient, content: (origin: string) => MailContent) {
  const origin = mailLinkOrigin();
  const composed = composeMail(to.locale, to.name, origin, content(origin));
  const [message] = await db
    .insert(mailMessages)
    .values({ kind, userId: to.id, toAddress: to.email, locale: to.locale, ...composed, status: mailSettings().mode === "smtp" ? "queued" : "kept" })
    .returning({ id: mailMessages.id, status: mailMessages.status });
  nudgeMailWorker();
  return message!;
}
