import { z } from "zod";
import { accessActions } from "@/db/schema";
import { pageInput } from "@/lib/use-case";
import { emptyToUndefined } from "@/lib/zod-fields";

const optionalUuid = z.preprocess(emptyToUndefined, z.uuid().optional());
const optionalDate = z.preprocess(emptyToUndefined, z.iso.date().optional());

export const listAccessLogInput = z
  .object({
    actorId: optionalUuid,
    participantId: optionalUuid,
    action: z.preprocess(emptyToUndefined, z.enum(accessActions).optional()),
    from: optionalDate,
    to: optionalDate,
    ...pageInput,
  })
  .refine((v) => !v.from || !v.to || v.from <= v.to, { message: "endBeforeStart", path: ["to"] });
export type ListAccessLogInput = z.input<typeof listAccessLogInput>;

export const personAccessesInput = z.object({ participantId: z.uuid(), ...pageInput });
