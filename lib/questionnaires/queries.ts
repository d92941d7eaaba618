import "server-only";
import { and, eq } from "drizzle-orm";
import { questionnaires, type Questionnaire } from "@/db/schema";
import type { Db } from "@/db/client";
import { UseCaseError } from "@/lib/result";

/** A questionnaire of the workshop named, or "not found" (never another workshop's). */
export async function loadQuestionnaire(db: Db, workshopId: string, questionnaireId: string): Promise<Questionnaire> {
  const [row] = await db
    .select()
    .from(questionnaires)
    .where(and(eq(questionnaires.id, questionnaireId), eq(questionnaires.workshopId, workshopId)));
  if (!row) throw new UseCaseError("not_found");
  return row;
}
