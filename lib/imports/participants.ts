import { and, eq, isNull, or, sql } from "drizzle-orm";
import { institutions, participantProjects, participants } from "@/db/schema";
import { recordAudit } from "@/lib/audit";
import { participantSearchText } from "@/lib/participants/names";
import { createParticipantInput } from "@/lib/participants/schemas";
import { insertParticipant } from "@/lib/participants/service";
import { visibleParticipants } from "@/lib/participants/visibility";
import { toSearchText } from "@/lib/search-text";
import { defineUseCase, type UseCaseCtx } from "@/lib/use-case";
import { toFieldErrors } from "@/lib/validation";
import { rememberHeaderChoices } from "./header-choices";
import type { ColumnMapping, ParticipantImportField } from "./mapping";
import { cellOf, refuseIfAnyError, summarise, type Preview, type PreviewRow } from "./rows";
import { participantImportInput, type ParticipantImportInput } from "./schemas";
import { readConsentForm, readDate, sexReader } from "./values";

type Parsed = { preview: PreviewRow; fields?: ReturnType<typeof createParticipantInput.parse> };

/**
 * Checks every row of a sign-in sheet: valid values, a known institution (by name or acronym),
 * and whether the person is already on file (same name and institution, or same e-mail), in
 * which case the row is skipped, so importing the same file twice creates nothing new.
 */
async function checkRows(ctx: UseCaseCtx, input: ParticipantImportInput & { mapping: ColumnMapping<ParticipantImportField> }): Promise<Parsed[]> {
  const cell = (row: string[], field: ParticipantImportField) => cellOf(input.mapping, row, field);
  const sexIndex = input.mapping.sex;
  const readSex = sexReader(sexIndex === null || sexIndex === undefined ? [] : input.rows.map((r) => r[sexIndex] ?? ""));
  const institutionIds = await institutionLookup(ctx);
  const seen = new Set<string>();
  const results: Parsed[] = [];
  for (const [index, row] of input.rows.entries()) {
    const label = `${cell(row, "givenNames")} ${cell(row, "familyNames")}`.trim();
    const preview: PreviewRow = { row: index + 2, status: "new", label, errors: {} };
    const institutionText = cell(row, "institution");
    const institutionId = institutionText ? institutionIds.get(toSearchText(institutionText)) : null;
    if (institutionId === undefined) preview.errors.institution = { key: "unknownInstitutionNamed", values: { name: institutionText } };
    const sex = readSex(cell(row, "sex"));
    if (sex === null) preview.errors.sex = { key: "invalidChoice" };
    const consentDate = readDate(cell(row, "consentDate"));
    if (consentDate === undefined) preview.errors.consentDate = { key: "invalidDate" };
    const consentForm = readConsentForm(cell(row, "consentForm"));
    if (consentForm === undefined) preview.errors.consentForm = { key: "invalidChoice" };
    const parsed = createParticipantInput.safeParse({
      projectId: input.projectId,
      givenNames: cell(row, "givenNames"),
      familyNames: cell(row, "familyNames"),
      sex: sex ?? "not_stated",
      institutionId: institutionId ?? null,
      position: cell(row, "position"),
      email: cell(row, "email"),
      phone: cell(row, "phone"),
      consentDate: consentDate ?? null,
      consentForm: consentForm ?? null,
    });
    if (!parsed.success) Object.assign(preview.errors, toFieldErrors(parsed.error));
    if (!parsed.success || Object.keys(preview.errors).length > 0) {
      preview.status = "error";
      results.push({ preview });
      continue;
    }
    const fields = parsed.data;
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

async function institutionLookup(ctx: UseCaseCtx): Promise<Map<string, string>> {
  const rows = await ctx.db.select({ id: institutions.id, name: institutions.name, acronym: institutions.acronym }).from(institutions).where(eq(institutions.isActive, true));
  const lookup = new Map<string, string>();
  for (const r of rows) {
    lookup.set(toSearchText(r.name), r.id);
    if (r.acronym) lookup.set(toSearchText(r.acronym), r.id);
  }
  return lookup;
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
  access: { kind: "project", roles: ["manager", "field"] },
  input: participantImportInput,
  write: false,
  async run(ctx, input): Promise<Preview> {
    return summarise((await checkRows(ctx, input)).map((r) => r.preview));
  },
});

export const commitParticipantImport = defineUseCase({
  name: "participants.importCommit",
  access: { kind: "project", roles: ["manager", "field"] },
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
      action: "participant.import",
      entityType: "participant",
      entityId: input.projectId,
      projectId: input.projectId,
      changes: { created: { before: null, after: preview.counts.new }, existing: { before: null, after: preview.counts.existing } },
    });
    return { created: preview.counts.new, existing: preview.counts.existing };
  },
});
