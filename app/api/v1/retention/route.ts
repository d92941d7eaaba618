import { apiRoute } from "@/lib/http/api";
import { getRetention } from "@/lib/retention/service";

export const GET = apiRoute(getRetention);
