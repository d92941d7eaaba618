import { z } from "zod";
import { actionStatuses, findingPriorities, findingStatuses, findingThemes, sourceKinds, studyStatuses } from "@/db/schema/values";
import { localizedText } from "@/lib/narrative";
import { fileTypes } from "@/lib/http/declaration";
import { sourceFileTypes } from "./schemas";

/** What each use case of this domain answers (its `http.response`): the API document shows it, the authorization matrix checks it. */

const studyShape = z.object({
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

export const getStudyReportOutput = z.object({
  study: studyShape,
  findings: z.array(
    z.object({
      workshops: z.array(z.object({ findingId: z.string(), title: z.string(), day: z.string().nullable() })),
      sources: z.array(z.string()),
      reportedBy: z.array(z.string()),
      concerned: z.array(z.string()),
      review: z.object({ agree: z.number().optional(), disagree: z.number().optional(), needs_change: z.number().optional() }),
      actions: z.array(z.string()),
      id: z.string(),
      theme: z.enum(findingThemes).nullable(),
      projectThemeName: localizedText.nullable(),
      title: localizedText,
      description: localizedText,
      priority: z.enum(findingPriorities),
      status: z.enum(findingStatuses),
    }),
  ),
  actions: z.array(
    z.object({
      overdue: z.boolean(),
      findingIds: z.array(z.string()),
      institutions: z.array(z.string()),
      id: z.string(),
      title: z.string(),
      status: z.enum(actionStatuses),
      progress: z.number(),
      dueDate: z.string().nullable(),
      ownerName: z.string().nullable(),
    }),
  ),
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

export const listStudiesOutput = z.array(
  studyShape.pick({ id: true, title: true, periodStart: true, periodEnd: true, status: true }).extend({ findings: z.number() }),
);

export const removeSourceOutput = z.object({ removed: z.boolean() });

export const shareSourceOutput = z.object({ sharedWithPartners: z.boolean(), changed: z.boolean() });

export const updateStudyOutput = studyShape;

export const studyExportOutput = { file: [fileTypes.docx, fileTypes.pdf, fileTypes.xlsx] } as const;

export const getSourceFileOutput = { file: sourceFileTypes } as const;
