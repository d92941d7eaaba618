import { apiOperations as api } from "@/lib/http/api-operations";
import { apiRoute, fromBody, fromQuery } from "@/lib/http/api";

export const GET = apiRoute(api.listUsers.useCase, fromQuery);
export const POST = apiRoute(api.createUser.useCase, fromBody, api.createUser.successStatus);
