import { apiOperations as api } from "@/lib/http/api-operations";
import { apiRoute, fromBody, fromQuery } from "@/lib/http/api";

export const GET = apiRoute<{ projectId: string }>(api.listMembers.useCase, fromQuery);
export const POST = apiRoute<{ projectId: string }>(api.grantRole.useCase, fromBody);
