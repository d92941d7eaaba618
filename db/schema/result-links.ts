import { sql } from "drizzle-orm";
import { check, index, pgTable, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { expectedResults } from "./expected-results";
import { improvementActions } from "./improvement-actions";
import { missions } from "./missions";
import { findings } from "./studies";
import { workshops } from "./workshops";

/**
 * What was done for a result of the logic model: a workshop, a mission or an improvement action
 * linked to an output, or a finding linked to the outcome it informs. Each row names exactly one of
 * them; it goes with the workshop, mission, action or finding, while a linked result cannot be deleted.
 */
export const resultLinks = pgTable(
  "result_links",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    resultId: uuid("result_id")
      .notNull()
      .references(() => expectedResults.id),
    workshopId: uuid("workshop_id").references(() => workshops.id, { onDelete: "cascade" }),
    missionId: uuid("mission_id").references(() => missions.id, { onDelete: "cascade" }),
    actionId: uuid("action_id").references(() => improvementActions.id, { onDelete: "cascade" }),
    findingId: uuid("finding_id").references(() => findings.id, { onDelete: "cascade" }),
  },
  (t) => [
    index("result_links_result_idx").on(t.resultId),
    uniqueIndex("result_links_workshop_idx").on(t.workshopId, t.resultId),
    uniqueIndex("result_links_mission_idx").on(t.missionId, t.resultId),
    uniqueIndex("result_links_action_idx").on(t.actionId, t.resultId),
    // A finding informs one outcome.
    uniqueIndex("result_links_finding_idx").on(t.findingId),
    check("result_links_one_target", sql`num_nonnulls(${t.workshopId}, ${t.missionId}, ${t.actionId}, ${t.findingId}) = 1`),
  ],
);
