import { apiOperations as api } from "@/lib/http/api-operations";
import { apiRoute, fromQuery } from "@/lib/http/api";

export const POST = apiRoute(api.runRetentionNow.useCase, fromQuery, api.runRetentionNow.successStatus);
