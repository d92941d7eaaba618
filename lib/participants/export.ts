import { asc, eq } from "drizzle-orm";
import { z } from "zod";
import { institutions, participants } from "@/db/schema";
import { recordAccess } from "@/lib/access-recording";
import { listScope } from "@/lib/access-log/scope";
import { sortable } from "@/lib/search-text";
import { defineUseCase } from "@/lib/use-case";
import { listParticipantsInput } from "./schemas";
import { participantFilters } from "./service";

export const maxExportRows = 50_000;

export const exportParticipantsInput = listParticipantsInput.extend({ format: z.enum(["csv", "xlsx"]).default("xlsx") });

export const participantExportColumns = ["familyNames", "givenNames", "sex", "institution", "position", "email", "phone", "consentDate", "consentForm"] as const;

/** The filtered list as rows for a spreadsheet; only staff reach it, and only for the people they may see. */
export const exportParticipants = defineUseCase({
  name: "participants.export",
  access: { kind: "directory", permission: "participants.read" },
  input: exportParticipantsInput,
  write: false,
  async run(ctx, input) {
    const where = await participantFilters(ctx, input);
    const rows = await ctx.db
      .select({
        familyNames: participants.familyNames,
        givenNames: participants.givenNames,
        sex: participants.sex,
        institution: institutions.name,
        position: participants.position,
        email: participants.email,
        phone: participants.phone,
        consentDate: participants.consentDate,
        consentForm: participants.consentForm,
      })
      .from(participants)
      .leftJoin(institutions, eq(institutions.id, participants.institutionId))
      .where(where)
      .orderBy(asc(sortable(participants.familyNames)), asc(sortable(participants.givenNames)))
      .limit(maxExportRows);
    const scope = await listScope(ctx, input.projectId);
    await recordAccess(ctx, scope.map((projectId) => ({ action: "file.download" as const, resource: "participants.export", projectId })));
    return { format: input.format, rows };
  },
});
