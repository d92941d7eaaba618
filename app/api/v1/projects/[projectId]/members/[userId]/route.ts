import { apiOperations as api } from "@/lib/http/api-operations";
import { apiRoute, fromQuery } from "@/lib/http/api";

export const DELETE = apiRoute<{ projectId: string; userId: string }>(api.revokeRole.useCase, fromQuery);
