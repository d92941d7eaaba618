import { apiOperations as api } from "@/lib/http/api-operations";
import { apiRoute, fromBody, fromQuery } from "@/lib/http/api";

type Params = { projectId: string; studyId: string; findingId: string };

export const GET = apiRoute<Params>(api.getFinding.useCase, fromQuery);
export const PATCH = apiRoute<Params>(api.updateFinding.useCase, fromBody);
