import { apiRoute } from "@/lib/http/api";
import { getEvaluationResults } from "@/lib/evaluations/use-cases";

export const GET = apiRoute(getEvaluationResults);
