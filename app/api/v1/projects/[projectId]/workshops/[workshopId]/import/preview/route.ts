import { apiRoute } from "@/lib/http/api";
import { previewAttendanceImport } from "@/lib/imports/attendance";

export const POST = apiRoute(previewAttendanceImport);
