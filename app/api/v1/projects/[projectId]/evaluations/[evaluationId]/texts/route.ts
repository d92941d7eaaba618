import { apiRoute } from "@/lib/http/api";
import { translateEvaluation } from "@/lib/evaluations/service";

export const PUT = apiRoute(translateEvaluation);
