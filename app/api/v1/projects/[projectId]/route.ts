import { apiOperations as api } from "@/lib/http/api-operations";
import { apiRoute, fromBody, fromQuery } from "@/lib/http/api";

export const GET = apiRoute<{ projectId: string }>(api.getProject.useCase, fromQuery);
export const PATCH = apiRoute<{ projectId: string }>(api.updateProject.useCase, fromBody);
