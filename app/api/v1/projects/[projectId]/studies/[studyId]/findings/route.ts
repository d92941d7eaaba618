import { apiOperations as api } from "@/lib/http/api-operations";
import { apiRoute, fromBody, fromQuery } from "@/lib/http/api";

type Params = { projectId: string; studyId: string };

export const GET = apiRoute<Params>(api.listFindings.useCase, fromQuery);
export const POST = apiRoute<Params>(api.createFinding.useCase, fromBody, 201);
