import { index, integer, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "./users";
import { locales, optionalMailKinds } from "./values";

/** What a message is about: each kind is worded in lib/mail/kinds.ts. */
export const mailKinds = ["invitation", "password_reset", "second_factor_reset", ...optionalMailKinds] as const;
export type MailKind = (typeof mailKinds)[number];

/**
 * queued: waiting for its (next) attempt; sending: claimed by one worker; sent; failed: gave up
 * after the last retry, kept to be seen; kept: no mail server is set, so it stays here to be read
 * on the "Outgoing mail" page.
 */
export const mailStatuses = ["queued", "sending", "sent", "failed", "kept"] as const;
export type MailStatus = (typeof mailStatuses)[number];

/**
 * Every message Atelier sends, queued in the database and sent by the app's worker, in the
 * recipient's language. Nothing about a participant is ever put in one.
 */
export const mailMessages = pgTable(
  "mail_messages",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    kind: text("kind", { enum: mailKinds }).notNull(),
    /** What the message is about (`round:<id>`), so notices about one thing can be batched. */
    topic: text("topic"),
    userId: uuid("user_id").references(() => users.id, { onDelete: "set null" }),
    toAddress: text("to_address").notNull(),
    locale: text("locale", { enum: locales }).notNull(),
    subject: text("subject").notNull(),
    text: text("text").notNull(),
    html: text("html").notNull(),
    status: text("status", { enum: mailStatuses }).notNull(),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: timestamp("next_attempt_at", { withTimezone: true }).notNull().defaultNow(),
    claimedAt: timestamp("claimed_at", { withTimezone: true }),
    lastError: text("last_error"),
    sentAt: timestamp("sent_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("mail_messages_due_idx").on(t.status, t.nextAttemptAt), index("mail_messages_user_idx").on(t.userId, t.createdAt)],
);

export type MailMessage = typeof mailMessages.$inferSelect;
