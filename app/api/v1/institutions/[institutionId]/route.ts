import { apiOperations as api } from "@/lib/http/api-operations";
import { apiRoute, fromBody, fromQuery } from "@/lib/http/api";

export const GET = apiRoute<{ institutionId: string }>(api.getInstitution.useCase, fromQuery);
export const PATCH = apiRoute<{ institutionId: string }>(api.updateInstitution.useCase, fromBody);
