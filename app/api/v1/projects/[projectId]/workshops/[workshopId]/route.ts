import { apiOperations as api } from "@/lib/http/api-operations";
import { apiRoute, fromBody, fromQuery } from "@/lib/http/api";

type Params = { projectId: string; workshopId: string };

export const GET = apiRoute<Params>(api.getWorkshop.useCase, fromQuery);
export const PATCH = apiRoute<Params>(api.updateWorkshop.useCase, fromBody);
