import { apiOperations as api } from "@/lib/http/api-operations";
import { apiRoute, fromBody, fromQuery } from "@/lib/http/api";

type Params = { projectId: string; actionId: string };

export const GET = apiRoute<Params>(api.getAction.useCase, fromQuery);
export const PATCH = apiRoute<Params>(api.updateAction.useCase, fromBody);
