import { z } from "zod";
import { reviewAnswers } from "@/db/schema/values";
import { findingRow } from "@/lib/findings/responses";
import { localizedText } from "@/lib/narrative";

/** What each use case of this domain answers (its `http.response`): the API document shows it, the authorization matrix checks it. */

/** A review round as stored. */
const roundRow = z.object({
  id: z.string(),
  createdAt: z.date(),
  title: z.string(),
  studyId: z.string(),
  openedById: z.string().nullable(),
  closedAt: z.date().nullable(),
});

export const answerFindingOutput = z.object({ answered: z.boolean() });

export const awaitingMyReviewOutput = z.array(
  z.object({
    roundId: z.string(),
    roundTitle: z.string(),
    studyId: z.string(),
    findingId: z.string(),
    title: localizedText,
  }),
);

export const closeRoundOutput = z.object({ closed: z.boolean() });

export const commentOnFindingOutput = z.object({ id: z.string() });

export const getRoundOutput = z.object({
  round: roundRow,
  findings: z.array(findingRow.pick({ id: true, title: true, theme: true, status: true })),
  answers: z.array(
    z.object({
      findingId: z.string(),
      userId: z.string(),
      name: z.string(),
      answer: z.enum(reviewAnswers),
      comment: z.string(),
      updatedAt: z.date(),
    }),
  ),
  comments: z.array(
    z.object({
      mine: z.boolean(),
      authorName: z.string().nullable(),
      id: z.string(),
      findingId: z.string(),
      parentId: z.string().nullable(),
      body: z.string(),
      createdAt: z.date(),
    }),
  ),
  partners: z.array(z.object({ userId: z.string(), name: z.string() })),
  isPartner: z.boolean(),
  canManage: z.boolean(),
});

export const listRoundsOutput = z.array(z.object({ waitingFor: z.array(z.string()), id: z.string(), title: z.string(), createdAt: z.date(), closedAt: z.date().nullable() }));

export const openRoundOutput = roundRow;
