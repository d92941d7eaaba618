import { bigint, boolean, index, integer, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { locales } from "./values";

export const users = pgTable("users", {
  id: uuid("id").primaryKey().defaultRandom(),
  email: text("email").notNull().unique(),
  name: text("name").notNull(),
  locale: text("locale", { enum: locales }).notNull().default("fr"),
  passwordHash: text("password_hash"),
  isAdmin: boolean("is_admin").notNull().default(false),
  isActive: boolean("is_active").notNull().default(true),
  mustChangePassword: boolean("must_change_password").notNull().default(false),
  // Bumped on sign-out, deactivation, password or role change: every older session cookie stops working.
  sessionVersion: integer("session_version").notNull().default(1),
  /** The authenticator app's secret (sealed with the app's secret, lib/auth/sealed.ts), once the second factor is on. */
  totpSecret: text("totp_secret"),
  /** A secret offered while the user scans it, until a code from it confirms the second factor. */
  totpPendingSecret: text("totp_pending_secret"),
  /** The last time step a code was accepted for: that code, and older ones, never work again. */
  totpLastStep: bigint("totp_last_step", { mode: "number" }),
  /** The kinds of message (optionalMailKinds) the user chose not to receive. */
  mailOptOut: text("mail_opt_out").array().notNull().default([]),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

export const signInLinks = pgTable(
  "sign_in_links",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    tokenHash: text("token_hash").notNull().unique(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    usedAt: timestamp("used_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("sign_in_links_user_idx").on(t.userId)],
);

// One row per password check, keyed by the e-mail typed (known or not) and the client's address,
// so throttling works across app instances and restarts and never reveals whether an account exists.
export const signInAttempts = pgTable(
  "sign_in_attempts",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    email: text("email").notNull(),
    clientAddress: text("client_address").notNull(),
    succeeded: boolean("succeeded").notNull().default(false),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("sign_in_attempts_email_idx").on(t.email, t.at), index("sign_in_attempts_client_idx").on(t.clientAddress, t.at), index("sign_in_attempts_at_idx").on(t.at)],
);

/** The ten one-time codes that stand in for the authenticator app; only their hashes are kept. */
export const recoveryCodes = pgTable(
  "recovery_codes",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    codeHash: text("code_hash").notNull(),
    usedAt: timestamp("used_at", { withTimezone: true }),
  },
  (t) => [index("recovery_codes_user_idx").on(t.userId)],
);

export type User = typeof users.$inferSelect;
