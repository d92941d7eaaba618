import { apiRoute } from "@/lib/http/api";
import { getEvaluationResults } from "@/lib/evaluations/service";

export const GET = apiRoute(getEvaluationResults);
