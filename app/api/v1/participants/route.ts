import { apiOperations as api } from "@/lib/http/api-operations";
import { apiRoute, fromBody, fromQuery } from "@/lib/http/api";

export const GET = apiRoute(api.listParticipants.useCase, fromQuery);
export const POST = apiRoute(api.createParticipant.useCase, fromBody, api.createParticipant.successStatus);
