import { apiRoute } from "@/lib/http/api";
import { getOfflineRoster } from "@/lib/attendance/use-cases";

export const GET = apiRoute(getOfflineRoster);
