import { apiOperations as api } from "@/lib/http/api-operations";
import { apiRoute, fromBody, fromQuery } from "@/lib/http/api";

type Params = { projectId: string; studyId: string; sourceId: string };

export const PATCH = apiRoute<Params>(api.shareSource.useCase, fromBody);
export const DELETE = apiRoute<Params>(api.removeSource.useCase, fromQuery);
