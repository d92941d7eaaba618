import { apiOperations as api } from "@/lib/http/api-operations";
import { apiRoute, fromBody, fromQuery } from "@/lib/http/api";

export const GET = apiRoute<{ userId: string }>(api.getUser.useCase, fromQuery);
export const PATCH = apiRoute<{ userId: string }>(api.setUserActive.useCase, fromBody);
