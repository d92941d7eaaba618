import { apiOperations as api } from "@/lib/http/api-operations";
import { apiRoute, fromQuery } from "@/lib/http/api";

type Params = { projectId: string };

export const GET = apiRoute<Params>(api.awaitingMyReview.useCase, fromQuery);
