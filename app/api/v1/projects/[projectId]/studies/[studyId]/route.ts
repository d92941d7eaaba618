import { apiRoute } from "@/lib/http/api";
import { getStudy, updateStudy } from "@/lib/studies/use-cases";

export const GET = apiRoute(getStudy);
export const PATCH = apiRoute(updateStudy);
