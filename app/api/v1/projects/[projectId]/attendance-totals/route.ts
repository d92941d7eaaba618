import { apiRoute } from "@/lib/http/api";
import { getProjectAttendanceTotals } from "@/lib/attendance/use-cases";

export const GET = apiRoute(getProjectAttendanceTotals);
