import { apiRoute } from "@/lib/http/api";
import { searchCheckIn } from "@/lib/attendance/roster";

export const GET = apiRoute(searchCheckIn);
