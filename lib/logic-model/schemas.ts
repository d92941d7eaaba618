import { z } from "zod";
import { blankToNull, blankToUndefined, narrativeInput } from "@/lib/zod-fields";

/** GAC numbers results 1000, 1100, 1110, 1111; a project may use its own scheme, within reason. */
const code = z
  .string()
  .trim()
  .min(1)
  .max(20)
  .regex(/^[A-Za-z0-9][A-Za-z0-9.-]*$/);
const parentId = z.preprocess(blankToNull, z.uuid().nullable().default(null));

export const resultIdInput = z.object({ projectId: z.uuid(), resultId: z.uuid() });

/** A new result under `parentId` (none: the ultimate outcome); a code left blank takes the next one suggested. */
export const createResultInput = z.object({
  projectId: z.uuid(),
  parentId,
  code: z.preprocess(blankToUndefined, code.optional()),
  statement: narrativeInput(1000),
});
export type CreateResultInput = z.input<typeof createResultInput>;

/** A result's code and statement, and the result it sits under (moving it keeps its level). */
export const updateResultInput = resultIdInput.extend({
  version: z.coerce.number().int().min(1),
  parentId,
  code,
  statement: narrativeInput(1000),
});
export type UpdateResultInput = z.input<typeof updateResultInput>;

/** One step up or down among the results under the same parent. */
export const moveResultInput = resultIdInput.extend({ direction: z.enum(["up", "down"]) });
