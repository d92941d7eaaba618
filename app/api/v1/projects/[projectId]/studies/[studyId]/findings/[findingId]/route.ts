import { apiRoute } from "@/lib/http/api";
import { getFinding, updateFinding } from "@/lib/findings/service";

export const GET = apiRoute(getFinding);
export const PATCH = apiRoute(updateFinding);
