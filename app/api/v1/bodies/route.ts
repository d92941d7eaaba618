import { apiOperations as api } from "@/lib/http/api-operations";
import { apiRoute, fromBody, fromQuery } from "@/lib/http/api";

export const GET = apiRoute(api.listBodies.useCase, fromQuery);
export const POST = apiRoute(api.createBody.useCase, fromBody, api.createBody.successStatus);
