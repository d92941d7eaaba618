import { apiRoute } from "@/lib/http/api";
import { createYearlyPeriods } from "@/lib/indicators/use-cases";

export const POST = apiRoute(createYearlyPeriods);
