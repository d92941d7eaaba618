import { z } from "zod";
import { sourceKinds, studyStatuses } from "@/db/schema/values";
import { contentMatchesType } from "@/lib/http/file-signature";
import { blankToNull, nullableDate } from "@/lib/zod-fields";

/** Uploaded sources are kept in the database; this keeps a study's files within reason. */
export const maxSourceBytes = 20 * 1024 * 1024;
/** Documents and pictures people attach to a study; nothing that runs. */
export const sourceFileTypes = [
  "application/pdf",
  "application/msword",
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  "application/vnd.ms-excel",
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  "application/vnd.oasis.opendocument.text",
  "text/plain",
  "text/csv",
  "image/jpeg",
  "image/png",
] as const;

const studyFields = z.object({
  projectId: z.uuid(),
  title: z.string().trim().min(1).max(200),
  periodStart: nullableDate,
  periodEnd: nullableDate,
  status: z.enum(studyStatuses).default("planning"),
  methodology: z.string().trim().max(20000).default(""),
});

const periodInOrder = {
  check: (v: { periodStart: string | null; periodEnd: string | null }) => !v.periodStart || !v.periodEnd || v.periodEnd >= v.periodStart,
  issue: { message: "endBeforeStart", path: ["periodEnd"] },
};

export const createStudyInput = studyFields.refine(periodInOrder.check, periodInOrder.issue);
export type CreateStudyInput = z.input<typeof createStudyInput>;

export const updateStudyInput = studyFields.extend({ studyId: z.uuid(), version: z.coerce.number().int().min(1) }).refine(periodInOrder.check, periodInOrder.issue);
export type UpdateStudyInput = z.input<typeof updateStudyInput>;

export const studyIdInput = z.object({ projectId: z.uuid(), studyId: z.uuid() });

/** A file as the API receives it (base64) or a form hands it over (bytes); reported indicator values take the same. */
export const uploadedFile = z
  .object({
    name: z.string().trim().min(1).max(255),
    type: z.string().refine((type) => (sourceFileTypes as readonly string[]).includes(type), { message: "fileType" }),
    data: z.union([z.base64().transform((b64) => Buffer.from(b64, "base64")), z.instanceof(Uint8Array).transform((bytes) => Buffer.from(bytes))]),
  })
  // The declared type is the browser's guess from the name: the first bytes must agree with it.
  .refine((file) => file.data.byteLength === 0 || contentMatchesType(file.data, file.type), { message: "fileContentMismatch", path: ["type"] });

export const addSourceInput = studyIdInput
  .extend({
    kind: z.enum(sourceKinds),
    title: z.string().trim().min(1).max(300),
    date: nullableDate,
    url: z.preprocess(
      blankToNull,
      z
        .url({ protocol: /^https?$/ })
        .max(2000)
        .nullable()
        .default(null),
    ),
    workshopId: z.preprocess(blankToNull, z.uuid().nullable().default(null)),
    file: uploadedFile.nullable().default(null),
  })
  .refine((v) => !v.file || v.file.data.byteLength <= maxSourceBytes, { message: "sourceTooLarge", path: ["file"] })
  .refine((v) => !v.file || v.file.data.byteLength > 0, { message: "emptyUpload", path: ["file"] })
  .refine((v) => v.kind !== "workshop" || v.workshopId !== null, { message: "required", path: ["workshopId"] });
export type AddSourceInput = z.input<typeof addSourceInput>;

export const sourceIdInput = studyIdInput.extend({ sourceId: z.uuid() });

/** The API's boolean or the form's "true"/"false"; anything else is refused, never read as false. */
const yesNo = z.preprocess((v) => (v === "true" ? true : v === "false" ? false : v), z.boolean());
export const shareSourceInput = sourceIdInput.extend({ sharedWithPartners: yesNo });
export type ShareSourceInput = z.input<typeof shareSourceInput>;
