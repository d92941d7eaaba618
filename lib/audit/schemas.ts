import { z } from "zod";
import { pageInput } from "@/lib/use-case";
import { emptyToUndefined } from "@/lib/zod-fields";

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
] as const;
export type AuditEntityType = (typeof auditEntityTypes)[number];

const optionalUuid = z.preprocess(emptyToUndefined, z.uuid().optional());
const optionalDate = z.preprocess(emptyToUndefined, z.iso.date().optional());

export const listAuditInput = z
  .object({
    actorId: optionalUuid,
    entityType: z.preprocess(emptyToUndefined, z.enum(auditEntityTypes).optional()),
    from: optionalDate,
    to: optionalDate,
    ...pageInput,
  })
  .refine((v) => !v.from || !v.to || v.from <= v.to, { message: "endBeforeStart", path: ["to"] });
export type ListAuditInput = z.input<typeof listAuditInput>;
