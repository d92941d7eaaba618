import { and, eq, gte, lte, sql, type AnyColumn, type SQL } from "drizzle-orm";
import { z } from "zod";
import { attendance, bodyMemberships, coordinationBodies, expectedResults, institutions, participants, resultLinks, workshops } from "@/db/schema";
import { institutionKinds, institutionLevels, institutionSectors, workshopTypes } from "@/db/schema/values";
import type { FieldErrors } from "@/lib/result";
import type { UseCaseCtx } from "@/lib/use-case";
import { blankToNull } from "@/lib/zod-fields";
import type { Clause, Names, Window } from "./calculation";

const optional = <T extends z.ZodType>(schema: T) => z.preprocess(blankToNull, schema.nullable().default(null));
const checkbox = z.preprocess((v) => v === "on" || v === "true" || v === true, z.boolean()).default(false);

/** Which workshops and whose attendance a calculation counts; every filter left empty counts all. */
export const attendanceFilters = {
  workshopType: optional(z.enum(workshopTypes)),
  outputId: optional(z.uuid()),
  sector: optional(z.enum(institutionSectors)),
  institutionKind: optional(z.enum(institutionKinds)),
  level: optional(z.enum(institutionLevels)),
  bodyId: optional(z.uuid()),
  /** Counted from the project's start to the period's end, as "people trained so far" is. */
  cumulative: checkbox,
};

/**
 * For calculations over attendance records: a day attended late or left early counts as attended
 * unless the indicator counts full days only.
 */
export const attendedFilters = { ...attendanceFilters, fullDaysOnly: checkbox };

export type AttendanceFilters = {
  workshopType: (typeof workshopTypes)[number] | null;
  outputId: string | null;
  sector: (typeof institutionSectors)[number] | null;
  institutionKind: (typeof institutionKinds)[number] | null;
  level: (typeof institutionLevels)[number] | null;
  bodyId: string | null;
  cumulative: boolean;
  fullDaysOnly?: boolean;
};

/** The window a figure covers: a cumulative one opens at the project's start. */
export const windowOf = (params: { cumulative: boolean }, window: Window): Window => (params.cumulative ? { from: null, to: window.to } : window);

/**
 * The conditions of a calculation's filters on rows joined to their workshop and, left, to an
 * institution (`institutions`): the project's workshops, `day` within the window, the workshop's
 * type and output, and the institution's sector, kind, level and membership of a body on `day`.
 */
export function scopeConditions(at: { day: AnyColumn; institutionId: AnyColumn }, projectId: string, p: AttendanceFilters, window: Window): SQL | undefined {
  const w = windowOf(p, window);
  return and(
    eq(workshops.projectId, projectId),
    w.from ? gte(at.day, w.from) : undefined,
    w.to ? lte(at.day, w.to) : undefined,
    p.workshopType ? eq(workshops.type, p.workshopType) : undefined,
    p.outputId ? sql`exists (select 1 from ${resultLinks} where ${resultLinks.workshopId} = ${workshops.id} and ${resultLinks.resultId} = ${p.outputId})` : undefined,
    p.sector ? eq(institutions.sector, p.sector) : undefined,
    p.institutionKind ? eq(institutions.kind, p.institutionKind) : undefined,
    p.level ? eq(institutions.level, p.level) : undefined,
    p.bodyId
      ? sql`exists (select 1 from ${bodyMemberships} where ${bodyMemberships.bodyId} = ${p.bodyId} and ${bodyMemberships.institutionId} = ${at.institutionId}
          and ${bodyMemberships.startDate} <= ${at.day} and (${bodyMemberships.endDate} is null or ${bodyMemberships.endDate} >= ${at.day}))`
      : undefined,
  );
}

/**
 * The conditions on attendance records (joined to their workshop and, left, to the institution the
 * person had that day) of the project's workshops within the window.
 */
export const attendanceConditions = (projectId: string, p: AttendanceFilters, window: Window) =>
  and(scopeConditions({ day: attendance.day, institutionId: attendance.institutionId }, projectId, p, window), p.fullDaysOnly ? eq(attendance.status, "present") : undefined);

/** Refuses an output of another project, or a result that is not an output, and a coordination body that does not exist. */
export async function checkAttendanceFilters(ctx: UseCaseCtx, projectId: string, p: AttendanceFilters): Promise<FieldErrors> {
  const errors: FieldErrors = {};
  if (p.outputId) {
    const [output] = await ctx.db
      .select({ id: expectedResults.id })
      .from(expectedResults)
      .where(and(eq(expectedResults.id, p.outputId), eq(expectedResults.projectId, projectId), eq(expectedResults.level, "output")));
    if (!output) errors["calculation.outputId"] = { key: "notProjectOutput" };
  }
  if (p.bodyId) {
    const [body] = await ctx.db.select({ id: coordinationBodies.id }).from(coordinationBodies).where(eq(coordinationBodies.id, p.bodyId));
    if (!body) errors["calculation.bodyId"] = { key: "invalid" };
  }
  return errors;
}

/** The filters set, in words: "training workshops", "linked to output 1111", "of the state sector"… */
export function filterClauses(p: AttendanceFilters, names: Names): Clause[] {
  const clauses: Clause[] = [];
  if (p.workshopType) clauses.push({ key: "workshopType", values: { type: p.workshopType } });
  if (p.outputId) clauses.push({ key: "output", values: { code: names.results.get(p.outputId) ?? "?" } });
  if (p.sector) clauses.push({ key: "sector", values: { sector: p.sector } });
  if (p.institutionKind) clauses.push({ key: "institutionKind", values: { kind: p.institutionKind } });
  if (p.level) clauses.push({ key: "level", values: { level: p.level } });
  if (p.bodyId) clauses.push({ key: "body", values: { body: names.bodies.get(p.bodyId) ?? "?" } });
  if (p.fullDaysOnly) clauses.push({ key: "fullDaysOnly", values: {} });
  if (p.cumulative) clauses.push({ key: "cumulative", values: {} });
  return clauses;
}

/** A person's groups, by the person's sex and the institution counted (the day's, or their last day's): the columns and their grouping. */
export const personGroups = { sex: participants.sex, sector: institutions.sector, institution_kind: institutions.kind, country: institutions.country };
export const personGroupKeys = ["sex", "sector", "institution_kind", "country"] as const;
export const byPersonGroups = [participants.sex, institutions.sector, institutions.kind, institutions.country] as const;

/** Counts per combination of groups, added up per group of each disaggregation: `sex:woman` → 41. */
export function groupSums(rows: { count: number; [group: string]: string | number | null }[], keys: readonly string[]): Record<string, number> {
  const groups: Record<string, number> = {};
  for (const row of rows) {
    for (const key of keys) {
      const group = `${key}:${row[key] ?? "none"}`;
      groups[group] = (groups[group] ?? 0) + row.count;
    }
  }
  return groups;
}
