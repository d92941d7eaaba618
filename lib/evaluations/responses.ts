import { z } from "zod";
import { locales } from "@/db/schema/values";

/** What each use case of this domain answers (its `http.response`): the API document shows it, the authorization matrix checks it. */

export const commitResponseImportOutput = z.object({ added: z.number(), skipped: z.number() });

export const previewResponseImportOutput = z.object({
  rows: z.array(
    z.object({
      row: z.number(),
      status: z.enum(["error", "new", "existing"]),
      label: z.string(),
      errors: z.record(
        z.string(),
        z.object({ key: z.string(), values: z.record(z.string(), z.union([z.string(), z.number()])).optional() }),
      ),
      match: z.object({ id: z.string(), label: z.string(), score: z.number() }).optional(),
    }),
  ),
  counts: z.object({ error: z.number(), new: z.number(), existing: z.number() }),
});

export const addResponseOutput = z.object({ added: z.boolean() });

export const createEvaluationOutput = z.object({
  id: z.string(),
  version: z.number(),
  createdAt: z.date(),
  updatedAt: z.date(),
  projectId: z.string(),
  title: z.string(),
  periodStart: z.string().nullable(),
  periodEnd: z.string().nullable(),
  scaleSize: z.number(),
  agreeLevels: z.array(z.number()),
  minGroupSize: z.number(),
});

export const getEvaluationResultsOutput = z.object({
  evaluation: z.object({
    id: z.string(),
    version: z.number(),
    createdAt: z.date(),
    updatedAt: z.date(),
    projectId: z.string(),
    title: z.string(),
    periodStart: z.string().nullable(),
    periodEnd: z.string().nullable(),
    scaleSize: z.number(),
    agreeLevels: z.array(z.number()),
    minGroupSize: z.number(),
  }),
  groups: z.array(
    z.object({
      id: z.string(),
      evaluationId: z.string(),
      key: z.string(),
      name: z.object({ original: z.enum(locales), fr: z.string().optional(), es: z.string().optional(), en: z.string().optional() }),
    }),
  ),
  respondents: z.number(),
  results: z.array(
    z.object({
      statementId: z.string(),
      key: z.string(),
      text: z.object({ original: z.enum(locales), fr: z.string().optional(), es: z.string().optional(), en: z.string().optional() }),
      pinned: z.boolean(),
      pinnedGroupId: z.string().nullable(),
      overall: z.union([
        z.object({ shown: z.literal(true), n: z.number(), agree: z.number(), percent: z.number() }),
        z.object({ shown: z.literal(false), reason: z.enum(["tooFew", "protectsSmallGroup"]) }),
      ]),
      distribution: z.array(z.number()).nullable(),
      groups: z.array(
        z.object({
          groupId: z.string(),
          key: z.string(),
          figure: z.union([
            z.object({ shown: z.literal(true), n: z.number(), agree: z.number(), percent: z.number() }),
            z.object({ shown: z.literal(false), reason: z.enum(["tooFew", "protectsSmallGroup"]) }),
          ]),
        }),
      ),
    }),
  ),
  canImport: z.boolean(),
  canPin: z.boolean(),
});

export const listEvaluationsOutput = z.array(
  z.object({
    id: z.string(),
    title: z.string(),
    periodStart: z.string().nullable(),
    periodEnd: z.string().nullable(),
    respondents: z.number(),
  }),
);

export const pinStatementOutput = z.object({ pinned: z.boolean() });

export const translateEvaluationOutput = z.object({ version: z.number() });
