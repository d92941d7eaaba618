import { and, eq, isNull, or, sql } from "drizzle-orm";
import { participantProjects, participants } from "@/db/schema";
import { recordAudit } from "@/lib/audit";
import { participantSearchText } from "@/lib/participants/names";
import { insertParticipant } from "@/lib/participants/queries";
import { visibleParticipants } from "@/lib/participants/visibility";
import { defineUseCase, type UseCaseCtx } from "@/lib/use-case";
import { rememberHeaderChoices } from "./header-choices";
import type { ColumnMapping, ParticipantImportField } from "./fields";
import { participantRowReader, type ReadRow } from "./participant-rows";
import { refuseIfAnyError, summarise, type Preview } from "./rows";
import { participantImportInput, type ParticipantImportInput } from "./schemas";
import { commitParticipantImportOutput, previewParticipantImportOutput } from "./responses";

/**
 * Checks every row of a sign-in sheet (see participantRowReader) and whether the person is
 * already on file (same name and institution, or same e-mail), in which case the row is skipped,
 * so importing the same file twice creates nothing new.
 */
async function checkRows(ctx: UseCaseCtx, input: ParticipantImportInput & { mapping: ColumnMapping<ParticipantImportField> }): Promise<ReadRow[]> {
  const read = await participantRowReader(ctx, input);
  const seen = new Set<string>();
  const results: ReadRow[] = [];
  for (const [index, row] of input.rows.entries()) {
    const { preview, fields } = read(row, index);
    if (!fields) {
      results.push({ preview });
      continue;
    }
    // Within the file, a person repeats the way they would match someone on file: same name at
    // the same institution, or same e-mail.
    const keys = [`name:${participantSearchText(fields.givenNames, fields.familyNames)}|${fields.institutionId ?? ""}`, ...(fields.email ? [`email:${fields.email}`] : [])];
    const existing = keys.some((k) => seen.has(k)) ? "file" : await findExisting(ctx, fields);
    for (const k of keys) seen.add(k);
    if (existing) {
      preview.status = "existing";
      if (existing !== "file") preview.match = existing;
      results.push({ preview });
    } else {
      results.push({ preview, fields });
    }
  }
  return results;
}

async function findExisting(ctx: UseCaseCtx, fields: { givenNames: string; familyNames: string; institutionId: string | null; email: string | null }) {
  const search = participantSearchText(fields.givenNames, fields.familyNames);
  const sameInstitution = fields.institutionId ? eq(participants.institutionId, fields.institutionId) : isNull(participants.institutionId);
  const visible = visibleParticipants(ctx);
  const match = and(
    eq(participants.isErased, false),
    or(and(eq(participants.searchText, search), sameInstitution), fields.email ? eq(participants.email, fields.email) : sql`false`),
    visible,
  );
  const [found] = await ctx.db.select({ id: participants.id, givenNames: participants.givenNames, familyNames: participants.familyNames }).from(participants).where(match).limit(1);
  return found ? { id: found.id, label: `${found.givenNames} ${found.familyNames}`.trim(), score: 1 } : null;
}

export const previewParticipantImport = defineUseCase({
  name: "participants.importPreview",
  http: { method: "post", path: "/participants/import/preview", response: previewParticipantImportOutput },
  access: { kind: "project", permission: "participants.edit" },
  input: participantImportInput,
  write: false,
  async run(ctx, input): Promise<Preview> {
    return summarise((await checkRows(ctx, input)).map((r) => r.preview));
  },
});

export const commitParticipantImport = defineUseCase({
  name: "participants.importCommit",
  http: { method: "post", path: "/participants/import/commit", response: commitParticipantImportOutput },
  access: { kind: "project", permission: "participants.edit" },
  input: participantImportInput,
  write: true,
  async run(ctx, input) {
    const checked = await checkRows(ctx, input);
    const preview = summarise(checked.map((r) => r.preview));
    refuseIfAnyError(preview);
    for (const { fields } of checked) {
      if (!fields) continue;
      const { projectId, id: _id, ...rest } = fields;
      await insertParticipant(ctx.db, ctx.user.id, projectId, rest);
    }
    // People already on file are linked to this project too, so its staff can find them.
    for (const { preview: row } of checked) {
      if (row.match) await ctx.db.insert(participantProjects).values({ participantId: row.match.id, projectId: input.projectId }).onConflictDoNothing();
    }
    await rememberHeaderChoices(ctx.db, ctx.user.id, "participants", input.headers, input.mapping);
    await recordAudit(ctx.db, {
      actorId: ctx.user.id,
      action: "participants.importCommit",
      entityType: "participant",
      entityId: input.projectId,
      projectId: input.projectId,
      changes: { created: { before: null, after: preview.counts.new }, existing: { before: null, after: preview.counts.existing } },
    });
    return { created: preview.counts.new, existing: preview.counts.existing };
  },
});
