import { eq } from "drizzle-orm";
import { z } from "zod";
import { questionnaires } from "@/db/schema";
import type { Db } from "@/db/client";
import { redactDatabaseError } from "@/lib/database-errors";
import { withinPublicLimit } from "@/lib/public-limit";
import { UseCaseError, type Result } from "@/lib/result";
import { findControlCharacters, toFieldErrors } from "@/lib/validation";
import { questionsOf } from "./store";
import { publicResponseInput } from "./schemas";
import { storeResponse } from "./store";

/** A room of people on one Wi-Fi shares one address: the limit lets a large session answer within a minute. */
export const answersPerAddressPerMinute = 300;

/**
 * A questionnaire as a respondent's phone shows it: its title, kind and questions, never the right
 * answers; "closed" once staff closed it. A draft, or an id that is no questionnaire, is not found.
 */
export async function publicQuestionnaire(db: Db, questionnaireId: string) {
  if (!z.uuid().safeParse(questionnaireId).success) return null;
  const [questionnaire] = await db.select().from(questionnaires).where(eq(questionnaires.id, questionnaireId));
  if (!questionnaire || questionnaire.status === "draft") return null;
  const questions = await questionsOf(db, questionnaire.id);
  return {
    id: questionnaire.id,
    kind: questionnaire.kind,
    title: questionnaire.title,
    open: questionnaire.status === "open",
    questions: questions.map(({ id, type, text, choices }) => ({ id, type, text, choices })),
  };
}

/**
 * A respondent's answers from their own phone: no account, no name. Only while the questionnaire
 * is open, once per id the phone made, within the address's limit; all or nothing.
 */
export async function submitPublicResponse(db: Db, rawInput: unknown, clientAddress: string): Promise<Result<{ id: string; replayed: boolean }>> {
  if (!(await withinPublicLimit(db, "questionnaires.answer", clientAddress, answersPerAddressPerMinute))) return { ok: false, error: "too_many" };
  const controlCharacters = findControlCharacters(rawInput);
  if (controlCharacters) return { ok: false, error: "invalid", fieldErrors: controlCharacters };
  const parsed = publicResponseInput.safeParse(rawInput);
  if (!parsed.success) return { ok: false, error: "invalid", fieldErrors: toFieldErrors(parsed.error) };
  const input = parsed.data;
  try {
    const stored = await db.transaction(async (tx) => {
      const [questionnaire] = await tx.select().from(questionnaires).where(eq(questionnaires.id, input.questionnaireId));
      if (!questionnaire || questionnaire.status === "draft") throw new UseCaseError("not_found");
      if (questionnaire.status === "closed") throw new UseCaseError("conflict", { _form: { key: "questionnaireClosed" } });
      return storeResponse(tx, questionnaire, { ...input, participantId: null, source: "public", submittedById: null });
    });
    return { ok: true, data: { id: stored.id, replayed: stored.replayed } };
  } catch (error) {
    if (error instanceof UseCaseError) return { ok: false, error: error.code, fieldErrors: error.fieldErrors };
    // Whoever logs it must not see the query's values (a pairing code, answers).
    throw redactDatabaseError("questionnaires.answer", error);
  }
}
