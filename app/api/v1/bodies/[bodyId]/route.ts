import { apiOperations as api } from "@/lib/http/api-operations";
import { apiRoute, fromBody, fromQuery } from "@/lib/http/api";

export const GET = apiRoute<{ bodyId: string }>(api.getBody.useCase, fromQuery);
export const PATCH = apiRoute<{ bodyId: string }>(api.updateBody.useCase, fromBody);
