import { apiOperations as api } from "@/lib/http/api-operations";
import { apiRoute, fromBody, fromQuery } from "@/lib/http/api";

type Params = { projectId: string };

export const GET = apiRoute<Params>(api.listActions.useCase, fromQuery);
export const POST = apiRoute<Params>(api.createAction.useCase, fromBody, 201);
