import { apiRoute } from "@/lib/http/api";
import { getRetention } from "@/lib/retention/use-cases";

export const GET = apiRoute(getRetention);
