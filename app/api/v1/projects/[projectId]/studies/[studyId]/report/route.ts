import { apiRoute } from "@/lib/http/api";
import { getStudyReport } from "@/lib/reports/study-report";

export const GET = apiRoute(getStudyReport);
