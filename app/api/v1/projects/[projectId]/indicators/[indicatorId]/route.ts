import { apiRoute } from "@/lib/http/api";
import { deleteIndicator, getIndicator, updateIndicator } from "@/lib/indicators/use-cases";

export const GET = apiRoute(getIndicator);
export const PATCH = apiRoute(updateIndicator);
export const DELETE = apiRoute(deleteIndicator);
