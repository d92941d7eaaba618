import "server-only";
import { and, eq, gte, ilike, inArray, isNull, lte, or, type SQL } from "drizzle-orm";
import type { z } from "zod";
import type { Db } from "@/db/client";
import { bodyMemberships, institutions, type Institution } from "@/db/schema";
import { UseCaseError } from "@/lib/result";
import { containsPattern, toSearchText } from "@/lib/search-text";
import type { UseCaseCtx } from "@/lib/use-case";
import type { createInstitutionInput, listInstitutionsInput } from "./schemas";
import { today } from "@/lib/today";
import { editableFields } from "./schemas";
import { insertAudited } from "@/lib/audited-write";

/** Memberships that hold today: started, and not ended before today. */
export const currentMembership = () => and(lte(bodyMemberships.startDate, today()), or(isNull(bodyMemberships.endDate), gte(bodyMemberships.endDate, today())))!;

/** The conditions of an institution list (search and filters), shared by list and export. */
export function institutionFilters(ctx: UseCaseCtx, input: z.output<typeof listInstitutionsInput>): SQL | undefined {
  const filters: SQL[] = [];
  if (input.status !== "all") filters.push(eq(institutions.isActive, input.status === "active"));
  if (input.q) filters.push(ilike(institutions.searchText, containsPattern(toSearchText(input.q))));
  if (input.country) filters.push(eq(institutions.country, input.country));
  if (input.sector) filters.push(eq(institutions.sector, input.sector));
  if (input.kind) filters.push(eq(institutions.kind, input.kind));
  if (input.level) filters.push(eq(institutions.level, input.level));
  if (input.bodyId) {
    filters.push(
      inArray(
        institutions.id,
        ctx.db
          .select({ id: bodyMemberships.institutionId })
          .from(bodyMemberships)
          .where(and(eq(bodyMemberships.bodyId, input.bodyId), currentMembership())),
      ),
    );
  }
  return filters.length ? and(...filters) : undefined;
}

/** Creates an institution with its search text and audit entry (create and import). */
export async function insertInstitution(db: Db, actorId: string, fields: z.output<typeof createInstitutionInput>): Promise<Institution> {
  return insertAudited(db, actorId, institutions, {
    values: { ...fields, searchText: toSearchText(fields.name, fields.acronym) },
    audit: { action: "institutions.create", entityType: "institution", fields: editableFields },
  });
}

/** Refuses ids that name no institution, on behalf of the form field that holds them. */
export async function assertInstitutions(db: Db, institutionIds: string[], field: string) {
  const unique = [...new Set(institutionIds)];
  if (unique.length === 0) return;
  const found = await db.select({ id: institutions.id }).from(institutions).where(inArray(institutions.id, unique));
  if (found.length !== unique.length) throw new UseCaseError("invalid", { [field]: { key: "unknownInstitution" } });
}
