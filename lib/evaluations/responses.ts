import { z } from "zod";
import { localizedText } from "@/lib/narrative";

/** What each use case of this domain answers (its `http.response`): the API document shows it, the authorization matrix checks it. */

/** An evaluation as stored. */
const evaluationRow = z.object({
  id: z.string(),
  version: z.number(),
  createdAt: z.date(),
  updatedAt: z.date(),
  projectId: z.string(),
  title: localizedText,
  periodStart: z.string().nullable(),
  periodEnd: z.string().nullable(),
  scaleSize: z.number(),
  agreeLevels: z.array(z.number()),
  minGroupSize: z.number(),
});

/** A share of agreement, or why it is withheld; the projects domain imports it for pinned statements. */
export const agreementFigure = z.union([
  z.object({ shown: z.literal(true), n: z.number(), agree: z.number(), percent: z.number() }),
  z.object({ shown: z.literal(false), reason: z.enum(["tooFew", "protectsSmallGroup"]) }),
]);

export const addResponseOutput = z.object({ added: z.boolean() });

export const createEvaluationOutput = evaluationRow;

export const getEvaluationResultsOutput = z.object({
  evaluation: evaluationRow,
  groups: z.array(z.object({ id: z.string(), evaluationId: z.string(), key: z.string(), name: localizedText })),
  respondents: z.number(),
  results: z.array(
    z.object({
      statementId: z.string(),
      key: z.string(),
      text: localizedText,
      pinned: z.boolean(),
      pinnedGroupId: z.string().nullable(),
      overall: agreementFigure,
      distribution: z.array(z.number()).nullable(),
      groups: z.array(z.object({ groupId: z.string(), key: z.string(), figure: agreementFigure })),
    }),
  ),
  canImport: z.boolean(),
  canPin: z.boolean(),
});

export const listEvaluationsOutput = z.array(evaluationRow.pick({ id: true, title: true, periodStart: true, periodEnd: true }).extend({ respondents: z.number() }));

export const pinStatementOutput = z.object({ pinned: z.boolean() });

export const translateEvaluationOutput = z.object({ version: z.number() });
