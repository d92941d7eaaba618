import { apiRoute } from "@/lib/http/api";
import { getOfflineRoster } from "@/lib/attendance/offline-roster";

export const GET = apiRoute(getOfflineRoster);
