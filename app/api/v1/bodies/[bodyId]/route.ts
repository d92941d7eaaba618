import { apiRoute } from "@/lib/http/api";
import { getBody, updateBody } from "@/lib/bodies/use-cases";

export const GET = apiRoute(getBody);
export const PATCH = apiRoute(updateBody);
