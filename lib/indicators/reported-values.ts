import { and, eq, sql } from "drizzle-orm";
import { indicatorValues, reportingPeriods, type Indicator } from "@/db/schema";
import { recordAudit } from "@/lib/audit";
import type { FieldErrors } from "@/lib/result";
import { UseCaseError } from "@/lib/result";
import { defineUseCase, type UseCaseCtx } from "@/lib/use-case";
import { groupsAddUp, isGroupOf } from "./groups";
import { getValueFileOutput, reviewValueOutput, submitValueOutput } from "./responses";
import { reviewValueInput, submitValueInput, unitRefusal, valueIdInput } from "./schemas";
import { loadIndicator } from "./queries";
import { publicValue } from "./reported-value-access";
import type { z } from "zod";

type Submitted = z.output<typeof submitValueInput>;

/** Refuses, beside its box, a figure the unit does not allow, a group the indicator is not broken down by, groups that do not add up to the figure. */
function refusals(indicator: Indicator, input: Submitted): FieldErrors {
  const errors: FieldErrors = {};
  const unitKey = unitRefusal(indicator.unit, input.value);
  if (unitKey) errors.value = { key: unitKey };
  for (const g of input.groups) {
    const key = !isGroupOf(g.group, indicator.disaggregations) ? "notDisaggregated" : unitRefusal(indicator.unit, g.value);
    if (key) errors[`groups.${g.group}`] = { key };
  }
  if (Object.keys(errors).length === 0 && indicator.unit === "number" && !groupsAddUp(input.value, input.groups)) errors.groups = { key: "groupsDoNotAddUp" };
  return errors;
}

async function loadValue(ctx: UseCaseCtx, indicatorId: string, valueId: string) {
  const [row] = await ctx.db
    .select()
    .from(indicatorValues)
    .where(and(eq(indicatorValues.id, valueId), eq(indicatorValues.indicatorId, indicatorId)));
  if (!row) throw new UseCaseError("not_found");
  return row;
}

/**
 * Reports an indicator's value for one of the project's periods, or reports it again after it was
 * sent back; a value already approved is changed only after a manager sends it back.
 */
export const submitValue = defineUseCase({
  name: "indicatorValues.submit",
  http: { method: "post", path: "/projects/{projectId}/indicators/{indicatorId}/values", status: 201, response: submitValueOutput },
  access: { kind: "project", permission: "indicatorValues.submit" },
  input: submitValueInput,
  write: true,
  async run(ctx, input) {
    const indicator = await loadIndicator(ctx, input.projectId, input.indicatorId);
    const [period] = await ctx.db
      .select({ id: reportingPeriods.id })
      .from(reportingPeriods)
      .where(and(eq(reportingPeriods.id, input.periodId), eq(reportingPeriods.projectId, input.projectId)));
    if (!period) throw new UseCaseError("invalid", { periodId: { key: "notProjectPeriod" } });
    const refused = refusals(indicator, input);
    if (Object.keys(refused).length > 0) throw new UseCaseError("invalid", refused);
    const [existing] = await ctx.db
      .select()
      .from(indicatorValues)
      .where(and(eq(indicatorValues.indicatorId, indicator.id), eq(indicatorValues.periodId, period.id)));
    if (existing?.status === "approved") throw new UseCaseError("conflict", { _form: { key: "valueApproved" } });
    const groups = Object.fromEntries(input.groups.map((g) => [g.group, g.value]));
    const file = input.file
      ? { fileName: input.file.name, fileType: input.file.type, fileSize: input.file.data.byteLength, fileData: input.file.data }
      : { fileName: existing?.fileName ?? null, fileType: existing?.fileType ?? null, fileSize: existing?.fileSize ?? null, fileData: existing?.fileData ?? null };
    const fields = { value: input.value, groups, comment: input.comment, evidenceUrl: input.evidenceUrl, ...file };
    const submitted = { status: "submitted" as const, submittedById: ctx.user.id, submittedAt: new Date(), reviewedById: null, reviewedAt: null };
    const [row] = existing
      ? await ctx.db
          .update(indicatorValues)
          .set({ ...fields, ...submitted, version: sql`${indicatorValues.version} + 1` })
          .where(eq(indicatorValues.id, existing.id))
          .returning()
      : await ctx.db
          .insert(indicatorValues)
          .values({ indicatorId: indicator.id, periodId: period.id, ...fields, ...submitted })
          .returning();
    await recordAudit(ctx.db, {
      actorId: ctx.user.id,
      action: "indicatorValues.submit",
      entityType: "indicator",
      entityId: indicator.id,
      projectId: input.projectId,
      changes: {
        periodId: { before: null, after: period.id },
        value: { before: existing?.value ?? null, after: input.value },
        groups: { before: existing?.groups ?? null, after: groups },
        ...(input.file ? { file: { before: existing?.fileName ?? null, after: input.file.name } } : {}),
      },
    });
    return publicValue(row!);
  },
});

/** A manager approves a submitted value, so it counts, or sends a submitted or approved one back with a comment. */
export const reviewValue = defineUseCase({
  name: "indicatorValues.review",
  http: { method: "post", path: "/projects/{projectId}/indicators/{indicatorId}/values/{valueId}/review", response: reviewValueOutput },
  access: { kind: "project", permission: "indicatorValues.approve" },
  input: reviewValueInput,
  write: true,
  async run(ctx, input) {
    const indicator = await loadIndicator(ctx, input.projectId, input.indicatorId);
    const before = await loadValue(ctx, indicator.id, input.valueId);
    if (before.version !== input.version) throw new UseCaseError("stale");
    const allowed = input.decision === "approve" ? before.status === "submitted" : before.status !== "sent_back";
    if (!allowed) throw new UseCaseError("conflict", { _form: { key: input.decision === "approve" ? "valueNotSubmitted" : "valueAlreadySentBack" } });
    const status = input.decision === "approve" ? ("approved" as const) : ("sent_back" as const);
    const [after] = await ctx.db
      .update(indicatorValues)
      .set({ status, reviewedById: ctx.user.id, reviewedAt: new Date(), reviewComment: input.comment, version: sql`${indicatorValues.version} + 1` })
      .where(and(eq(indicatorValues.id, before.id), eq(indicatorValues.version, input.version)))
      .returning();
    if (!after) throw new UseCaseError("stale");
    await recordAudit(ctx.db, {
      actorId: ctx.user.id,
      action: input.decision === "approve" ? "indicatorValues.approve" : "indicatorValues.sendBack",
      entityType: "indicator",
      entityId: indicator.id,
      projectId: input.projectId,
      changes: { periodId: { before: null, after: before.periodId }, status: { before: before.status, after: status }, comment: { before: null, after: input.comment } },
    });
    return publicValue(after);
  },
});

/** A reported value's evidence file, for the staff: a partner reads figures only. */
export const getValueFile = defineUseCase({
  name: "indicatorValues.file",
  http: { method: "get", path: "/projects/{projectId}/indicators/{indicatorId}/values/{valueId}/file", response: getValueFileOutput },
  access: { kind: "project", permission: "indicatorValues.submit" },
  input: valueIdInput,
  write: false,
  async run(ctx, input) {
    const indicator = await loadIndicator(ctx, input.projectId, input.indicatorId);
    const value = await loadValue(ctx, indicator.id, input.valueId);
    if (!value.fileData || !value.fileName || !value.fileType) throw new UseCaseError("not_found");
    // The drivers hand bytea back as a Buffer (postgres.js) or a plain Uint8Array (PGlite).
    return { name: value.fileName, type: value.fileType, data: Buffer.from(value.fileData) };
  },
});
