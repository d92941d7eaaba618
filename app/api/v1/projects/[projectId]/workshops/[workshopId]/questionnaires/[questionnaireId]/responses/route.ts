import { apiRoute } from "@/lib/http/api";
import { addQuestionnaireResponse } from "@/lib/questionnaires/use-cases";

export const POST = apiRoute(addQuestionnaireResponse);
