import { apiRoute } from "@/lib/http/api";
import { getStudyReport } from "@/lib/studies/report";

export const GET = apiRoute(getStudyReport);
