import { apiRoute } from "@/lib/http/api";
import { createEvaluation, listEvaluations } from "@/lib/evaluations/use-cases";

export const GET = apiRoute(listEvaluations);
export const POST = apiRoute(createEvaluation);
