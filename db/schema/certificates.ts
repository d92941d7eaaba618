import { index, integer, pgTable, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";
import { participants } from "./participants";
import { users } from "./users";
import { bytea } from "./studies";
import { workshops } from "./workshops";

/**
 * Who may have a workshop's certificate of attendance, as its manager sets it: the share of the
 * workshop's days attended (default 80 %), optionally a post-test score, and the training hours
 * the certificate states. One row
 * per workshop, written when the manager first changes the default.
 */
export const certificateRules = pgTable("certificate_rules", {
  workshopId: uuid("workshop_id")
    .primaryKey()
    .references(() => workshops.id, { onDelete: "cascade" }),
  minAttendancePercent: integer("min_attendance_percent").notNull().default(80),
  hours: integer("hours"),
  /** The post-test score (% of its points) a certificate also needs; none asks no test. */
  minPostTestPercent: integer("min_post_test_percent"),
  /** The organisers' logo printed at the top of each certificate (PNG or JPEG), if any. */
  logoData: bytea("logo_data"),
  logoType: text("logo_type"),
  version: integer("version").notNull().default(1),
});

/**
 * A certificate of attendance issued to one participant of one workshop. Its code is what the
 * public verification page checks; issuing again (after a name is corrected) keeps the code.
 */
export const certificates = pgTable(
  "certificates",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    workshopId: uuid("workshop_id")
      .notNull()
      .references(() => workshops.id, { onDelete: "cascade" }),
    participantId: uuid("participant_id")
      .notNull()
      .references(() => participants.id, { onDelete: "cascade" }),
    code: text("code").notNull().unique(),
    issuedAt: timestamp("issued_at", { withTimezone: true }).notNull().defaultNow(),
    issuedById: uuid("issued_by_id").references(() => users.id, { onDelete: "set null" }),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
    revokedById: uuid("revoked_by_id").references(() => users.id, { onDelete: "set null" }),
    revocationReason: text("revocation_reason").notNull().default(""),
  },
  (t) => [unique("certificates_workshop_participant_unique").on(t.workshopId, t.participantId), index("certificates_participant_idx").on(t.participantId)],
);

/**
 * Requests to the pages that need no account (certificate verification), per client address, so
 * each address is held to a limit whichever app instance answers. Rows older than the window are
 * deleted as new ones arrive.
 */
export const publicRequests = pgTable(
  "public_requests",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    scope: text("scope").notNull(),
    clientAddress: text("client_address").notNull(),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("public_requests_scope_address_at_idx").on(t.scope, t.clientAddress, t.at)],
);

export type Certificate = typeof certificates.$inferSelect;
