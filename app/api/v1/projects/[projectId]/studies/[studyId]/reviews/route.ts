import { apiOperations as api } from "@/lib/http/api-operations";
import { apiRoute, fromBody, fromQuery } from "@/lib/http/api";

type Params = { projectId: string; studyId: string };

export const GET = apiRoute<Params>(api.listRounds.useCase, fromQuery);
export const POST = apiRoute<Params>(api.openRound.useCase, fromBody, 201);
