import { apiOperations as api } from "@/lib/http/api-operations";
import { apiRoute, fromQuery } from "@/lib/http/api";

export const DELETE = apiRoute<{ projectId: string; studyId: string; sourceId: string }>(api.removeSource.useCase, fromQuery);
