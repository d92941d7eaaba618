import { aliasedTable, asc, eq } from "drizzle-orm";
import { z } from "zod";
import { institutions, type Institution } from "@/db/schema";
import type { ExportFormat } from "@/lib/spreadsheets/write";
import { sortable } from "@/lib/search-text";
import { defineUseCase } from "@/lib/use-case";
import { listInstitutionsInput } from "./schemas";
import { institutionFilters } from "./queries";
import { exportInstitutionsOutput } from "./responses";

export const maxExportRows = 50_000;

export const exportInstitutionsInput = listInstitutionsInput.extend({ format: z.enum(["csv", "xlsx"]).default("xlsx") });

export const institutionExportColumns = ["name", "acronym", "country", "sector", "kind", "level", "parent", "city", "website"] as const;

export type InstitutionExportRow = Pick<Institution, "name" | "acronym" | "country" | "sector" | "kind" | "level" | "city" | "website"> & {
  parent: string | null;
};

export const exportInstitutions = defineUseCase({
  name: "institutions.export",
  http: { method: "get", path: "/institutions/export", response: exportInstitutionsOutput },
  access: { kind: "directory", permission: "directory.read" },
  input: exportInstitutionsInput,
  write: false,
  async run(ctx, input): Promise<{ format: ExportFormat; rows: InstitutionExportRow[] }> {
    const parent = aliasedTable(institutions, "parent");
    const rows = await ctx.db
      .select({
        name: institutions.name,
        acronym: institutions.acronym,
        country: institutions.country,
        sector: institutions.sector,
        kind: institutions.kind,
        level: institutions.level,
        parent: parent.name,
        city: institutions.city,
        website: institutions.website,
      })
      .from(institutions)
      .leftJoin(parent, eq(parent.id, institutions.parentId))
      .where(institutionFilters(ctx, input))
      .orderBy(asc(sortable(institutions.name)))
      .limit(maxExportRows);
    return { format: input.format, rows };
  },
});
