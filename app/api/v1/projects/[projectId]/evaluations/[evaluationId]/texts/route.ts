import { apiOperations as api } from "@/lib/http/api-operations";
import { apiRoute, fromBody } from "@/lib/http/api";

export const PUT = apiRoute<{ projectId: string; evaluationId: string }>(api.translateEvaluation.useCase, fromBody);
