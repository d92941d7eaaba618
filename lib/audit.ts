import type { Db } from "@/db/client";
import { auditEntries, type FieldChanges } from "@/db/schema";

/** Every kind of record the audit trail holds: recordAudit accepts only these, and the audit page names each one. */
export const auditEntityTypes = [
  "user",
  "project",
  "project_member",
  "institution",
  "coordination_body",
  "participant",
  "mission",
  "workshop",
  "study",
  "finding",
  "improvement_action",
  "evaluation",
  "expected_result",
  "indicator",
  "reporting_period",
] as const;
export type AuditEntityType = (typeof auditEntityTypes)[number];

type AuditInput = {
  actorId: string | null;
  action: string;
  entityType: AuditEntityType;
  entityId: string;
  projectId?: string | null;
  changes: FieldChanges;
};

export async function recordAudit(db: Db, entry: AuditInput): Promise<void> {
  await db.insert(auditEntries).values({ ...entry, projectId: entry.projectId ?? null });
}

/** The fields whose value differs, with before and after; secrets are never listed by value. */
export function diffFields<T extends Record<string, unknown>>(before: Partial<T> | null, after: Partial<T>, fields: readonly (keyof T & string)[]): FieldChanges {
  const changes: FieldChanges = {};
  for (const field of fields) {
    const was = before ? (before[field] ?? null) : null;
    const now = after[field] ?? null;
    if (JSON.stringify(was) !== JSON.stringify(now)) changes[field] = { before: was, after: now };
  }
  return changes;
}

/** The change of something a row does not hold (a team, a list of links), under one name, when it differs. */
export function changeOf(field: string, before: unknown, after: unknown): FieldChanges {
  return JSON.stringify(before) === JSON.stringify(after) ? {} : { [field]: { before, after } };
}
