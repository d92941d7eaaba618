import { sql } from "drizzle-orm";
import { boolean, check, customType, date, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { institutions } from "./institutions";
import { projects } from "./projects";
import { users } from "./users";
import { evidenceRoles, findingPriorities, findingStatuses, findingThemes, sourceKinds, studyStatuses, type Narrative } from "./values";
import { workshops } from "./workshops";

export const bytea = customType<{ data: Buffer; driverData: Buffer }>({ dataType: () => "bytea" });

/** A project's baseline study: what workshops, interviews and documents say, turned into findings. */
export const studies = pgTable(
  "studies",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    projectId: uuid("project_id")
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    title: text("title").notNull(),
    periodStart: date("period_start"),
    periodEnd: date("period_end"),
    status: text("status", { enum: studyStatuses }).notNull().default("planning"),
    methodology: text("methodology").notNull().default(""),
    version: integer("version").notNull().default(1),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("studies_project_idx").on(t.projectId)],
);

/**
 * What a study draws on: a workshop, an interview or a document, with a link or an uploaded file
 * (kept in the database, so the embedded default needs no file server).
 */
export const studySources = pgTable(
  "study_sources",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    studyId: uuid("study_id")
      .notNull()
      .references(() => studies.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: sourceKinds }).notNull(),
    title: text("title").notNull(),
    date: date("date"),
    url: text("url"),
    workshopId: uuid("workshop_id").references(() => workshops.id, { onDelete: "set null" }),
    fileName: text("file_name"),
    fileType: text("file_type"),
    fileSize: integer("file_size"),
    fileData: bytea("file_data"),
    // Source files are staff material; a manager may open one to partners explicitly.
    sharedWithPartners: boolean("shared_with_partners").notNull().default(false),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("study_sources_study_idx").on(t.studyId)],
);

/** Themes a project adds beside the usual ones, named in each language. */
export const projectThemes = pgTable("project_themes", {
  id: uuid("id").primaryKey().defaultRandom(),
  projectId: uuid("project_id")
    .notNull()
    .references(() => projects.id, { onDelete: "cascade" }),
  name: jsonb("name").$type<Narrative>().notNull(),
});

export const findings = pgTable(
  "findings",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    studyId: uuid("study_id")
      .notNull()
      .references(() => studies.id, { onDelete: "cascade" }),
    theme: text("theme", { enum: findingThemes }),
    projectThemeId: uuid("project_theme_id").references(() => projectThemes.id, { onDelete: "restrict" }),
    title: jsonb("title").$type<Narrative>().notNull(),
    description: jsonb("description").$type<Narrative>().notNull(),
    priority: text("priority", { enum: findingPriorities }).notNull().default("medium"),
    status: text("status", { enum: findingStatuses }).notNull().default("draft"),
    version: integer("version").notNull().default(1),
    createdById: uuid("created_by_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("findings_study_idx").on(t.studyId),
    // One theme: a usual one or the project's own.
    check("findings_one_theme", sql`(${t.theme} is null) <> (${t.projectThemeId} is null)`),
  ],
);

/** Evidence: the workshops (and, when it matters, the day) where a finding came up. */
export const findingWorkshops = pgTable(
  "finding_workshops",
  {
    findingId: uuid("finding_id")
      .notNull()
      .references(() => findings.id, { onDelete: "cascade" }),
    workshopId: uuid("workshop_id")
      .notNull()
      .references(() => workshops.id, { onDelete: "cascade" }),
    day: date("day"),
  },
  (t) => [index("finding_workshops_finding_idx").on(t.findingId), index("finding_workshops_workshop_idx").on(t.workshopId)],
);

export const findingSources = pgTable(
  "finding_sources",
  {
    findingId: uuid("finding_id")
      .notNull()
      .references(() => findings.id, { onDelete: "cascade" }),
    sourceId: uuid("source_id")
      .notNull()
      .references(() => studySources.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.findingId, t.sourceId] })],
);

/** The institutions that reported a finding or that it concerns. */
export const findingInstitutions = pgTable(
  "finding_institutions",
  {
    findingId: uuid("finding_id")
      .notNull()
      .references(() => findings.id, { onDelete: "cascade" }),
    institutionId: uuid("institution_id")
      .notNull()
      .references(() => institutions.id, { onDelete: "cascade" }),
    role: text("role", { enum: evidenceRoles }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.findingId, t.institutionId, t.role] }), index("finding_institutions_institution_idx").on(t.institutionId)],
);

export type Study = typeof studies.$inferSelect;
export type Finding = typeof findings.$inferSelect;
