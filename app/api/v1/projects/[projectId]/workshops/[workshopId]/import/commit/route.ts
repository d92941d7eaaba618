import { apiRoute } from "@/lib/http/api";
import { commitAttendanceImport } from "@/lib/imports/attendance";

export const POST = apiRoute(commitAttendanceImport);
