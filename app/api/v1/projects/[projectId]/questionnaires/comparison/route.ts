import { apiRoute } from "@/lib/http/api";
import { compareWorkshopResults } from "@/lib/questionnaires/results";

export const GET = apiRoute(compareWorkshopResults);
