import { z } from "zod";
import { resultLevels } from "@/db/schema/values";
import { localizedText } from "@/lib/narrative";

/** What each use case of this domain answers (its `http.response`): the API document shows it, the authorization matrix checks it. */

/** An expected result as stored. */
export const resultRow = z.object({
  id: z.string(),
  projectId: z.string(),
  parentId: z.string().nullable(),
  level: z.enum(resultLevels),
  code: z.string(),
  statement: localizedText,
  position: z.number(),
  version: z.number(),
  createdAt: z.date(),
  updatedAt: z.date(),
});

export const getLogicModelOutput = z.object({
  results: z.array(resultRow),
  canEdit: z.boolean(),
});

export const createResultOutput = resultRow;
export const updateResultOutput = resultRow;
export const moveResultOutput = z.object({ moved: z.boolean() });
export const deleteResultOutput = z.object({ deleted: z.boolean() });
export const suggestCodeOutput = z.object({ code: z.string().nullable() });
