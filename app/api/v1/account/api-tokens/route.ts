import { createApiToken, listApiTokens } from "@/lib/api-tokens/use-cases";
import { apiRoute } from "@/lib/http/api";

export const GET = apiRoute(listApiTokens);
export const POST = apiRoute(createApiToken);
