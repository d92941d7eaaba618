import { apiRoute } from "@/lib/http/api";
import { updateQuestionnaire } from "@/lib/questionnaires/use-cases";

export const PUT = apiRoute(updateQuestionnaire);
