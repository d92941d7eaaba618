import { apiRoute } from "@/lib/http/api";
import { removeSource, shareSource } from "@/lib/studies/service";

export const PATCH = apiRoute(shareSource);
export const DELETE = apiRoute(removeSource);
