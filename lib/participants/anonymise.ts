import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { attendanceExcuses, auditEntries, participantAffiliations, participantNameKeys, participants, type FieldChanges } from "@/db/schema";
import { personalFields } from "./schemas";

/** What stands where an erased person's data was, in their record's audit history. */
export const erasedMark = "•••";

/**
 * Removes a person's names, contact details, positions and the reasons given for their absences,
 * also from the audit trail; sex, institution and attendance stay. Shared by erasure and the retention job.
 */
export async function anonymiseParticipant(db: Db, participantId: string): Promise<void> {
  await db
    .update(participants)
    .set({
      givenNames: "",
      familyNames: "",
      position: "",
      email: null,
      phone: null,
      phoneKey: null,
      preferredLanguage: null,
      searchText: "",
      isErased: true,
      erasedAt: new Date(),
      updatedAt: new Date(),
    })
    .where(eq(participants.id, participantId));
  await db.update(participantAffiliations).set({ position: "" }).where(eq(participantAffiliations.participantId, participantId));
  await db.update(attendanceExcuses).set({ reason: erasedMark }).where(eq(attendanceExcuses.participantId, participantId));
  await db.delete(participantNameKeys).where(eq(participantNameKeys.participantId, participantId));
  const entries = await db
    .select({ id: auditEntries.id, changes: auditEntries.changes })
    .from(auditEntries)
    .where(and(eq(auditEntries.entityType, "participant"), eq(auditEntries.entityId, participantId)));
  for (const entry of entries) {
    await db
      .update(auditEntries)
      .set({ changes: scrub(entry.changes) })
      .where(eq(auditEntries.id, entry.id));
  }
}

function scrub(changes: FieldChanges): FieldChanges {
  const personal = new Set<string>([...personalFields, "mergedFrom", "distinctFrom"]);
  return Object.fromEntries(
    Object.entries(changes).map(([field, change]) => [
      field,
      personal.has(field) ? { before: change.before === null ? null : erasedMark, after: change.after === null ? null : erasedMark } : change,
    ]),
  );
}
