import { apiOperations as api } from "@/lib/http/api-operations";
import { apiRoute, fromBody, fromQuery } from "@/lib/http/api";

type Params = { projectId: string };

export const GET = apiRoute<Params>(api.listEvaluations.useCase, fromQuery);
export const POST = apiRoute<Params>(api.createEvaluation.useCase, fromBody, 201);
