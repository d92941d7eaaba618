import { apiRoute } from "@/lib/http/api";
import { getBody, updateBody } from "@/lib/bodies/service";

export const GET = apiRoute(getBody);
export const PATCH = apiRoute(updateBody);
