import { asc, eq } from "drizzle-orm";
import { z } from "zod";
import { institutions, participants } from "@/db/schema";
import { recordAccess } from "@/lib/access-recording";
import { projectsWithRole } from "@/lib/authz";
import { can, globalAccess } from "@/lib/policy";
import { sortable } from "@/lib/search-text";
import { defineUseCase, type UseCaseCtx } from "@/lib/use-case";
import { listParticipantsInput } from "./schemas";
import { participantFilters } from "./queries";
import { exportParticipantsOutput } from "./responses";

export const maxExportRows = 50_000;

export const exportParticipantsInput = listParticipantsInput.extend({ format: z.enum(["csv", "xlsx"]).default("xlsx") });

export const participantExportColumns = ["familyNames", "givenNames", "sex", "institution", "position", "email", "phone", "consentDate", "consentForm"] as const;

/** The filtered list as rows for a spreadsheet; only staff reach it, and only for the people they may see. */
export const exportParticipants = defineUseCase({
  name: "participants.export",
  http: { method: "get", path: "/participants/export", response: exportParticipantsOutput },
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

/**
 * The projects a downloaded list of people came from, so each person's page can show it: the
 * project filtered by; else every project where the user is staff; for an administrator's
 * unfiltered list, the whole directory (null).
 */
async function listScope(ctx: Pick<UseCaseCtx, "db" | "user">, projectId: string | undefined): Promise<(string | null)[]> {
  if (projectId) return [projectId];
  if (can(globalAccess(ctx.user), "project.readAll")) return [null];
  const rows = await projectsWithRole(ctx);
  return rows.map((r) => r.projectId);
}
