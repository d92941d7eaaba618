import { apiOperations as api } from "@/lib/http/api-operations";
import { apiRoute, fromBody, fromQuery } from "@/lib/http/api";

type Params = { projectId: string; studyId: string };

export const GET = apiRoute<Params>(api.getStudy.useCase, fromQuery);
export const PATCH = apiRoute<Params>(api.updateStudy.useCase, fromBody);
