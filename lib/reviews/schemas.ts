import { z } from "zod";
import { reviewAnswers } from "@/db/schema/values";
import { idList } from "@/lib/id-list";
import { blankToNull } from "@/lib/zod-fields";

export const openRoundInput = z.object({
  projectId: z.uuid(),
  studyId: z.uuid(),
  title: z.string().trim().min(1).max(200),
  findingIds: idList(200).refine((ids) => ids.length > 0, { message: "required" }),
  partnerIds: idList(100).refine((ids) => ids.length > 0, { message: "required" }),
});
export type OpenRoundInput = z.input<typeof openRoundInput>;

export const roundIdInput = z.object({ projectId: z.uuid(), roundId: z.uuid() });
export const studyRoundsInput = z.object({ projectId: z.uuid(), studyId: z.uuid() });

export const answerInput = roundIdInput.extend({
  findingId: z.uuid(),
  answer: z.enum(reviewAnswers),
  comment: z.string().trim().max(5000).default(""),
});
export type AnswerInput = z.input<typeof answerInput>;

export const commentInput = roundIdInput.extend({
  findingId: z.uuid(),
  body: z.string().trim().min(1).max(5000),
  parentId: z.preprocess(blankToNull, z.uuid().nullable().default(null)),
});
export type CommentInput = z.input<typeof commentInput>;
