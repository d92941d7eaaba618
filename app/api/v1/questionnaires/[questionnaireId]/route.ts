import { getTranslations } from "next-intl/server";
import { publicQuestionnaire } from "@/lib/questionnaires/public";
import { getApiContext } from "@/lib/request-context";

type Params = { params: Promise<{ questionnaireId: string }> };

/** An open or closed questionnaire as a respondent sees it, without the right answers; no account needed. */
export async function GET(_request: Request, { params }: Params) {
  const questionnaire = await publicQuestionnaire((await getApiContext()).db, (await params).questionnaireId);
  if (!questionnaire) return Response.json({ error: "not_found", message: (await getTranslations())("errors.not_found") }, { status: 404 });
  return Response.json(questionnaire, { headers: { "Cache-Control": "no-store" } });
}
