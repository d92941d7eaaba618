import { and, eq } from "drizzle-orm";
import { institutions } from "@/db/schema";
import { institutionKinds, institutionLevels, institutionSectors } from "@/db/schema/values";
import { recordAudit } from "@/lib/audit";
import { createInstitutionInput } from "@/lib/institutions/schemas";
import { insertInstitution } from "@/lib/institutions/queries";
import { sortable, toSearchText } from "@/lib/search-text";
import { defineUseCase, type UseCaseCtx } from "@/lib/use-case";
import { toFieldErrors } from "@/lib/validation";
import { rememberHeaderChoices } from "./header-choices";
import type { InstitutionImportField } from "./fields";
import { cellOf, refuseIfAnyError, summarise, type Preview, type PreviewRow } from "./rows";
import { institutionImportInput, type InstitutionImportInput } from "./schemas";
import { enumReader, institutionLabels, readCountry } from "./values";
import { commitInstitutionImportOutput, previewInstitutionImportOutput } from "./responses";

const readSector = enumReader(institutionSectors, institutionLabels.sectors);
const readKind = enumReader(institutionKinds, institutionLabels.kinds);
const readLevel = enumReader(institutionLevels, institutionLabels.levels);

type Parsed = { preview: PreviewRow; fields?: ReturnType<typeof createInstitutionInput.parse> };

/** Each row checked like the form would; one already in the directory (same name, same country) is skipped. */
async function checkRows(ctx: UseCaseCtx, input: InstitutionImportInput): Promise<Parsed[]> {
  const cell = (row: string[], field: InstitutionImportField) => cellOf(input.mapping, row, field);
  const seen = new Set<string>();
  const results: Parsed[] = [];
  for (const [index, row] of input.rows.entries()) {
    const preview: PreviewRow = { row: index + 2, status: "new", label: cell(row, "name"), errors: {} };
    const parsed = createInstitutionInput.safeParse({
      name: cell(row, "name"),
      acronym: cell(row, "acronym"),
      country: readCountry(cell(row, "country")) ?? cell(row, "country"),
      sector: readSector(cell(row, "sector")) ?? cell(row, "sector"),
      kind: readKind(cell(row, "kind")) ?? (cell(row, "kind") || "other"),
      level: readLevel(cell(row, "level")) ?? (cell(row, "level") || "national"),
      city: cell(row, "city"),
      website: cell(row, "website"),
      notes: cell(row, "notes"),
    });
    if (!parsed.success) {
      preview.status = "error";
      preview.errors = toFieldErrors(parsed.error);
      results.push({ preview });
      continue;
    }
    const fields = parsed.data;
    const key = `${toSearchText(fields.name)}|${fields.country}`;
    const [existing] = seen.has(key)
      ? [null]
      : await ctx.db
          .select({ id: institutions.id, name: institutions.name })
          .from(institutions)
          // Same name and country is the same institution, whatever acronym either side gives.
          .where(and(eq(institutions.country, fields.country), eq(sortable(institutions.name), toSearchText(fields.name))))
          .limit(1);
    if (seen.has(key) || existing) {
      preview.status = "existing";
      if (existing) preview.match = { id: existing.id, label: existing.name, score: 1 };
      results.push({ preview });
    } else {
      results.push({ preview, fields });
    }
    seen.add(key);
  }
  return results;
}

export const previewInstitutionImport = defineUseCase({
  name: "institutions.importPreview",
  http: { method: "post", path: "/institutions/import/preview", response: previewInstitutionImportOutput },
  access: { kind: "directory", permission: "directory.edit" },
  input: institutionImportInput,
  write: false,
  async run(ctx, input): Promise<Preview> {
    return summarise((await checkRows(ctx, input)).map((r) => r.preview));
  },
});

export const commitInstitutionImport = defineUseCase({
  name: "institutions.importCommit",
  http: { method: "post", path: "/institutions/import/commit", response: commitInstitutionImportOutput },
  access: { kind: "directory", permission: "directory.edit" },
  input: institutionImportInput,
  write: true,
  async run(ctx, input) {
    const checked = await checkRows(ctx, input);
    const preview = summarise(checked.map((r) => r.preview));
    refuseIfAnyError(preview);
    for (const { fields } of checked) if (fields) await insertInstitution(ctx.db, ctx.user.id, fields);
    await rememberHeaderChoices(ctx.db, ctx.user.id, "institutions", input.headers, input.mapping);
    await recordAudit(ctx.db, {
      actorId: ctx.user.id,
      action: "institutions.importCommit",
      entityType: "institution",
      entityId: "import",
      changes: { created: { before: null, after: preview.counts.new }, existing: { before: null, after: preview.counts.existing } },
    });
    return { created: preview.counts.new, existing: preview.counts.existing };
  },
});
