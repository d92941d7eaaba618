import { revokeApiToken } from "@/lib/api-tokens/use-cases";
import { apiRoute } from "@/lib/http/api";

export const POST = apiRoute(revokeApiToken);
