import { apiRoute } from "@/lib/http/api";
import { removeSource, shareSource } from "@/lib/studies/use-cases";

export const PATCH = apiRoute(shareSource);
export const DELETE = apiRoute(removeSource);
