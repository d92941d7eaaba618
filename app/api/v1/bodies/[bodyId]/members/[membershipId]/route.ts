import { apiOperations as api } from "@/lib/http/api-operations";
import { apiRoute, fromBody, fromQuery } from "@/lib/http/api";

export const PATCH = apiRoute<{ bodyId: string; membershipId: string }>(api.endBodyMembership.useCase, fromBody);
export const DELETE = apiRoute<{ bodyId: string; membershipId: string }>(api.removeBodyMembership.useCase, fromQuery);
