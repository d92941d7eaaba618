import { apiRoute } from "@/lib/http/api";
import { getFinding, updateFinding } from "@/lib/findings/use-cases";

export const GET = apiRoute(getFinding);
export const PATCH = apiRoute(updateFinding);
