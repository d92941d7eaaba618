import { apiRoute } from "@/lib/http/api";
import { searchCheckIn } from "@/lib/attendance/use-cases";

export const GET = apiRoute(searchCheckIn);
