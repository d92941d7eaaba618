import { boolean, date, index, integer, pgTable, text, timestamp, unique, uuid, type AnyPgColumn } from "drizzle-orm/pg-core";
import { institutionKinds, institutionLevels, institutionSectors } from "./values";

export const institutions = pgTable(
  "institutions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    name: text("name").notNull(),
    acronym: text("acronym").notNull().default(""),
    country: text("country").notNull(),
    sector: text("sector", { enum: institutionSectors }).notNull(),
    kind: text("kind", { enum: institutionKinds }).notNull(),
    level: text("level", { enum: institutionLevels }).notNull(),
    parentId: uuid("parent_id").references((): AnyPgColumn => institutions.id, { onDelete: "set null" }),
    city: text("city").notNull().default(""),
    website: text("website").notNull().default(""),
    notes: text("notes").notNull().default(""),
    isActive: boolean("is_active").notNull().default(true),
    // Name and acronym without accents or case, kept by the service, searched through a trigram index.
    searchText: text("search_text").notNull(),
    version: integer("version").notNull().default(1),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("institutions_search_idx").using("gin", t.searchText.op("gin_trgm_ops")),
    index("institutions_parent_idx").on(t.parentId),
    index("institutions_country_idx").on(t.country, t.sector, t.kind),
  ],
);

export const coordinationBodies = pgTable("coordination_bodies", {
  id: uuid("id").primaryKey().defaultRandom(),
  name: text("name").notNull(),
  acronym: text("acronym").notNull().default(""),
  country: text("country").notNull(),
  description: text("description").notNull().default(""),
  version: integer("version").notNull().default(1),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

export const bodyMemberships = pgTable(
  "body_memberships",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    bodyId: uuid("body_id")
      .notNull()
      .references(() => coordinationBodies.id, { onDelete: "cascade" }),
    institutionId: uuid("institution_id")
      .notNull()
      .references(() => institutions.id, { onDelete: "cascade" }),
    startDate: date("start_date").notNull(),
    endDate: date("end_date"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique("body_memberships_once").on(t.bodyId, t.institutionId, t.startDate), index("body_memberships_institution_idx").on(t.institutionId)],
);

export type Institution = typeof institutions.$inferSelect;
export type CoordinationBody = typeof coordinationBodies.$inferSelect;
export type BodyMembership = typeof bodyMemberships.$inferSelect;
