import { apiRoute } from "@/lib/http/api";
import { createPeriod, listPeriods } from "@/lib/indicators/use-cases";

export const GET = apiRoute(listPeriods);
export const POST = apiRoute(createPeriod);
