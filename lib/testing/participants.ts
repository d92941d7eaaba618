import { asc, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { auditEntries, distinctParticipants, institutions, participantAffiliations, participantNameKeys, participantProjects, participants, type Participant } from "@/db/schema";
import type { CreateParticipantInput, UpdateParticipantInput } from "@/lib/participants/schemas";
import { toSearchText } from "@/lib/search-text";
import { snapshotCounts, uniqueTag } from "./helpers";

/** A valid participant form for `projectId`; name it through the overrides. */
export const participantForm = (projectId: string, overrides: Partial<CreateParticipantInput> = {}): CreateParticipantInput => ({
  projectId,
  givenNames: "Ana",
  familyNames: "Prueba",
  sex: "woman",
  ...overrides,
});

/** The edit form of a participant as loaded, with some fields changed. */
export const participantEditForm = (participant: Participant, overrides: Partial<UpdateParticipantInput> = {}): UpdateParticipantInput => ({
  participantId: participant.id,
  version: participant.version,
  givenNames: participant.givenNames,
  familyNames: participant.familyNames,
  sex: participant.sex,
  institutionId: participant.institutionId,
  position: participant.position,
  email: participant.email,
  phone: participant.phone,
  preferredLanguage: participant.preferredLanguage,
  consentDate: participant.consentDate,
  consentForm: participant.consentForm,
  ...overrides,
});

/** An institution row inserted directly (the directory's own rules are tested elsewhere). */
export async function insertInstitution(db: Db, name = `Institución ${uniqueTag()}`) {
  const [row] = await db
    .insert(institutions)
    .values({ name, country: "HN", sector: "state", kind: "prosecutor_office", level: "national", searchText: toSearchText(name) })
    .returning();
  return row!;
}

/** Makes a participant known to one more project, as attendance there would. */
export async function linkToProject(db: Db, participantId: string, projectId: string) {
  await db.insert(participantProjects).values({ participantId, projectId });
}

export async function participantRow(db: Db, participantId: string) {
  const [row] = await db.select().from(participants).where(eq(participants.id, participantId));
  return row;
}

export async function projectIdsOf(db: Db, participantId: string) {
  const rows = await db.select({ projectId: participantProjects.projectId }).from(participantProjects).where(eq(participantProjects.participantId, participantId));
  return rows.map((r) => r.projectId).sort();
}

export async function affiliationsOf(db: Db, participantId: string) {
  return db
    .select({
      institutionId: participantAffiliations.institutionId,
      position: participantAffiliations.position,
      startDate: participantAffiliations.startDate,
      endDate: participantAffiliations.endDate,
    })
    .from(participantAffiliations)
    .where(eq(participantAffiliations.participantId, participantId))
    .orderBy(asc(participantAffiliations.endDate), asc(participantAffiliations.position));
}

export async function nameKeysOf(db: Db, participantId: string) {
  const rows = await db.select({ key: participantNameKeys.key }).from(participantNameKeys).where(eq(participantNameKeys.participantId, participantId));
  return rows.map((r) => r.key).sort();
}

/** Row counts of every table a participant write touches, to show a refusal wrote nothing. */
export const participantCounts = (db: Db) =>
  snapshotCounts(db, { participants, participantProjects, participantAffiliations, participantNameKeys, distinctParticipants, auditEntries });

/** The audit entries whose changes mention `needle` anywhere (case-insensitive), as stored JSON. */
export async function auditEntriesMentioning(db: Db, needle: string) {
  const rows = await db.select({ id: auditEntries.id, action: auditEntries.action, entityId: auditEntries.entityId, changes: auditEntries.changes }).from(auditEntries);
  return rows.filter((r) => JSON.stringify(r.changes).toLowerCase().includes(needle.toLowerCase()));
}
