import "server-only";
import { and, eq, ilike, inArray, type SQL } from "drizzle-orm";
import type { z } from "zod";
import type { Db } from "@/db/client";
import { participantAffiliations, participantProjects, participants, type Participant } from "@/db/schema";
import { requireStaffProject } from "@/lib/authz";
import { UseCaseError } from "@/lib/result";
import { containsPattern, toSearchText } from "@/lib/search-text";
import type { UseCaseCtx } from "@/lib/use-case";
import { participantSearchText, phoneKey } from "./names";
import { type createParticipantInput, editableFields, type listParticipantsInput } from "./schemas";
import { writeNameKeys } from "./name-keys";
import { visibleParticipants } from "./visibility";
import { today } from "@/lib/today";
import { insertAudited } from "@/lib/audited-write";

/**
 * The conditions of a participant list (the user's visible people, search and filters), shared by
 * list and export. A project filter names one of the user's own projects: filtering by another
 * would tell which of the people they see that project knows.
 */
export async function participantFilters(ctx: UseCaseCtx, input: z.output<typeof listParticipantsInput>): Promise<SQL | undefined> {
  if (input.projectId) await requireStaffProject(ctx, input.projectId);
  const filters: SQL[] = [eq(participants.isErased, false)];
  const visible = visibleParticipants(ctx);
  if (visible) filters.push(visible);
  if (input.q) filters.push(ilike(participants.searchText, containsPattern(toSearchText(input.q))));
  if (input.institutionId) filters.push(eq(participants.institutionId, input.institutionId));
  if (input.sex) filters.push(eq(participants.sex, input.sex));
  if (input.projectId) {
    filters.push(
      inArray(participants.id, ctx.db.select({ id: participantProjects.participantId }).from(participantProjects).where(eq(participantProjects.projectId, input.projectId))),
    );
  }
  return and(...filters);
}

type ParticipantFields = Omit<z.output<typeof createParticipantInput>, "projectId" | "id">;

/** Creates a person in a project with their first affiliation, name keys and audit entry (create and import). */
export async function insertParticipant(db: Db, actorId: string, projectId: string, fields: ParticipantFields, id?: string): Promise<Participant> {
  const consentRecordedById = fields.consentDate ? actorId : null;
  const created = await insertAudited(db, actorId, participants, {
    values: {
      ...(id ? { id } : {}),
      ...fields,
      consentRecordedById,
      searchText: participantSearchText(fields.givenNames, fields.familyNames),
      phoneKey: phoneKey(fields.phone),
    },
    audit: { action: "participants.create", entityType: "participant", projectId, fields: editableFields },
  });
  await db.insert(participantProjects).values({ participantId: created.id, projectId });
  await db.insert(participantAffiliations).values({ participantId: created.id, institutionId: fields.institutionId, position: fields.position, startDate: today() });
  await writeNameKeys(db, created);
  return created;
}

export async function loadVisibleParticipant(ctx: UseCaseCtx, participantId: string): Promise<Participant> {
  const visible = visibleParticipants(ctx);
  const [row] = await ctx.db
    .select()
    .from(participants)
    .where(visible ? and(eq(participants.id, participantId), visible) : eq(participants.id, participantId))
    .limit(1);
  if (!row) throw new UseCaseError("not_found");
  return row;
}
