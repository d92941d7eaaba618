import { apiOperations as api } from "@/lib/http/api-operations";
import { apiRoute, fromBody } from "@/lib/http/api";

export const POST = apiRoute<{ projectId: string; evaluationId: string }>(api.pinStatement.useCase, fromBody);
