import { eq } from "drizzle-orm";
import { institutions } from "@/db/schema";
import { createParticipantInput } from "@/lib/participants/schemas";
import { toSearchText } from "@/lib/search-text";
import type { UseCaseCtx } from "@/lib/use-case";
import { toFieldErrors } from "@/lib/validation";
import type { ColumnMapping, ParticipantImportField } from "./fields";
import { cellOf, type PreviewRow } from "./rows";
import { readConsentForm, readDate, sexReader } from "./values";

export type ParticipantFields = ReturnType<typeof createParticipantInput.parse>;
export type ReadRow = { preview: PreviewRow; fields?: ParticipantFields };

type Sheet<F extends string> = { projectId: string; rows: string[][]; mapping: ColumnMapping<F> };

/**
 * Reads each row of a sheet of people as the participant form would: valid values, a known
 * institution (by name or acronym), a sex column read the way its letters suggest. Rows with a
 * problem carry their errors; the others carry the fields to create the person with.
 */
export async function participantRowReader<F extends string>(ctx: UseCaseCtx, sheet: Sheet<F | ParticipantImportField>) {
  const cell = (row: string[], field: ParticipantImportField) => cellOf(sheet.mapping, row, field);
  const sexIndex = sheet.mapping.sex;
  const readSex = sexReader(sexIndex === null || sexIndex === undefined ? [] : sheet.rows.map((r) => r[sexIndex] ?? ""));
  const institutionIds = await institutionLookup(ctx);
  return (row: string[], index: number): ReadRow => {
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
      projectId: sheet.projectId,
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
      return { preview };
    }
    return { preview, fields: parsed.data };
  };
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
