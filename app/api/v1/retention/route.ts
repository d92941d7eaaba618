import { apiOperations as api } from "@/lib/http/api-operations";
import { apiRoute, fromQuery } from "@/lib/http/api";

export const GET = apiRoute(api.getRetention.useCase, fromQuery);
