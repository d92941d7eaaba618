import { apiRoute } from "@/lib/http/api";
import { getAttendanceDay } from "@/lib/attendance/roster";

export const GET = apiRoute(getAttendanceDay);
