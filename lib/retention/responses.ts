import { z } from "zod";
import { pageOf } from "@/lib/http/declaration";
import { localizedText } from "@/lib/narrative";

/** What each use case of this domain answers (its `http.response`): the API document shows it, the authorization matrix checks it. */

export const getRetentionOutput = z.object({
  today: z.string(),
  projects: z.array(
    z.object({
      projectId: z.string(),
      code: z.string(),
      name: localizedText,
      endDate: z.string(),
      retentionYears: z.number(),
      legalHold: z.boolean(),
      dueOn: z.string(),
      peopleDue: z.number(),
      peopleHeld: z.number(),
    }),
  ),
  runs: pageOf(
    z.object({
      id: z.string(),
      ranAt: z.date(),
      projectCode: z.string().nullable(),
      actorName: z.string().nullable(),
      isDaily: z.boolean(),
      peopleCount: z.number(),
    }),
  ),
});

export const runRetentionNowOutput = z.object({ people: z.number(), projects: z.number() });
