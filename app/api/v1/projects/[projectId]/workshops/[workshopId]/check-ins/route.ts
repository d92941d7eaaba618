import { apiRoute } from "@/lib/http/api";
import { recordCheckIns } from "@/lib/attendance/use-cases";

export const POST = apiRoute(recordCheckIns);
