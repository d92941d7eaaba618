import { apiRoute } from "@/lib/http/api";
import { createQuestionnaire, getWorkshopQuestionnaires } from "@/lib/questionnaires/use-cases";

export const GET = apiRoute(getWorkshopQuestionnaires);
export const POST = apiRoute(createQuestionnaire);
