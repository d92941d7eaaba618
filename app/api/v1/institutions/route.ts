import { apiOperations as api } from "@/lib/http/api-operations";
import { apiRoute, fromBody, fromQuery } from "@/lib/http/api";

export const GET = apiRoute(api.listInstitutions.useCase, fromQuery);
export const POST = apiRoute(api.createInstitution.useCase, fromBody, api.createInstitution.successStatus);
