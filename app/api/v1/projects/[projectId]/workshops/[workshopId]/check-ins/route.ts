import { apiRoute } from "@/lib/http/api";
import { recordCheckIns } from "@/lib/attendance/check-in";

export const POST = apiRoute(recordCheckIns);
