import { z } from "zod";
import { findingStatuses, findingThemes, locales, reviewAnswers } from "@/db/schema/values";

/** What each use case of this domain answers (its `http.response`): the API document shows it, the authorization matrix checks it. */

export const answerFindingOutput = z.object({ answered: z.boolean() });

export const awaitingMyReviewOutput = z.array(
  z.object({
    roundId: z.string(),
    roundTitle: z.string(),
    studyId: z.string(),
    findingId: z.string(),
    title: z.object({ original: z.enum(locales), fr: z.string().optional(), es: z.string().optional(), en: z.string().optional() }),
  }),
);

export const closeRoundOutput = z.object({ closed: z.boolean() });

export const commentOnFindingOutput = z.object({ id: z.string() });

export const getRoundOutput = z.object({
  round: z.object({
    id: z.string(),
    createdAt: z.date(),
    title: z.string(),
    studyId: z.string(),
    openedById: z.string().nullable(),
    closedAt: z.date().nullable(),
  }),
  findings: z.array(
    z.object({
      id: z.string(),
      title: z.object({ original: z.enum(locales), fr: z.string().optional(), es: z.string().optional(), en: z.string().optional() }),
      theme: z.enum(findingThemes).nullable(),
      status: z.enum(findingStatuses),
    }),
  ),
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

export const listRoundsOutput = z.array(
  z.object({ waitingFor: z.array(z.string()), id: z.string(), title: z.string(), createdAt: z.date(), closedAt: z.date().nullable() }),
);

export const openRoundOutput = z.object({
  id: z.string(),
  createdAt: z.date(),
  title: z.string(),
  studyId: z.string(),
  openedById: z.string().nullable(),
  closedAt: z.date().nullable(),
});
