import { z } from "zod";
import { pageOf } from "@/lib/http/declaration";

/** What each use case of this domain answers (its `http.response`): the API document shows it, the authorization matrix checks it. */

const accessLogShape = z.object({
  id: z.string(),
  at: z.date(),
  actorId: z.string().nullable(),
  actorName: z.string().nullable(),
  action: z.enum(["participant.view", "file.download", "duplicates.review"]),
  resource: z.string(),
  participantId: z.string().nullable(),
  participantName: z.string().nullable(),
  participantErased: z.boolean().nullable(),
  projectId: z.string().nullable(),
  projectCode: z.string().nullable(),
  workshopId: z.string().nullable(),
  workshopTitle: z.string().nullable(),
});

export const listAccessLogOutput = pageOf(accessLogShape);

export const listPersonAccessesOutput = listAccessLogOutput;
