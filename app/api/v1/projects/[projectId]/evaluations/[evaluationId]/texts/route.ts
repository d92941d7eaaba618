import { apiRoute } from "@/lib/http/api";
import { translateEvaluation } from "@/lib/evaluations/use-cases";

export const PUT = apiRoute(translateEvaluation);
