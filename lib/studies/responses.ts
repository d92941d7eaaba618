import { z } from "zod";
import { sourceKinds, studyStatuses } from "@/db/schema/values";
import { sourceFileTypes } from "./schemas";

/** What each use case of this domain answers (its `http.response`): the API document shows it, the authorization matrix checks it. */

export const studyShape = z.object({
  id: z.string(),
  status: z.enum(studyStatuses),
  version: z.number(),
  createdAt: z.date(),
  updatedAt: z.date(),
  projectId: z.string(),
  title: z.string(),
  periodStart: z.string().nullable(),
  periodEnd: z.string().nullable(),
  methodology: z.string(),
});

export const addSourceOutput = z.object({ id: z.string(), title: z.string(), fileSize: z.number().nullable() });

export const createStudyOutput = studyShape;

export const getStudyOutput = z.object({
  study: studyShape,
  sources: z.array(
    z.object({
      id: z.string(),
      kind: z.enum(sourceKinds),
      title: z.string(),
      date: z.string().nullable(),
      url: z.string().nullable(),
      workshopId: z.string().nullable(),
      workshopTitle: z.string().nullable(),
      fileName: z.string().nullable(),
      fileSize: z.number().nullable(),
      sharedWithPartners: z.boolean(),
    }),
  ),
  evidenceInstitutions: z.array(z.object({ id: z.string(), name: z.string() })),
  canEdit: z.boolean(),
});

export const listStudiesOutput = z.array(studyShape.pick({ id: true, title: true, periodStart: true, periodEnd: true, status: true }).extend({ findings: z.number() }));

export const removeSourceOutput = z.object({ removed: z.boolean() });

export const shareSourceOutput = z.object({ sharedWithPartners: z.boolean(), changed: z.boolean() });

export const updateStudyOutput = studyShape;

export const getSourceFileOutput = { file: sourceFileTypes } as const;
