import { and, eq, inArray, lt, lte, sql } from "drizzle-orm";
import nodemailer from "nodemailer";
import type { Db } from "@/db/client";
import { mailMessages, type MailMessage } from "@/db/schema";
import { errorCode } from "@/lib/access-recording";
import { mailSettings } from "./settings";

/** Sends one message; throws when the server refuses it or cannot be reached. */
export type SendMail = (message: MailMessage) => Promise<void>;

/** The waits between attempts: a minute, then longer; after the last, the message is marked failed. */
export const retryDelaysMs = [60_000, 5 * 60_000, 30 * 60_000, 2 * 60 * 60_000, 6 * 60 * 60_000];
// A worker that died mid-send leaves its claim: after this long the message is tried again.
const claimLifetimeMs = 10 * 60_000;
const batchSize = 20;

/**
 * Claims the messages due, sends each and records what came of it. Claiming is one statement
 * whose rows are locked with SKIP LOCKED, so several app instances on one database never take the
 * same message: each is sent once. A refusal schedules a retry, or marks the message failed.
 */
export async function deliverDueMail(db: Db, send: SendMail, now = new Date()): Promise<{ sent: number; retrying: number; failed: number }> {
  await db
    .update(mailMessages)
    .set({ status: "queued", claimedAt: null })
    .where(and(eq(mailMessages.status, "sending"), lt(mailMessages.claimedAt, new Date(now.getTime() - claimLifetimeMs))));
  const due = db
    .select({ id: mailMessages.id })
    .from(mailMessages)
    .where(and(eq(mailMessages.status, "queued"), lte(mailMessages.nextAttemptAt, now)))
    .orderBy(mailMessages.nextAttemptAt)
    .limit(batchSize)
    .for("update", { skipLocked: true });
  const claimed = await db.update(mailMessages).set({ status: "sending", claimedAt: now }).where(inArray(mailMessages.id, due)).returning();
  const outcome = { sent: 0, retrying: 0, failed: 0 };
  for (const message of claimed) {
    try {
      await send(message);
      await db
        .update(mailMessages)
        .set({ status: "sent", sentAt: new Date(), attempts: sql`${mailMessages.attempts} + 1`, lastError: null })
        .where(eq(mailMessages.id, message.id));
      outcome.sent += 1;
    } catch (error) {
      const attempts = message.attempts + 1;
      const delay = retryDelaysMs[attempts - 1];
      await db
        .update(mailMessages)
        .set({
          status: delay === undefined ? "failed" : "queued",
          attempts,
          nextAttemptAt: new Date(now.getTime() + (delay ?? 0)),
          claimedAt: null,
          lastError: describeSendError(error),
        })
        .where(eq(mailMessages.id, message.id));
      outcome[delay === undefined ? "failed" : "retrying"] += 1;
    }
  }
  return outcome;
}

/** What the server answered, without the message or the address: SMTP replies and network codes only. */
function describeSendError(error: unknown): string {
  if (error && typeof error === "object") {
    const { responseCode, code } = error as { responseCode?: number; code?: string };
    if (responseCode) return `SMTP ${responseCode}`;
    if (code) return code;
  }
  return errorCode(error);
}

/** Sends through the SMTP server of `url`, from `from`. */
export function smtpSender(url: string, from: string): SendMail {
  const transport = nodemailer.createTransport(url);
  return async (message) => {
    await transport.sendMail({ from, to: message.toAddress, subject: message.subject, text: message.text, html: message.html });
  };
}

const intervalMs = 15_000;
// The running worker's round, so a message just queued goes out at once rather than at the next tick.
let nudge: (() => void) | null = null;

/** Asks the worker, if this process runs one, for a round shortly (once the queuing transaction has committed). */
export function nudgeMailWorker(): void {
  if (nudge) setTimeout(nudge, 500).unref();
}

/**
 * Starts the worker inside the app when a mail server is set; otherwise messages are kept in the
 * database, and a malformed SMTP_URL is said once, here.
 */
export function startMailWorker(getDb: () => Db): void {
  const settings = mailSettings();
  if (settings.mode === "kept") {
    if (settings.problem === "invalidUrl")
      console.error("mail: SMTP_URL is not an smtp:// or smtps:// address; messages are kept in the database (Administration → Outgoing mail)");
    return;
  }
  const send = smtpSender(settings.url, settings.from);
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      await deliverDueMail(getDb(), send);
    } catch (error) {
      console.error(`mail: delivery round failed (${errorCode(error)})`);
    } finally {
      running = false;
    }
  };
  nudge = () => void tick();
  setInterval(() => void tick(), intervalMs).unref();
}
