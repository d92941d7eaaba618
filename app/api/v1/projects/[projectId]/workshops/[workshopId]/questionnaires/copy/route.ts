import { apiRoute } from "@/lib/http/api";
import { copyQuestionnaire } from "@/lib/questionnaires/use-cases";

export const POST = apiRoute(copyQuestionnaire);
