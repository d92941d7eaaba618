import { apiOperations as api } from "@/lib/http/api-operations";
import { apiRoute, fromBody, fromQuery } from "@/lib/http/api";

export const GET = apiRoute<{ participantId: string }>(api.getParticipant.useCase, fromQuery);
export const PATCH = apiRoute<{ participantId: string }>(api.updateParticipant.useCase, fromBody);
