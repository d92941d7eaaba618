import { z } from "zod";
import { actionStatuses, findingStatuses, missionStatuses, resultLevels, workshopStatuses, workshopTypes } from "@/db/schema/values";
import { localizedText } from "@/lib/narrative";
import { linkedResultRow } from "@/lib/result-links/responses";

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

export const getResultOutput = z.object({
  result: resultRow,
  parent: linkedResultRow.nullable(),
  linked: z.object({
    workshops: z.array(
      z.object({ id: z.string(), title: z.string(), type: z.enum(workshopTypes), city: z.string(), startDate: z.string(), endDate: z.string(), status: z.enum(workshopStatuses) }),
    ),
    missions: z.array(z.object({ id: z.string(), title: localizedText, startDate: z.string(), endDate: z.string(), status: z.enum(missionStatuses) })),
    actions: z.array(z.object({ id: z.string(), title: z.string(), status: z.enum(actionStatuses), dueDate: z.string().nullable() })),
    findings: z.array(z.object({ id: z.string(), studyId: z.string(), title: localizedText, status: z.enum(findingStatuses) })),
  }),
  canEdit: z.boolean(),
});

export const createResultOutput = resultRow;
export const updateResultOutput = resultRow;
export const moveResultOutput = z.object({ moved: z.boolean() });
export const deleteResultOutput = z.object({ deleted: z.boolean() });
export const suggestCodeOutput = z.object({ code: z.string().nullable() });
