import { apiOperations as api } from "@/lib/http/api-operations";
import { apiRoute, fromBody, fromQuery } from "@/lib/http/api";

type Params = { projectId: string; missionId: string };

export const GET = apiRoute<Params>(api.getMission.useCase, fromQuery);
export const PATCH = apiRoute<Params>(api.updateMission.useCase, fromBody);
