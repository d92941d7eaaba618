import { apiRoute } from "@/lib/http/api";
import { setQuestionnaireStatus } from "@/lib/questionnaires/use-cases";

export const POST = apiRoute(setQuestionnaireStatus);
