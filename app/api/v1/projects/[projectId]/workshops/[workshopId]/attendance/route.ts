import { apiRoute } from "@/lib/http/api";
import { getAttendanceDay } from "@/lib/attendance/use-cases";

export const GET = apiRoute(getAttendanceDay);
