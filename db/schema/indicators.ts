import { sql } from "drizzle-orm";
import { check, date, doublePrecision, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { expectedResults } from "./expected-results";
import { projects } from "./projects";
import { bytea, findings, studySources } from "./studies";
import { users } from "./users";
import { disaggregations, indicatorFrequencies, indicatorUnits, reportedValueStatuses, type Narrative } from "./values";
import { workshops } from "./workshops";

/** A project's reporting periods (its years, or periods a manager defines), which targets are set for. */
export const reportingPeriods = pgTable(
  "reporting_periods",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    projectId: uuid("project_id")
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    startDate: date("start_date").notNull(),
    endDate: date("end_date").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("reporting_periods_project_name_idx").on(t.projectId, t.name), check("reporting_periods_dates", sql`${t.endDate} >= ${t.startDate}`)],
);

/**
 * An indicator of the performance measurement framework: the PMF's columns (the result it measures,
 * statement, baseline, targets, data sources, collection methods, frequency, responsibility) and what
 * a USAID reference sheet adds (definition, unit, disaggregations, data-quality notes).
 */
export const indicators = pgTable(
  "indicators",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    projectId: uuid("project_id")
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    // No cascade: a result that indicators measure is not deleted under them.
    resultId: uuid("result_id")
      .notNull()
      .references(() => expectedResults.id),
    code: text("code").notNull(),
    statement: jsonb("statement").$type<Narrative>().notNull(),
    definition: jsonb("definition").$type<Narrative>(),
    unit: text("unit", { enum: indicatorUnits }).notNull(),
    disaggregations: text("disaggregations", { enum: disaggregations }).array().notNull().default([]),
    dataSources: text("data_sources").notNull().default(""),
    collectionMethods: text("collection_methods").notNull().default(""),
    frequency: text("frequency", { enum: indicatorFrequencies }).notNull().default("annual"),
    responsibility: text("responsibility").notNull().default(""),
    dataQualityNotes: text("data_quality_notes").notNull().default(""),
    baselineValue: doublePrecision("baseline_value"),
    baselineDate: date("baseline_date"),
    baselineNote: text("baseline_note").notNull().default(""),
    endTarget: doublePrecision("end_target"),
    /** How a computed indicator's actuals are worked out from the records (lib/indicators/calculations); none when they are reported. */
    calculation: jsonb("calculation").$type<{ kind: string } & Record<string, unknown>>(),
    version: integer("version").notNull().default(1),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("indicators_project_code_idx").on(t.projectId, t.code), index("indicators_result_idx").on(t.resultId)],
);

/** An indicator's target for one reporting period, for everyone or for one group (40 % women). */
export const indicatorTargets = pgTable(
  "indicator_targets",
  {
    indicatorId: uuid("indicator_id")
      .notNull()
      .references(() => indicators.id, { onDelete: "cascade" }),
    periodId: uuid("period_id")
      .notNull()
      .references(() => reportingPeriods.id),
    /** Empty for everyone; else one group of a disaggregation, as `sex:woman` or `sector:state`. */
    group: text("group").notNull().default(""),
    value: doublePrecision("value").notNull(),
  },
  (t) => [uniqueIndex("indicator_targets_idx").on(t.indicatorId, t.periodId, t.group), index("indicator_targets_period_idx").on(t.periodId)],
);

/** Where an indicator's baseline comes from: findings, workshops or sources of the baseline study, as findings cite them. */
export const indicatorEvidence = pgTable(
  "indicator_evidence",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    indicatorId: uuid("indicator_id")
      .notNull()
      .references(() => indicators.id, { onDelete: "cascade" }),
    findingId: uuid("finding_id").references(() => findings.id, { onDelete: "cascade" }),
    workshopId: uuid("workshop_id").references(() => workshops.id, { onDelete: "cascade" }),
    sourceId: uuid("source_id").references(() => studySources.id, { onDelete: "cascade" }),
  },
  (t) => [
    index("indicator_evidence_indicator_idx").on(t.indicatorId),
    check("indicator_evidence_one_target", sql`num_nonnulls(${t.findingId}, ${t.workshopId}, ${t.sourceId}) = 1`),
  ],
);

/**
 * An indicator's actual for one period as staff report it, with its figure per group, a comment and
 * its evidence (a link or a file kept in the database). Only an approved value counts; on a computed
 * indicator it overrides the computed figure for that period.
 */
export const indicatorValues = pgTable(
  "indicator_values",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    indicatorId: uuid("indicator_id")
      .notNull()
      .references(() => indicators.id, { onDelete: "cascade" }),
    periodId: uuid("period_id")
      .notNull()
      .references(() => reportingPeriods.id),
    value: doublePrecision("value").notNull(),
    /** The figure per group of the indicator's disaggregations: `{ "sex:woman": 41 }`. */
    groups: jsonb("groups").$type<Record<string, number>>().notNull().default({}),
    comment: text("comment").notNull().default(""),
    evidenceUrl: text("evidence_url"),
    fileName: text("file_name"),
    fileType: text("file_type"),
    fileSize: integer("file_size"),
    fileData: bytea("file_data"),
    status: text("status", { enum: reportedValueStatuses }).notNull().default("submitted"),
    submittedById: uuid("submitted_by_id").references(() => users.id, { onDelete: "set null" }),
    submittedAt: timestamp("submitted_at", { withTimezone: true }).notNull().defaultNow(),
    reviewedById: uuid("reviewed_by_id").references(() => users.id, { onDelete: "set null" }),
    reviewedAt: timestamp("reviewed_at", { withTimezone: true }),
    reviewComment: text("review_comment").notNull().default(""),
    version: integer("version").notNull().default(1),
  },
  (t) => [uniqueIndex("indicator_values_period_idx").on(t.indicatorId, t.periodId), index("indicator_values_period_ref_idx").on(t.periodId)],
);

export type Indicator = typeof indicators.$inferSelect;
export type ReportingPeriod = typeof reportingPeriods.$inferSelect;
export type IndicatorValue = typeof indicatorValues.$inferSelect;
