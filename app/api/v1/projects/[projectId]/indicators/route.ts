import { apiRoute } from "@/lib/http/api";
import { createIndicator, listIndicators } from "@/lib/indicators/use-cases";

export const GET = apiRoute(listIndicators);
export const POST = apiRoute(createIndicator);
