import { apiOperations as api } from "@/lib/http/api-operations";
import { apiRoute, fromBody } from "@/lib/http/api";

type Params = { projectId: string; roundId: string };

export const POST = apiRoute<Params>(api.closeRound.useCase, fromBody);
