import { z } from "zod";
import { scaleSizes } from "@/db/schema/values";
import { blankToNull, narrativeInput, nullableDate } from "@/lib/zod-fields";

const key = z.string().trim().min(1).max(120);

export const createEvaluationInput = z
  .object({
    projectId: z.uuid(),
    title: narrativeInput(200),
    periodStart: nullableDate,
    periodEnd: nullableDate,
    scaleSize: z.coerce.number().pipe(z.union(scaleSizes.map((s) => z.literal(s)) as [z.ZodLiteral<4>, z.ZodLiteral<5>])),
    agreeLevels: z.array(z.coerce.number().int().min(1).max(5)).min(1).max(4),
    minGroupSize: z.coerce.number().int().min(1).max(100).default(5),
    groups: z
      .array(z.object({ key, name: narrativeInput(200) }))
      .min(1)
      .max(20),
    statements: z
      .array(z.object({ key, text: narrativeInput(1000) }))
      .min(1)
      .max(100),
  })
  .refine((v) => v.agreeLevels.every((level) => level <= v.scaleSize), { message: "agreeOnScale", path: ["agreeLevels"] })
  .refine((v) => new Set(v.groups.map((g) => g.key)).size === v.groups.length, { message: "duplicateKey", path: ["groups"] })
  .refine((v) => new Set(v.statements.map((s) => s.key)).size === v.statements.length, { message: "duplicateKey", path: ["statements"] })
  .refine((v) => !v.periodStart || !v.periodEnd || v.periodEnd >= v.periodStart, { message: "endBeforeStart", path: ["periodEnd"] });
export type CreateEvaluationInput = z.input<typeof createEvaluationInput>;

export const evaluationIdInput = z.object({ projectId: z.uuid(), evaluationId: z.uuid() });

/** Pins a statement's figure to the project's dashboard (for everyone, or for one group), or unpins it. */
export const pinInput = evaluationIdInput.extend({
  statementId: z.uuid(),
  // A form sends "true"; anything that is neither a yes nor a no is refused, never read as "unpin".
  pinned: z.preprocess((v) => (v === "true" || v === "1" ? true : v === "false" || v === "0" ? false : v), z.boolean()),
  groupId: z.preprocess(blankToNull, z.uuid().nullable().default(null)),
});

/**
 * The title, the groups' names and the statements' texts in each language, as a manager translates them.
 * Every group and statement sent must belong to the evaluation; those left out keep their texts.
 */
export const translateEvaluationInput = evaluationIdInput.extend({
  version: z.coerce.number().int().min(1),
  title: narrativeInput(200).optional(),
  groups: z
    .array(z.object({ id: z.uuid(), name: narrativeInput(200) }))
    .max(20)
    .default([]),
  statements: z
    .array(z.object({ id: z.uuid(), text: narrativeInput(1000) }))
    .max(100)
    .default([]),
});
export type TranslateEvaluationInput = z.input<typeof translateEvaluationInput>;

/** One respondent's answers, by statement key; a submission id makes sending it again harmless. */
export const addResponseInput = evaluationIdInput.extend({
  group: key,
  externalId: z.preprocess(blankToNull, z.string().trim().max(200).nullable().default(null)),
  answers: z.record(key, z.coerce.number().int().min(1).max(5)).refine((answers) => Object.keys(answers).length > 0, { message: "noAnswers" }),
});
export type AddResponseInput = z.input<typeof addResponseInput>;
