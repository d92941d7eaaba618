import { z } from "zod";
import { locales, mailKinds, mailStatuses } from "@/db/schema";
import { pageOf } from "@/lib/http/declaration";

/** What each use case of this domain answers (its `http.response`): the API document shows it, the authorization matrix checks it. */

const mailShape = z.object({
  id: z.string(),
  kind: z.enum(mailKinds),
  toAddress: z.string(),
  locale: z.enum(locales),
  subject: z.string(),
  text: z.string(),
  status: z.enum(mailStatuses),
  attempts: z.number(),
  nextAttemptAt: z.date(),
  lastError: z.string().nullable(),
  sentAt: z.date().nullable(),
  createdAt: z.date(),
});

export const listOutgoingMailOutput = pageOf(mailShape).extend({
  /** The queue's state: how many messages are in each status. */
  counts: z.record(z.enum(mailStatuses), z.number()),
  /** Whether messages go to a mail server or stay here to be read. */
  mode: z.enum(["smtp", "kept"]),
});
