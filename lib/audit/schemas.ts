import { z } from "zod";
import { auditEntityTypes } from "@/lib/audit";
import { pageInput } from "@/lib/use-case";
import { emptyToUndefined } from "@/lib/zod-fields";

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
