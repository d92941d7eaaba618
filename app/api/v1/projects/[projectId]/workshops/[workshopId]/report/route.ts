import { apiRoute } from "@/lib/http/api";
import { getWorkshopReport } from "@/lib/attendance/use-cases";

export const GET = apiRoute(getWorkshopReport);
