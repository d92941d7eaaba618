import { apiRoute } from "@/lib/http/api";
import { getQuestionnaireResults } from "@/lib/questionnaires/results";

export const GET = apiRoute(getQuestionnaireResults);
