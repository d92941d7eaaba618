import { apiRoute } from "@/lib/http/api";
import { getProjectAttendanceTotals } from "@/lib/attendance/totals";

export const GET = apiRoute(getProjectAttendanceTotals);
