import { apiRoute } from "@/lib/http/api";
import { getAction, updateAction } from "@/lib/improvement-actions/use-cases";

export const GET = apiRoute(getAction);
export const PATCH = apiRoute(updateAction);
