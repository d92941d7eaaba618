import { apiRoute } from "@/lib/http/api";
import { getWorkshopReport } from "@/lib/attendance/report";

export const GET = apiRoute(getWorkshopReport);
