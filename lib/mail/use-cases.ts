import { count, desc, eq } from "drizzle-orm";
import { z } from "zod";
import { mailMessages, mailStatuses, type MailStatus } from "@/db/schema";
import { defineUseCase, pageInput } from "@/lib/use-case";
import { listOutgoingMailOutput } from "./responses";
import { mailSettings } from "./settings";

export const listOutgoingMailInput = z.object({ status: z.enum(mailStatuses).optional(), ...pageInput });

/**
 * The administrator's "Outgoing mail": every message, latest first, with its status, attempts and
 * the server's last answer, and the queue's state. Without a mail server, this is where mail is read.
 */
export const listOutgoingMail = defineUseCase({
  name: "mail.list",
  http: { method: "get", path: "/mail", response: listOutgoingMailOutput },
  access: { kind: "admin" },
  input: listOutgoingMailInput,
  write: false,
  async run(ctx, input) {
    const where = input.status ? eq(mailMessages.status, input.status) : undefined;
    const [items, [total], byStatus] = await Promise.all([
      ctx.db
        .select({
          id: mailMessages.id,
          kind: mailMessages.kind,
          toAddress: mailMessages.toAddress,
          locale: mailMessages.locale,
          subject: mailMessages.subject,
          text: mailMessages.text,
          status: mailMessages.status,
          attempts: mailMessages.attempts,
          nextAttemptAt: mailMessages.nextAttemptAt,
          lastError: mailMessages.lastError,
          sentAt: mailMessages.sentAt,
          createdAt: mailMessages.createdAt,
        })
        .from(mailMessages)
        .where(where)
        .orderBy(desc(mailMessages.createdAt), desc(mailMessages.id))
        .limit(input.pageSize)
        .offset((input.page - 1) * input.pageSize),
      ctx.db.select({ n: count() }).from(mailMessages).where(where),
      ctx.db.select({ status: mailMessages.status, n: count() }).from(mailMessages).groupBy(mailMessages.status),
    ]);
    const counts = Object.fromEntries(mailStatuses.map((s) => [s, 0])) as Record<MailStatus, number>;
    for (const row of byStatus) counts[row.status] = row.n;
    return { items, total: total?.n ?? 0, page: input.page, pageSize: input.pageSize, counts, mode: mailSettings().mode };
  },
});
