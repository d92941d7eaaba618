import { apiOperations as api } from "@/lib/http/api-operations";
import { apiRoute, fromBody } from "@/lib/http/api";

export const PUT = apiRoute<{ institutionId: string }>(api.setInstitutionActive.useCase, fromBody);
