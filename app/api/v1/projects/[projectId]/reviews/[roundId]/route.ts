import { apiOperations as api } from "@/lib/http/api-operations";
import { apiRoute, fromQuery } from "@/lib/http/api";

type Params = { projectId: string; roundId: string };

export const GET = apiRoute<Params>(api.getRound.useCase, fromQuery);
