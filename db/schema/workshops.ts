import { customType, date, index, integer, pgTable, primaryKey, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";
import { sql } from "drizzle-orm";
import { institutions } from "./institutions";
import { missions } from "./missions";
import { participants } from "./participants";
import { projects } from "./projects";
import { users } from "./users";
import { attendanceStatuses, locales, participantSexes, workshopStatuses, workshopTypes } from "./values";

export const workshops = pgTable(
  "workshops",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    projectId: uuid("project_id")
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    missionId: uuid("mission_id").references(() => missions.id, { onDelete: "set null" }),
    title: text("title").notNull(),
    type: text("type", { enum: workshopTypes }).notNull(),
    city: text("city").notNull().default(""),
    venue: text("venue").notNull().default(""),
    startDate: date("start_date").notNull(),
    endDate: date("end_date").notNull(),
    language: text("language", { enum: locales }).notNull(),
    facilitators: text("facilitators").notNull().default(""),
    expectedParticipants: integer("expected_participants"),
    status: text("status", { enum: workshopStatuses }).notNull().default("planned"),
    minutes: text("minutes").notNull().default(""),
    version: integer("version").notNull().default(1),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("workshops_project_start_idx").on(t.projectId, t.startDate), index("workshops_mission_idx").on(t.missionId)],
);

export const workshopInvitations = pgTable(
  "workshop_invitations",
  {
    workshopId: uuid("workshop_id")
      .notNull()
      .references(() => workshops.id, { onDelete: "cascade" }),
    institutionId: uuid("institution_id")
      .notNull()
      .references(() => institutions.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.workshopId, t.institutionId] }), index("workshop_invitations_institution_idx").on(t.institutionId)],
);

/** The agenda of one day of a workshop. */
export const workshopAgenda = pgTable(
  "workshop_agenda",
  {
    workshopId: uuid("workshop_id")
      .notNull()
      .references(() => workshops.id, { onDelete: "cascade" }),
    day: date("day").notNull(),
    agenda: text("agenda").notNull(),
  },
  (t) => [primaryKey({ columns: [t.workshopId, t.day] })],
);

/**
 * One person who attended one day of a workshop: on time, late or leaving early, all of which count
 * as attended. The institution is the one they had that day, so reports keep counting it there
 * after the person moves on.
 */
export const attendance = pgTable(
  "attendance",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    workshopId: uuid("workshop_id")
      .notNull()
      .references(() => workshops.id, { onDelete: "cascade" }),
    participantId: uuid("participant_id")
      .notNull()
      .references(() => participants.id, { onDelete: "cascade" }),
    day: date("day").notNull(),
    status: text("status", { enum: attendanceStatuses }).notNull().default("present"),
    institutionId: uuid("institution_id").references(() => institutions.id, { onDelete: "set null" }),
    recordedById: uuid("recorded_by_id").references(() => users.id, { onDelete: "set null" }),
    recordedAt: timestamp("recorded_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique("attendance_person_day_unique").on(t.workshopId, t.day, t.participantId),
    index("attendance_participant_idx").on(t.participantId),
    index("attendance_institution_idx").on(t.institutionId),
  ],
);

/**
 * One person absent with a reason on one day of a workshop. Kept apart from attendance so that
 * every count of attendance records stays a count of people who came. The reason is personal:
 * staff read it, partners never, and erasing the person blanks it.
 */
export const attendanceExcuses = pgTable(
  "attendance_excuses",
  {
    workshopId: uuid("workshop_id")
      .notNull()
      .references(() => workshops.id, { onDelete: "cascade" }),
    participantId: uuid("participant_id")
      .notNull()
      .references(() => participants.id, { onDelete: "cascade" }),
    day: date("day").notNull(),
    reason: text("reason").notNull(),
    recordedById: uuid("recorded_by_id").references(() => users.id, { onDelete: "set null" }),
    recordedAt: timestamp("recorded_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.workshopId, t.day, t.participantId] }), index("attendance_excuses_participant_idx").on(t.participantId)],
);

/**
 * Every check-in or undo a device sent, by the id the device gave it, with what came of it: a
 * retried or replayed request finds its id here and gets the same answer, changing nothing.
 */
export const checkInOperations = pgTable(
  "check_in_operations",
  {
    id: uuid("id").primaryKey(),
    workshopId: uuid("workshop_id")
      .notNull()
      .references(() => workshops.id, { onDelete: "cascade" }),
    participantId: uuid("participant_id").notNull(),
    day: date("day").notNull(),
    action: text("action", { enum: ["check_in", "undo", "excuse"] }).notNull(),
    outcome: text("outcome").notNull(),
    userId: uuid("user_id").references(() => users.id, { onDelete: "set null" }),
    receivedAt: timestamp("received_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("check_in_operations_workshop_idx").on(t.workshopId)],
);

// Read and written only by the database's triggers and queries; the app never handles its value.
const dateMultirange = customType<{ data: string }>({ dataType: () => "datemultirange" });

/**
 * Who attended a project, with how many attendance records and the person's sex: kept by database
 * triggers on every write to attendance, on a change of sex and of a workshop's start (migrations
 * 0007, 0013 and 0014), so project totals, and a period's people, read 100,000 rows, not a million
 * records joined to the people.
 */
export const attendanceProjectPeople = pgTable(
  "attendance_project_people",
  {
    projectId: uuid("project_id")
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    participantId: uuid("participant_id")
      .notNull()
      .references(() => participants.id, { onDelete: "cascade" }),
    records: integer("records").notNull(),
    sex: text("sex", { enum: participantSexes }).notNull().default("not_stated"),
    /** The start dates of the workshops the person attended, so a period finds its people without the records. */
    startDates: dateMultirange("start_dates").notNull().default(sql`'{}'`),
  },
  (t) => [primaryKey({ columns: [t.projectId, t.participantId] })],
);

export type Workshop = typeof workshops.$inferSelect;
export type Attendance = typeof attendance.$inferSelect;
