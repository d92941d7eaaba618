import { boolean, date, index, integer, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { institutions } from "./institutions";
import { projects } from "./projects";
import { users } from "./users";
import { consentForms, locales, participantSexes } from "./values";

export const participants = pgTable(
  "participants",
  {
    // The client may choose the id (check-in on a device), so a retried create is an upsert.
    id: uuid("id").primaryKey().defaultRandom(),
    givenNames: text("given_names").notNull().default(""),
    familyNames: text("family_names").notNull().default(""),
    sex: text("sex", { enum: participantSexes }).notNull().default("not_stated"),
    institutionId: uuid("institution_id").references(() => institutions.id, { onDelete: "set null" }),
    position: text("position").notNull().default(""),
    email: text("email"),
    phone: text("phone"),
    // The phone's digits alone, so "+504 2222-3333" and "50422223333" meet through an index.
    phoneKey: text("phone_key"),
    preferredLanguage: text("preferred_language", { enum: locales }),
    consentDate: date("consent_date"),
    consentForm: text("consent_form", { enum: consentForms }),
    consentRecordedById: uuid("consent_recorded_by_id").references(() => users.id, { onDelete: "set null" }),
    // Full name without accents or case, for search and duplicate detection.
    searchText: text("search_text").notNull().default(""),
    isErased: boolean("is_erased").notNull().default(false),
    erasedAt: timestamp("erased_at", { withTimezone: true }),
    version: integer("version").notNull().default(1),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("participants_search_idx").using("gin", t.searchText.op("gin_trgm_ops")),
    index("participants_institution_idx").on(t.institutionId),
    index("participants_email_idx").on(t.email),
    index("participants_phone_key_idx").on(t.phoneKey),
  ],
);

/** Where a person worked and as what, over time; the open row (no end) is the current one. */
export const participantAffiliations = pgTable(
  "participant_affiliations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    participantId: uuid("participant_id")
      .notNull()
      .references(() => participants.id, { onDelete: "cascade" }),
    institutionId: uuid("institution_id").references(() => institutions.id, { onDelete: "set null" }),
    position: text("position").notNull().default(""),
    startDate: date("start_date").notNull(),
    endDate: date("end_date"),
  },
  (t) => [index("participant_affiliations_participant_idx").on(t.participantId), index("participant_affiliations_institution_idx").on(t.institutionId)],
);

/** The projects a participant is known to; staff see only the participants of their projects. */
export const participantProjects = pgTable(
  "participant_projects",
  {
    participantId: uuid("participant_id")
      .notNull()
      .references(() => participants.id, { onDelete: "cascade" }),
    projectId: uuid("project_id")
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.participantId, t.projectId] }), index("participant_projects_project_idx").on(t.projectId)],
);

/** Name tokens used to group likely duplicates, so the queue compares people within small blocks. */
export const participantNameKeys = pgTable(
  "participant_name_keys",
  {
    participantId: uuid("participant_id")
      .notNull()
      .references(() => participants.id, { onDelete: "cascade" }),
    key: text("key").notNull(),
    // A full key (both family names); and whether the person has one, which decides whom their
    // partial keys may pair with.
    isFull: boolean("is_full").notNull().default(false),
    hasFull: boolean("has_full").notNull().default(false),
    // The person's name, sex and institution, kept here so the queue scores a pair without
    // looking either person up.
    searchText: text("search_text").notNull().default(""),
    sex: text("sex", { enum: participantSexes }).notNull().default("not_stated"),
    institutionId: uuid("institution_id"),
  },
  (t) => [primaryKey({ columns: [t.key, t.participantId] }), index("participant_name_keys_participant_idx").on(t.participantId)],
);

/** Pairs a manager judged to be two different people: never proposed again. Stored with firstId < secondId. */
export const distinctParticipants = pgTable(
  "distinct_participants",
  {
    firstId: uuid("first_id")
      .notNull()
      .references(() => participants.id, { onDelete: "cascade" }),
    secondId: uuid("second_id")
      .notNull()
      .references(() => participants.id, { onDelete: "cascade" }),
    decidedById: uuid("decided_by_id").references(() => users.id, { onDelete: "set null" }),
    decidedAt: timestamp("decided_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.firstId, t.secondId] })],
);

export type Participant = typeof participants.$inferSelect;
