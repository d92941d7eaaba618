import { and, eq, sql } from "drizzle-orm";
import { z } from "zod";
import { expectedResults, indicators, indicatorTargets, indicatorValues, projects, reportingPeriods } from "@/db/schema";
import { indicatorFrequencies, indicatorUnits, type Locale, type Narrative, type ResultLevel } from "@/db/schema/values";
import { recordAudit } from "@/lib/audit";
import { insertAudited } from "@/lib/audited-write";
import { locales } from "@/lib/i18n/config";
import { catalogues } from "@/lib/i18n/messages";
import { gacPlace } from "@/lib/indicators/gac-codes";
import { projectYears } from "@/lib/indicators/periods";
import { pmfColumns, type PmfColumn } from "@/lib/indicators/pmf-document";
import { createIndicatorInput, unitRefusal } from "@/lib/indicators/schemas";
import type { FieldErrors } from "@/lib/result";
import { UseCaseError } from "@/lib/result";
import { toSearchText } from "@/lib/search-text";
import { restoreNeutralised } from "@/lib/spreadsheets/write";
import { defineUseCase, type UseCaseCtx } from "@/lib/use-case";
import { toFieldErrors } from "@/lib/validation";
import { commitPmfImportOutput, previewPmfImportOutput } from "./responses";
import { refuseIfAnyError, summarise, type PreviewRow } from "./rows";
import { table } from "./schemas";

export const pmfImportInput = z.object({ projectId: z.uuid(), ...table, mapping: z.record(z.string(), z.number().nullable()).optional() });
type PmfImportInput = z.output<typeof pmfImportInput>;

/** Where the PMF sits in the file: the language of its headers, the row they are on, each column and each period's pair. */
type Layout = { locale: Locale; headerIndex: number; columns: Partial<Record<PmfColumn, number>>; periods: { name: string; target?: number; actual?: number }[] };

const same = (a: string, b: string) => toSearchText(a) === toSearchText(b);

/** The header row among the file's first lines (an export opens with its title), in whichever language matches most columns. */
function findLayout(grid: string[][]): Layout | null {
  let best: Layout | null = null;
  let bestCount = 0;
  for (const [headerIndex, row] of grid.slice(0, 10).entries()) {
    for (const locale of locales) {
      const names = catalogues[locale].pmf.columns;
      const columns: Layout["columns"] = {};
      for (const column of pmfColumns) {
        const index = row.findIndex((cell) => same(cell, names[column]));
        if (index >= 0) columns[column] = index;
      }
      const count = Object.keys(columns).length;
      if (count <= bestCount || columns.indicatorCode === undefined || columns.resultCode === undefined) continue;
      const periods = new Map<string, { name: string; target?: number; actual?: number }>();
      row.forEach((cell, index) => {
        const match = /^(.+?)\s*·\s*(.+)$/.exec(cell.trim());
        if (!match) return;
        const which = same(match[2]!, names.periodTarget) ? "target" : same(match[2]!, names.periodActual) ? "actual" : null;
        if (!which) return;
        const name = match[1]!.trim();
        periods.set(name, { ...(periods.get(name) ?? { name }), [which]: index });
      });
      best = { locale, headerIndex, columns, periods: [...periods.values()] };
      bestCount = count;
    }
  }
  return best;
}

/** A choice written as any language's label, or as its code. */
function choiceReader<T extends string>(values: readonly T[], labelsOf: (locale: Locale) => Record<T, string>) {
  return (cell: string): T | null => {
    if (cell === "") return null;
    for (const value of values) {
      if (same(cell, value) || locales.some((l) => same(cell, labelsOf(l)[value]))) return value;
    }
    return null;
  };
}
const readUnit = choiceReader(indicatorUnits, (l) => catalogues[l].indicators.units);
const readFrequency = choiceReader(indicatorFrequencies, (l) => catalogues[l].indicators.frequencies);

/**
 * A figure as a spreadsheet holds it ("76", "76 %", "0,5"), from 0 to a billion as the forms take it;
 * blank is none, anything else is refused (undefined). "1,000" could be a thousand or one: it is
 * refused rather than guessed.
 */
function readFigure(cell: string): number | null | undefined {
  const plain = cell.replace(/[\s\u00a0\u202f%]/g, "");
  if (plain === "") return null;
  if (!/^\d+([.,]\d+)?$/.test(plain) || /^\d+,\d{3}$/.test(plain)) return undefined;
  const n = Number(plain.replace(",", "."));
  return n <= 1_000_000_000 ? n : undefined;
}

type PlannedResult = { id: string; code: string; level: ResultLevel; parentId: string | null; statement: Narrative };
type PlannedIndicator = {
  fields: z.output<typeof createIndicatorInput>;
  actuals: { periodId: string; value: number }[];
};
type Plan = {
  preview: PreviewRow[];
  periods: { id: string; name: string; startDate: string; endDate: string }[];
  results: PlannedResult[];
  indicators: PlannedIndicator[];
};

/**
 * Reads every row as the forms would: a result the project lacks is added when its GAC code says
 * where it goes, an indicator whose code the project has is left as it is, targets and actuals go
 * to the periods named in the headers (the project's years are made first when it has no period).
 */
async function plan(ctx: UseCaseCtx, input: PmfImportInput): Promise<Plan> {
  const grid = [input.headers, ...input.rows];
  const layout = findLayout(grid);
  if (!layout) throw new UseCaseError("invalid", { file: { key: "pmfLayout" } });
  const [[project], existingResults, existingPeriods, existingIndicators] = await Promise.all([
    ctx.db.select({ startDate: projects.startDate, endDate: projects.endDate }).from(projects).where(eq(projects.id, input.projectId)),
    ctx.db.select().from(expectedResults).where(eq(expectedResults.projectId, input.projectId)),
    ctx.db.select().from(reportingPeriods).where(eq(reportingPeriods.projectId, input.projectId)),
    ctx.db.select({ code: indicators.code }).from(indicators).where(eq(indicators.projectId, input.projectId)),
  ]);
  const newPeriods = existingPeriods.length ? [] : projectYears(project!.startDate, project!.endDate).map((y) => ({ id: crypto.randomUUID(), ...y }));
  const periodIds = new Map([...existingPeriods, ...newPeriods].map((p) => [p.name, p.id]));
  const unknown = layout.periods.find((p) => !periodIds.has(p.name));
  if (unknown) throw new UseCaseError("invalid", { file: { key: "pmfUnknownPeriod", values: { period: unknown.name } } });

  const results = new Map(existingResults.map((r) => [r.code, { id: r.id, level: r.level }]));
  const indicatorCodes = new Set(existingIndicators.map((i) => i.code));
  const codesInFile = new Set<string>();
  const out: Plan = { preview: [], periods: newPeriods, results: [], indicators: [] };
  const text = (value: string): Narrative => ({ original: layout.locale, [layout.locale]: value });
  for (const [offset, row] of grid.slice(layout.headerIndex + 1).entries()) {
    const cell = (column: PmfColumn) => (layout.columns[column] === undefined ? "" : restoreNeutralised((row[layout.columns[column]!] ?? "").trim()));
    if (row.every((c) => c.trim() === "")) continue;
    const preview: PreviewRow = {
      row: layout.headerIndex + offset + 2,
      status: "existing",
      label: `${cell("indicatorCode") || cell("resultCode")} ${cell("indicator") || cell("result")}`.trim(),
      errors: {},
    };
    out.preview.push(preview);
    const refuse = (errors: FieldErrors) => {
      preview.status = "error";
      preview.errors = { ...preview.errors, ...errors };
    };
    const resultCode = cell("resultCode");
    let result = results.get(resultCode);
    if (!result) {
      const place = gacPlace(resultCode);
      const parent = place?.parentCode ? results.get(place.parentCode) : null;
      if (!place || parent === undefined || cell("result") === "") {
        refuse({ resultCode: { key: "pmfUnplacedResult" } });
        continue;
      }
      result = { id: crypto.randomUUID(), level: place.level };
      results.set(resultCode, result);
      out.results.push({ id: result.id, code: resultCode, level: place.level, parentId: parent?.id ?? null, statement: text(cell("result")) });
      preview.status = "new";
    }
    const code = cell("indicatorCode");
    if (code === "" || indicatorCodes.has(code)) continue;
    if (codesInFile.has(code)) {
      refuse({ indicatorCode: { key: "codeTaken" } });
      continue;
    }
    codesInFile.add(code);
    const figures: FieldErrors = {};
    const figure = (column: string, value: string) => {
      const n = readFigure(value);
      if (n === undefined) figures[column] = { key: "invalid" };
      return n ?? null;
    };
    const targets = layout.periods.flatMap((p) => {
      const value = p.target === undefined ? null : figure(`${p.name} · target`, row[p.target] ?? "");
      return value === null ? [] : [{ periodId: periodIds.get(p.name)!, value }];
    });
    const parsed = createIndicatorInput.safeParse({
      projectId: input.projectId,
      resultId: result.id,
      code,
      statement: text(cell("indicator")),
      unit: readUnit(cell("unit")) ?? (cell("unit") || "number"),
      baselineValue: figure("baseline", cell("baseline")),
      baselineDate: cell("baselineDate"),
      endTarget: figure("endTarget", cell("endTarget")),
      dataSources: cell("dataSources"),
      collectionMethods: cell("collectionMethods"),
      frequency: readFrequency(cell("frequency")) ?? (cell("frequency") || "annual"),
      responsibility: cell("responsibility"),
      targets,
    });
    const actuals = layout.periods.flatMap((p) => {
      const value = p.actual === undefined ? null : figure(`${p.name} · actual`, row[p.actual] ?? "");
      return value === null ? [] : [{ column: `${p.name} · actual`, periodId: periodIds.get(p.name)!, value }];
    });
    if (!parsed.success) refuse(toFieldErrors(parsed.error));
    if (parsed.success) {
      for (const a of actuals) {
        const refusal = unitRefusal(parsed.data.unit, a.value);
        if (refusal) figures[a.column] = { key: refusal };
      }
    }
    if (Object.keys(figures).length) refuse(figures);
    if (!parsed.success || preview.status === "error") continue;
    preview.status = "new";
    out.indicators.push({ fields: parsed.data, actuals: actuals.map(({ periodId, value }) => ({ periodId, value })) });
  }
  return out;
}

const levelOrder: ResultLevel[] = ["ultimate", "intermediate", "immediate", "output"];

export const previewPmfImport = defineUseCase({
  name: "pmf.importPreview",
  http: { method: "post", path: "/projects/{projectId}/pmf/import/preview", response: previewPmfImportOutput },
  access: { kind: "project", permission: "logicModel.edit" },
  input: pmfImportInput,
  write: false,
  async run(ctx, input) {
    return summarise((await plan(ctx, input)).preview);
  },
});

/** All or nothing: the periods, results, indicators with their targets, and the actuals as approved values of the person importing. */
export const commitPmfImport = defineUseCase({
  name: "pmf.importCommit",
  http: { method: "post", path: "/projects/{projectId}/pmf/import/commit", response: commitPmfImportOutput },
  access: { kind: "project", permission: "logicModel.edit" },
  input: pmfImportInput,
  write: true,
  async run(ctx, input) {
    const planned = await plan(ctx, input);
    refuseIfAnyError(summarise(planned.preview));
    if (planned.periods.length) await ctx.db.insert(reportingPeriods).values(planned.periods.map((p) => ({ ...p, projectId: input.projectId })));
    const byLevel = [...planned.results].sort((a, b) => levelOrder.indexOf(a.level) - levelOrder.indexOf(b.level));
    for (const r of byLevel) {
      const [last] = await ctx.db
        .select({ position: sql<number | null>`max(${expectedResults.position})` })
        .from(expectedResults)
        .where(and(eq(expectedResults.projectId, input.projectId), r.parentId ? eq(expectedResults.parentId, r.parentId) : sql`${expectedResults.parentId} is null`));
      await insertAudited(ctx.db, ctx.user.id, expectedResults, {
        values: { ...r, projectId: input.projectId, position: (last?.position ?? -1) + 1 },
        audit: { action: "logicModel.create", entityType: "expected_result", projectId: input.projectId, fields: ["level", "code", "statement", "parentId"] },
      });
    }
    const now = new Date();
    for (const { fields, actuals } of planned.indicators) {
      const { targets, evidence: _evidence, ...values } = fields;
      const indicator = await insertAudited(ctx.db, ctx.user.id, indicators, {
        values,
        audit: { action: "indicators.create", entityType: "indicator", projectId: input.projectId, fields: ["code", "statement", "unit", "baselineValue", "endTarget"] },
      });
      if (targets.length) await ctx.db.insert(indicatorTargets).values(targets.map((t) => ({ indicatorId: indicator.id, periodId: t.periodId, group: t.group, value: t.value })));
      if (actuals.length) {
        await ctx.db.insert(indicatorValues).values(
          actuals.map((a) => ({
            indicatorId: indicator.id,
            periodId: a.periodId,
            value: a.value,
            comment: "",
            status: "approved" as const,
            submittedById: ctx.user.id,
            submittedAt: now,
            reviewedById: ctx.user.id,
            reviewedAt: now,
          })),
        );
      }
    }
    await recordAudit(ctx.db, {
      actorId: ctx.user.id,
      action: "pmf.importCommit",
      entityType: "indicator",
      entityId: "import",
      projectId: input.projectId,
      changes: { results: { before: null, after: planned.results.length }, indicators: { before: null, after: planned.indicators.length } },
    });
    const existing = planned.preview.filter((r) => r.status === "existing").length;
    return { results: planned.results.length, indicators: planned.indicators.length, existing };
  },
});
